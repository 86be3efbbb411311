// The reader's notes are drawn in closed shadow roots, which no script of the page (nor Playwright's own
// selectors) can enter. Chromium's DevTools protocol sees the whole tree (DOM.getDocument with pierce), which is
// how a test reads what the reader sees there: each note's text with the comment it stands in.

/** [{ comment, text }] for every [data-threadlight="note"] on the page, read through the DevTools protocol. */
export async function notesOnPage(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const found = [];
    const attrs = (node) => {
      const out = {};
      for (let i = 0; i + 1 < (node.attributes ?? []).length; i += 2) out[node.attributes[i]] = node.attributes[i + 1];
      return out;
    };
    const text = (node) =>
      node.nodeType === 3 ? node.nodeValue : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(text).join('');
    const walk = (node, comment) => {
      const a = attrs(node);
      const here = a['data-comment-id'] ?? comment;
      if (a['data-threadlight'] === 'note')
        found.push({ comment: here, text: (node.shadowRoots ?? []).map(text).join('') });
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), node.contentDocument].filter(Boolean))
        walk(child, here);
    };
    walk(root, null);
    return found;
  } finally {
    await cdp.detach();
  }
}
