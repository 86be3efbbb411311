// The phone-width check both browsers run (passed to page.evaluate with a selector): controls under 24 px
// (WCAG 2.5.8's target size; the thread line is exempt, its [−] / [+] toggle is the same control at full
// size), and how far the element or the document scrolls sideways.
export function phoneLayout(selector) {
  const el = document.querySelector(selector);
  const root = document.documentElement;
  const controls = Array.from(el.querySelectorAll('button, input, select, textarea, summary')).filter(
    (c) => !c.classList.contains('tl-thread-line') && c.getClientRects().length > 0,
  );
  const small = controls
    .map((c) => ({ c, r: c.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 24 || r.height < 24)
    .map(
      ({ c, r }) =>
        `${c.tagName.toLowerCase()}.${c.className} "${(c.getAttribute('aria-label') || c.textContent).trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
    );
  const wide = Array.from(el.querySelectorAll('*'))
    .filter((c) => c.getBoundingClientRect().right > root.clientWidth + 0.5)
    .map((c) => `${c.tagName.toLowerCase()}.${c.className} "${(c.textContent || '').trim().slice(0, 30)}"`)
    .slice(0, 5);
  const overflow = Math.max(el.scrollWidth - el.clientWidth, root.scrollWidth - root.clientWidth);
  return { width: root.clientWidth, overflow, wide, small };
}
