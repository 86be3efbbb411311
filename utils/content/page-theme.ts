/** Whether the page under the view is dark: its background's luminance, else the system's colour scheme. */
export function pageTheme(doc: Document): 'light' | 'dark' {
  const win = doc.defaultView;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el || !win) continue;
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(win.getComputedStyle(el).backgroundColor);
    if (!m || m[4] === '0') continue;
    const [r, g, b] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return win?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
