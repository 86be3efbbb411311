// The comment model every stage of the pipeline shares (extract → thread → order/filter → highlight → render).
// Bodies are structured data, never HTML strings: the renderer builds DOM from this and nothing else.

export type BodyNode =
  | { type: 'text'; text: string }
  | { type: 'br' }
  | { type: 'p' | 'em' | 'strong' | 'u' | 's' | 'code' | 'pre' | 'ul' | 'ol' | 'li' | 'span'; children: BodyNode[] }
  | { type: 'link'; href: string; children: BodyNode[] }
  | { type: 'img'; src: string; alt: string }
  /** A spoiler or signature: shown folded, opened by the reader (label: the page's own, '' for ours). */
  | { type: 'fold'; kind: 'spoiler' | 'signature'; label: string; children: BodyNode[] }
  /** A quoted excerpt; `index` points into `Comment.quotes`. */
  | { type: 'quote'; index: number; children: BodyNode[] };

export interface Quote {
  /** Plain text of the quoted excerpt. */
  text: string;
  /** Post id of the quoted comment when the markup names it (XenForo `data-source`, a /posts/N link). */
  sourceId?: string;
  sourceAuthor?: string;
}

/**
 * Comments the site has that this page does not hold ("load more comments (3 replies)", "continue this
 * thread", a "More" page): they keep their place in the tree as "not loaded here", with the site's own link.
 */
export interface NotLoaded {
  /** How many, when the site says; null when it does not. */
  count: number | null;
  /** The site's own page that shows them (http or https only). */
  url?: string;
}

export interface Comment {
  /** The site's post id where the markup has one, else a stable hash of author and text. */
  id: string;
  author: string;
  authorUrl?: string;
  avatarUrl?: string;
  postUrl?: string;
  /** Relative time exactly as the page shows it ("26 months ago"). */
  timeText: string;
  /** Estimated epoch ms for sorting; undefined when the text could not be read. */
  timestamp?: number;
  votes: number;
  /** True when the page showed no readable vote count (votes is then 0). */
  votesMissing: boolean;
  body: BodyNode[];
  quotes: Quote[];
  /** The comment's own words: its body text without the quotes it contains. */
  ownText: string;
  /** Position on the page, 0-based. */
  index: number;
  /** The post's number as the page shows it ("#12"), where it shows one: what "#12" in a reply names. */
  number?: number;
  /** Forum page number, when extracted from a forum thread. */
  page?: number;
  /** The thread's opening post (a forum thread's first post on its first page): first under every sort. */
  opening?: boolean;
  /** Id of a parent the page records without drawing it (a reply link, a theme's data-parent). */
  parentHint?: string;
  /**
   * Where the site draws the comment in its own tree: the id of the comment it sits under, or null at top
   * level. Absent on flat pages. The thread stage keeps it whatever quotes say (parent-rules.ts).
   */
  siteParent?: string | null;
  /** The name an "@Name" at the start of the comment answers (threaded under that author's latest comment). */
  replyTo?: string;
  /** Replies of this comment the page does not hold. */
  more?: NotLoaded;
  /**
   * The page shows only this comment's place, not its author or words (Slashdot's comments below the reader's
   * threshold): it keeps its place and its replies, shown as "not loaded here" with `postUrl`.
   */
  withheld?: boolean;
}

export interface CommentSection {
  /** The element that holds the whole section (heading, comments, links); hidden while our view shows. */
  root: Element;
  comments: Comment[];
  /** "(View all)" / "Read All Comments" target: the full forum discussion. */
  discussionUrl?: string;
  /** Every page of that discussion, in order, where the engine's addresses are read off the page. */
  pages?: string[];
  heading: string;
  /** Which adapter or markup era found it, for diagnostics and tests. */
  source: string;
  /** Top-level comments the page does not hold (a "More" page, "load more comments" at the end). */
  more?: NotLoaded;
  /**
   * Read from the platform's own data (an app forum), not from markup: the app redrawing its posts changes
   * nothing, and "Load full discussion" loads the posts the topic lists from the platform's JSON.
   */
  topic?: PlatformTopic;
}

/** A discussion its platform serves as data (Discourse, Flarum, NodeBB): what loading the rest needs. */
export interface PlatformTopic {
  /** Which platform's reader and loader (utils/pipeline/extract/data/, utils/content/topic-loaders.ts). */
  platform: 'discourse' | 'flarum' | 'nodebb';
  /** The topic's address without a post number (the cache's key; endpoints are found from it). */
  url: string;
  id: string;
  /** Every post id of the topic, in order, where the platform lists them (none listed: empty). */
  posts: string[];
  /** The platform's API address, where it is not found from the topic's (Flarum's `apiUrl`, NodeBB's topic). */
  api?: string;
  /** Posts the topic has, where the platform lists no ids (NodeBB). */
  count?: number;
  /** Its pages, where the platform serves it by page (NodeBB). */
  pages?: number;
}

/** A page rates its comments when at least one shows a vote count (most forums and blogs show none). */
export const isRated = (comments: readonly Comment[]): boolean => comments.some((c) => !c.votesMissing);
