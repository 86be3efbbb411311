import { defineConfig } from 'wxt';

// Hosts the shipped extension runs on (shared/CONTRACT.md "Where it runs"). A test build (TL_TEST_BUILD=1)
// may add loopback hosts so Firefox tests can serve fixtures over plain http.
export const SITE_MATCHES = [
  'https://www.macrumors.com/*',
  'https://macrumors.com/*',
  'https://forums.macrumors.com/*',
];
export const TEST_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
const isTestBuild = process.env.TL_TEST_BUILD === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: isTestBuild ? '.output-test' : '.output',
  manifest: ({ browser }) => ({
    name: 'Threadlight',
    description: 'Reads news-site comment sections as quote threads, with rating sort, brand highlighting and filters.',
    permissions: ['storage'],
    host_permissions: isTestBuild ? [...SITE_MATCHES, ...TEST_MATCHES] : SITE_MATCHES,
    action: { default_title: 'Threadlight' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'threadlight@threadlight.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!isTestBuild) return;
      for (const script of manifest.content_scripts ?? [])
        script.matches = [...(script.matches ?? []), ...TEST_MATCHES];
    },
  },
  vite: () => ({
    // Test builds also accept loopback forum threads (utils/platform/forum-fetch.ts).
    define: { 'import.meta.env.TL_TEST_BUILD': JSON.stringify(isTestBuild ? '1' : '') },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
