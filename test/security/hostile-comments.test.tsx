import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createSectionView } from '@/utils/content/section-view';
import { viewParts } from '@/test/support/view-parts';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { DEFAULT_PREFS, validatePrefs } from '@/utils/platform/prefs';
import { ARTICLE_URL } from '@/test/support/helpers';

// Comment HTML is hostile. Whatever a body contains, our view must hold nothing executable: no script-ish
// elements, no on* attributes, no URLs but http(s), no DOM-clobbering names, and extraction must not throw.

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"><circle r=1 /></svg>',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<a href=" JaVaScRiPt:alert(1)">spaced</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<script>window.__pwned=1</script>',
  '<img name="getElementById"><form name="body"><input name="cookie"></form>',
  '<a id="tl-c-1" name="querySelector" href="https://ok.example/">clobber</a>',
  '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x">',
  '<math><mtext><style><img src=x onerror=alert(1)></style></mtext></math>',
  '<div style="background:url(javascript:alert(1))" onclick="alert(1)">styled</div>',
  '<p class="quote" onmouseover="alert(1)">quoted <b onclick="x()">bold</b></p> reply',
  '<template><img src=x onerror=alert(1)></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<base href="javascript:alert(1)//"><a href="/x">relative</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<a href="vbscript:msgbox(1)">vb</a><a href="blob:https://x/1">blob</a>',
  '&lt;script&gt;alert(1)&lt;/script&gt; as text',
];

function page(bodies: string[]): string {
  const blocks = bodies
    .map(
      (b, i) =>
        `<div class="comment"><div class="comment_content"><div class="username"><a href="https://forums.macrumors.com/posts/${1000 + i}">user${i}</a></div><div class="date">1 hour ago</div><div class="content">${b}</div><div class="rating"><strong>Rating:</strong> ${i} Votes</div></div></div>`,
    )
    .join('');
  return `<html><body><div id="comments"><h2>Top Rated Comments</h2>${blocks}</div></body></html>`;
}

/** Parses the page into a document without a browsing context (its iframes never load), as a page would
 * present it to the content script, and renders our view into it. */
function render(bodies: string[]) {
  const doc = new DOMParser().parseFromString(page(bodies), 'text/html');
  const section = findSection(doc, ARTICLE_URL);
  if (!section) return null;
  const view = createSectionView(section, { parts: viewParts, onViewPrefs: () => {} });
  view.update(DEFAULT_PREFS);
  return doc.querySelector('[data-threadlight="thread"]');
}

function assertInert(host: Element) {
  const bad = host.querySelectorAll(
    'script, iframe, frame, object, embed, svg:not(.tl-chart svg), math, template, noscript, base, meta, form, input:not([type]), style, link',
  );
  expect(Array.from(bad).map((e) => e.tagName)).toEqual([]);
  for (const el of Array.from(host.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.startsWith('on'), `${el.tagName} has ${attr.name}`).toBe(false);
      expect(attr.name, `${el.tagName} has a name attribute`).not.toBe('name');
      if (
        attr.name === 'href' ||
        attr.name === 'src' ||
        attr.name === 'srcdoc' ||
        attr.name === 'action' ||
        attr.name === 'formaction'
      ) {
        expect(attr.value, `${el.tagName} ${attr.name}`).toMatch(/^https?:\/\//);
      }
      if (attr.name === 'style') expect(attr.value).not.toMatch(/url\s*\(|expression/i);
    }
  }
  // Only our own ids (tl-c-<comment id>).
  for (const el of Array.from(host.querySelectorAll('[id]'))) expect(el.id).toMatch(/^tl-c-/);
}

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
  delete (window as unknown as Record<string, unknown>).__pwned;
});

