import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import './test/support/node20-compat';

// `npm run bench` only: the pure pipeline benchmarks, printed as tables. Never part of `npm test`.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['test/bench/*.bench-run.ts'],
    testTimeout: 600_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
