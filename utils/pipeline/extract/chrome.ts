// Engine controls inside post bodies: the forum's own buttons and labels, which do nothing in our view.
// Dropped: code boxes' "Code: Select all" lines, "Click to expand..." / "Click to shrink" links, quote
// footers. Made ours: spoilers (and signatures inside a body) become a disclosure the reader opens.
// Each rule names the engines (and real pages) it came from.

/**
 * Controls to drop, by class: phpBB 3.x code box header (`.codebox > p`, phpbb-dostips), XenForo 2's quote
 * expand/shrink links and code block title (xenforo2-*), XenForo 1's `.quoteExpand` (xenforo1-spigotmc),
 * SMF's `.codeheader` and `.quotefooter`, MyBB's `.codeblock > .title`, vBulletin's `.bbcode_description`
 * ("Code:"); a WordPress theme's byline, date and reply link inside its comment text box
 * (wordpress-cubadebate-2022-…). Invision's spoiler header is a spoiler's label.
 */
const OWN = new Set([
  'bbCodeBlock-expandLink',
  'bbCodeBlock-shrinkLink',
  'quoteExpand',
  'codeheader',
  'quotefooter',
  'bbcode_description',
  'comment-reply-link',
]);
const tokens = (cls: string) => cls.split(/\s+/);
/** Controls known by their parent's class: `.codebox > p`, `.commenttext > cite` and the like (tag, class). */
const UNDER = new Map<string, (tag: string, own: string[]) => boolean>([
  ['codebox', (tag) => tag === 'P'],
  ['bbCodeBlock--code', (_, own) => own.includes('bbCodeBlock-title')],
  ['codeblock', (_, own) => own.includes('title')],
  // WordPress themes whose comment text box also holds the byline, date and reply link (cubadebate), or whose
  // .comment-content holds the byline list (scilogs).
  ['commenttext', (tag, own) => tag === 'CITE' || own.includes('commentmetadata') || own.includes('reply')],
  ['comment-content', (_, own) => own.includes('comment-meta')],
  // Hacker News' "reply" link inside a comment's text (2018 markup: the text span's colour class, c00…cdd).
  ...['c00', 'c5a', 'c73', 'c82', 'c88', 'c9c', 'cae', 'cbe', 'cce', 'cdd'].map(
    (colour) => [colour, (_: string, own: string[]) => own.includes('reply')] as const,
  ),
]);

/**
 * Is this element an engine's control that means nothing outside the forum's own page? Checked for every
 * element of every body, from the class attributes the walk read already (Firefox charges for every DOM
 * access a content script makes): its tag, its class and its parent's.
 */
export function isEngineControl(tag: string, cls: string, parentCls: string): boolean {
  if (!cls && !parentCls) return false;
  const own = cls ? tokens(cls) : [];
  if (own.some((name) => OWN.has(name))) return true;
  return !!parentCls && tokens(parentCls).some((name) => UNDER.get(name)?.(tag, own));
}

/**
 * Spoiler blocks: XenForo 2 `div.bbCodeSpoiler` (button + `.bbCodeSpoiler-content`), XenForo 1
 * `.bbCodeSpoilerContainer` (+ `.SpoilerTarget`), Invision `.ipsSpoiler` (`.ipsSpoiler_header` +
 * `.ipsSpoiler_contents`), phpBB/vBulletin/SMF/MyBB extensions `div.spoiler`, `.sp-wrap`; and a signature
 * inside the body (`.signature`, `.postsignature`).
 */
const SPOILER = /^(?:bbCodeSpoiler|bbCodeSpoilerContainer|ipsSpoiler|spoiler|sp-wrap|bbcode_spoiler)$/i;
const SIGNATURE = /^(?:signature|postsignature|signaturecontainer)$/i;
/** A cheap first test of the class attribute before the tokens are looked at. */
const MAYBE = /spoiler|signature|sp-wrap/i;
const CONTENT = /content|contents|text|target|body|inner|main/i;
const LABEL = /button|header|title|head|toggle|label|summary/i;

export interface Disclosure {
  kind: 'spoiler' | 'signature';
  /** The page's own label ("Spoiler", "Spoiler: Ending"), '' where it has none worth keeping. */
  label: string;
  /** The element whose children are the hidden content. */
  content: Element;
  /** An element inside the block that only labels it (not content): skipped when reading the content. */
  labelEl: Element | null;
}

const hasClass = (el: Element, pattern: RegExp) => Array.from(el.classList).some((c) => pattern.test(c));

/** A spoiler or signature block, with its label and content; null for anything else. */
export function disclosureOf(el: Element, cls: string): Disclosure | null {
  if (!cls || !MAYBE.test(cls)) return null;
  const signature = hasClass(el, SIGNATURE);
  if (!signature && !hasClass(el, SPOILER)) return null;
  const children = Array.from(el.children);
  const labelEl = children.find((c) => c.tagName === 'BUTTON' || hasClass(c, LABEL)) ?? null;
  const content = children.find((c) => c !== labelEl && hasClass(c, CONTENT)) ?? el;
  const shown = (labelEl?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const label = !signature && shown.length <= 60 ? shown : '';
  return { kind: signature ? 'signature' : 'spoiler', label, content, labelEl };
}