describe('hostile comment bodies', () => {
  it.each(PAYLOADS.map((p) => [p]))('renders inert: %s', (payload) => {
    const host = render([payload, 'a normal comment'])!;
    expect(host).not.toBeNull();
    assertInert(host);
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('keeps the visible text of what it drops where that is content', () => {
    const host = render(['<a href="javascript:alert(1)">click me</a> and <b onclick="x()">bold</b>'])!;
    expect(host.querySelector('.tl-body')!.textContent).toBe('click me and bold');
    expect(host.querySelector('.tl-body strong')!.textContent).toBe('bold');
  });

  it('shows markup-looking text as text', () => {
    const host = render(['&lt;img src=x onerror=alert(1)&gt;'])!;
    expect(host.querySelector('.tl-body')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(host.querySelector('.tl-body img')).toBeNull();
  });

  it('any body HTML: extraction and rendering never throw, emit nothing executable, and are idempotent', () => {
    const tag = fc.constantFrom(
      'p',
      'a',
      'img',
      'b',
      'i',
      'svg',
      'script',
      'iframe',
      'div',
      'span',
      'blockquote',
      'br',
      'form',
      'math',
      'object',
      'ul',
      'li',
      'em',
    );
    const attr = fc.tuple(
      fc.constantFrom(
        'href',
        'src',
        'onerror',
        'onclick',
        'onload',
        'name',
        'id',
        'class',
        'style',
        'srcdoc',
        'data-src',
        'formaction',
      ),
      fc.oneof(
        fc.constantFrom(
          'javascript:alert(1)',
          'https://ok.example/x',
          'data:text/html,x',
          'quote',
          'getElementById',
          'x',
          '  java\tscript:1',
        ),
        fc.string({ maxLength: 12 }),
      ),
    );
    const element = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.string({ maxLength: 20 }).map((s) => s.replace(/[<>&]/g, ' ')),
        fc
          .tuple(tag, fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }))
          .map(
            ([t, attrs, kids]) =>
              `<${t} ${attrs.map(([k, v]) => `${k}="${v.replace(/"/g, '&quot;')}"`).join(' ')}>${kids.join('')}</${t}>`,
          ),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 4 }), (bodies) => {
        const host = render(bodies);
        if (!host) return;
        assertInert(host);
        const first = host.innerHTML;
        const again = render(bodies)!;
        expect(again.innerHTML).toBe(first);
      }),
      { numRuns: 300 },
    );
  });
});

describe('robustness', () => {
  it('a single 1 MB comment', () => {
    const big = ('the quick brown fox jumps over the lazy dog. '.repeat(22) + 'Huawei and Apple. ').repeat(1000);
    expect(big.length).toBeGreaterThan(1_000_000);
    const host = render([big, 'small'])!;
    expect(host.querySelectorAll('[role="treeitem"]')).toHaveLength(2);
    expect(host.querySelector('mark[data-brand="huawei"]')).not.toBeNull();
  });

  it('a body nested 200 levels deep', () => {
    const deep = '<div>'.repeat(200) + 'deep text' + '</div>'.repeat(200);
    const host = render([deep])!;
    expect(host.querySelector('.tl-body')!.textContent).toContain('deep text');
  });

  it('empty comments and missing votes', () => {
    const doc = new DOMParser().parseFromString(
      '<body><div id="comments"><h2>Top Rated Comments</h2><div class="comment"><div class="comment_content"><div class="username"><a>ghost</a></div><div class="content"></div></div></div></div></body>',
      'text/html',
    );
    const section = findSection(doc, ARTICLE_URL)!;
    expect(section.comments[0]).toMatchObject({ author: 'ghost', votes: 0, votesMissing: true, body: [] });
  });
});

describe('any stored settings blob', () => {
  it('becomes valid preferences, and validating again changes nothing', () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 4, withObjectString: true, withNullPrototype: true }),
        fc.anything({ maxDepth: 3 }),
        (a, b) => {
          for (const raw of [a, { view: a, filters: b, brands: a }, { filters: { mutedWords: a, minRating: b } }]) {
            const prefs = validatePrefs(raw);
            expect(validatePrefs(JSON.parse(JSON.stringify(prefs)))).toEqual(prefs);
            expect(typeof prefs.view.enabled).toBe('boolean');
            expect(['threaded', 'flat', 'original']).toContain(prefs.view.view);
            expect(prefs.filters.mutedWords.every((w) => typeof w === 'string')).toBe(true);
            expect(prefs.filters.minRating === null || Number.isInteger(prefs.filters.minRating)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
