import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Named } from '@/components/shared/Named';

describe('a name inside one of our sentences', () => {
  it('stands in <bdi>, so a right-to-left override in it cannot reorder the words around it', () => {
    const root = document.createElement('div');
    const name = '\u202Eevil name';
    render(<Named k="hiddenComment" name={name} rest={['muted user']} />, root);
    const bdi = root.querySelector('bdi')!;
    expect(bdi.textContent).toBe(name);
    expect(bdi.previousSibling?.textContent).toBe('Comment by ');
    // The sentence reads exactly as the plain message (accessible names stay what the contract says).
    expect(root.textContent).toBe(`Comment by ${name} hidden: muted user.`);
  });
});
