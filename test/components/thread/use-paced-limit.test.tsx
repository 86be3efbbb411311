import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { usePacedLimit } from '@/components/thread/use-paced-limit';

const tick = () => new Promise((r) => setTimeout(r, 0));

function Probe({
  model,
  sizes,
  first,
  log,
  maxChunk,
  eager,
  near = true,
}: {
  model: object;
  sizes: number[];
  first: number;
  log: number[];
  maxChunk?: number;
  eager?: number;
  near?: boolean;
}) {
  const { visibleRoots } = usePacedLimit(model, sizes, { first, maxChunk, eager, near });
  log.push(visibleRoots);
  return <p>{visibleRoots}</p>;
}

async function untilComplete(log: number[], total: number) {
  for (let i = 0; i < 200 && log[log.length - 1] !== total; i++) await tick();
}

describe('progressive rendering, paced by time', () => {
  it('always moves on, also past a thread larger than a chunk, until every thread is shown', async () => {
    // Small threads, then one of 60 comments: a chunk never fits it, yet it must be rendered.
    const sizes = [1, 1, 1, 60, 1, 1, 30, 1];
    const log: number[] = [];
    const host = document.createElement('div');
    render(<Probe model={{}} sizes={sizes} first={2} log={log} maxChunk={2} />, host);
    expect(log[0]).toBe(2);
    await untilComplete(log, sizes.length);
    expect(log[log.length - 1]).toBe(sizes.length);
    // Never goes back, and the big thread did not stall it.
    expect(log).toEqual(log.slice().sort((a, b) => a - b));
    render(null, host);
  });

  it('starts again from the first chunk for a new model', async () => {
    const sizes = Array.from({ length: 300 }, () => 1);
    const log: number[] = [];
    const host = document.createElement('div');
    render(<Probe model={{ v: 1 }} sizes={sizes} first={5} log={log} />, host);
    await untilComplete(log, 300);
    expect(log[log.length - 1]).toBe(300);
    render(<Probe model={{ v: 2 }} sizes={sizes} first={5} log={log} />, host);
    expect(log[log.length - 1]).toBe(5);
    await untilComplete(log, 300);
    expect(log[log.length - 1]).toBe(300);
    render(null, host);
  });
});

describe('rendering on demand past the eager part', () => {
  it('waits at the eager count until the end of the list is near, then goes on', async () => {
    const sizes = Array.from({ length: 120 }, () => 1);
    const log: number[] = [];
    const host = document.createElement('div');
    render(<Probe model={{}} sizes={sizes} first={5} log={log} eager={30} maxChunk={10} near={false} />, host);
    for (let i = 0; i < 60; i++) await tick();
    const paused = log[log.length - 1]!;
    expect(paused).toBeGreaterThanOrEqual(30);
    expect(paused).toBeLessThan(40);
    // The reader scrolls towards the end of the list.
    render(<Probe model={{}} sizes={sizes} first={5} log={log} eager={30} maxChunk={10} near />, host);
    await untilComplete(log, 120);
    expect(log[log.length - 1]).toBe(120);
    render(null, host);
  });
});
