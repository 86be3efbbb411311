// A page's own JSON (an app's preloaded data) is looked at several times each time the page is read (which
// topic it shows, what it holds, where its API is): read once per text, the last text kept. The value is
// shared by every caller: readers return fresh objects and nothing changes them.

/** `read`, made once for each text in a row. */
export function oncePerText<T>(read: (text: string) => T): (text: string) => T {
  let last: { text: string; value: T } | null = null;
  return (text) => {
    if (last?.text !== text) last = { text, value: read(text) };
    return last.value;
  };
}
