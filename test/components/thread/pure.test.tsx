import { render } from 'preact';
import { useReducer } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { pure } from '@/components/thread/pure';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('pure (memo without preact/compat)', () => {
  it('skips a render with the same props, renders on a changed prop and on its own hook state', async () => {
    let renders = 0;
    let bump: () => void = () => undefined;
    const Item = pure(function Item({ label }: { label: string }) {
      const [n, inc] = useReducer((x: number, _: unknown) => x + 1, 0);
      bump = () => inc(undefined);
      renders++;
      return <span>{`${label}:${n}`}</span>;
    });
    const host = document.createElement('div');
    render(<Item label="a" />, host);
    render(<Item label="a" />, host);
    expect(renders).toBe(1);
    render(<Item label="b" />, host);
    expect(renders).toBe(2);
    bump();
    await tick();
    expect(renders).toBe(3);
    expect(host.textContent).toBe('b:1');
    render(<Item label="b" />, host);
    expect(renders).toBe(3);
    render(null, host);
  });
});
