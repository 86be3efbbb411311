import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decide } from '@/utils/content/page-watch';
import { createSettler, QUIET_MS, SETTLE_CAP_MS } from '@/utils/content/settle';

/** A fake record: what changed (target) and what was added. */
const record = (target: Node, added: Node[] = []) =>
  ({ target, addedNodes: added as unknown as NodeList, removedNodes: [] as unknown as NodeList }) as MutationRecord;

describe("the page watcher's decisions", () => {
  let container: HTMLElement;
  let host: HTMLElement;
  let root: HTMLElement;
  let elsewhere: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML =
      '<main><div id="c"><div data-threadlight="thread"><p>ours</p></div><div id="comments"><p>1</p></div></div></main><aside></aside>';
    container = document.getElementById('c')!;
    host = container.firstElementChild as HTMLElement;
    root = document.getElementById('comments')!;
    elsewhere = document.querySelector('aside')!;
  });

  it('sees nothing in our own rendering', () => {
    expect(decide({ root, host }, [record(host.firstChild!), record(host, [document.createElement('p')])])).toBe(
      'none',
    );
  });

  it('re-reads when the site changes the section', () => {
    expect(decide({ root, host }, [record(root.firstChild!)])).toBe('changed');
    expect(decide({ root, host }, [record(root, [document.createElement('div')])])).toBe('changed');
  });

  it('detects again when the site renders the section again, replaces it, or removes our view', () => {
    // The framework renders the container again.
    container.replaceChildren(...Array.from(container.childNodes, (n) => n.cloneNode(true)));
    expect(decide({ root, host }, [])).toBe('lost');
    document.body.innerHTML = '<div id="comments"></div>';
    expect(decide({ root, host: null }, [])).toBe('lost');
  });

  it('loses the view when only our element is taken away', () => {
    host.remove();
    expect(decide({ root, host }, [record(container)])).toBe('lost');
  });

  it('looks for a section when nodes arrive while none is shown, and ignores changes elsewhere otherwise', () => {
    const added = record(elsewhere, [document.createElement('div')]);
    expect(decide({ root: null, host: null }, [added])).toBe('seek');
    expect(decide({ root: null, host: null }, [record(elsewhere)])).toBe('none');
    expect(decide({ root, host }, [added])).toBe('none');
  });

  it('keeps the view off ("Original") without calling the section lost', () => {
    expect(decide({ root, host: null }, [record(container)])).toBe('none');
  });
});

describe('settling after a navigation', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const ctx = { isValid: true, onInvalidated: () => () => {} };

  it('settles after a quiet period, restarted by activity, and at the latest at the cap', () => {
    const settler = createSettler(ctx as never);
    const settled = vi.fn();
    settler.start(settled);
    vi.advanceTimersByTime(QUIET_MS - 50);
    settler.activity();
    vi.advanceTimersByTime(QUIET_MS - 50);
    expect(settled).not.toHaveBeenCalled();
    expect(settler.waiting).toBe(true);
    vi.advanceTimersByTime(50);
    expect(settled).toHaveBeenCalledTimes(1);
    expect(settler.waiting).toBe(false);
  });

  it('gives up waiting for quiet at the cap', () => {
    const settler = createSettler(ctx as never);
    const settled = vi.fn();
    settler.start(settled);
    for (let t = 0; t < SETTLE_CAP_MS; t += 100) {
      vi.advanceTimersByTime(100);
      settler.activity();
    }
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('settles at once when the old section goes, and only once', () => {
    const settler = createSettler(ctx as never);
    const settled = vi.fn();
    settler.start(settled);
    settler.now();
    vi.advanceTimersByTime(SETTLE_CAP_MS * 2);
    expect(settled).toHaveBeenCalledTimes(1);
  });
});
