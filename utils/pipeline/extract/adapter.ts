import type { Comment, NotLoaded, PlatformTopic } from '@/utils/pipeline/model';
import type { QuoteReader } from './body';

// The contract between site knowledge and the shared extraction: a site module names its hosts and an
// adapter that locates the comment section and reads one comment block; the shared code (convert.ts) turns
// what it reads into Comment data. A forum engine also knows its thread addresses and pagination.

/** One per site or engine: the only code that knows its markup. */
export interface SiteAdapter {
  /**
   * Where the comment section might be, best guess first (markup eras, then visible signals): its root, its
   * comment blocks and how to read one. Lazy, so later guesses run only when earlier ones are rejected.
   */
  locate(doc: Document, url: URL, data?: PageData): Iterable<LocatedSection>;
  /**
   * Platform data the page's discussion needs and the page does not hold (an app forum's topic after in-app
   * navigation): a same-origin JSON address the content app fetches once before locating again; null when
   * nothing is missing. Data readers only (extract/data/).
   */
  wants?(doc: Document, url: URL, data: PageData): string | null;
  /**
   * A simple selector for the element that holds this site's known section markup, hidden from the moment the
   * parser creates it until the first view is ready (utils/content/hold.ts); none for signal-found sections.
   */
  holdSelector?: string;
  /**
   * Why no section was read on a page that has a discussion, asked only when none was found (the popup says
   * it): 'unclear-tree' when the comments look nested but the tree does not read for certain.
   */
  declined?(doc: Document, url: URL): 'unclear-tree' | null;
  /**
   * The page is this platform's (an app forum): when it gives no section (the app is still drawing, the data
   * is not there), no other reader may guess at the app's markup.
   */
  claims?(doc: Document): boolean;
}

/** Thread addresses and pagination of a forum engine: what "Load full discussion" needs. */
export interface ForumKnowledge {
  /** Whether the address is a thread of this forum (host checks are the registry's). */
  isThreadPath(url: URL): boolean;
  /** Pages in the thread, from a page's own navigation. */
  pageCount(doc: Document): number;
  /** Every page's address as this page's pagination gives them (engines that number pages their own way). */
  pageUrls?(doc: Document, url: URL): string[] | null;
  /** Address of page n, from the address of any page of the thread. */
  pageUrl(threadUrl: string, n: number): string;
  /** The same key for every page and spelling of one thread's address. */
  threadKey(threadUrl: string): string;
  /** Every post of one page. */
  readPage(doc: Document, url: URL): Comment[];
}

/**
 * A site or engine as the registry (sites/registry.ts) knows it. Its hosts and path pattern decide where the
 * content script runs (the manifest) and which adapter reads a page (the same pattern, at run time).
 */
export interface SiteModule {
  id: string;
  /** Host names the shipped extension runs on and asks permission for. */
  hosts: string[];
  /** The content script's path pattern on those hosts (a match-pattern path). */
  paths: string;
  adapter: SiteAdapter;
  forum?: ForumKnowledge;
  /** The forum knowledge of the engine a section was read with (by its `source`): sites the reader adds. */
  forumFor?(source: string): ForumKnowledge | undefined;
}

/** Same-origin JSON the content app fetched for a data reader, by address (parsed; hostile like the page). */
export interface PageData {
  get(url: string): unknown;
}

/** A candidate comment section: found, not yet read. Reading the blocks is the costly part. */
export type LocatedSection = MarkupSection | DataSection;

/** What every candidate section says about itself, whatever it is read from. */
interface SectionPlace {
  /** Where the view goes (before it) and what it hides. */
  root: Element;
  heading: string;
  discussionUrl?: string;
  /** Every page of the discussion, in order, when its engine numbers pages its own way (threadPages). */
  pages?: string[];
  source: string;
  /** Whether the comments read look like this markup really is a comment section. */
  accept?(comments: Comment[]): boolean;
  /** Top-level comments the page does not hold (url already checked: safeUrl). */
  more?: NotLoaded;
  /** The topic as its platform serves it, where the platform's data says (the rest loads from it). */
  topic?: PlatformTopic;
}

/** A section in the page's markup (DOM adapters, sites/): comment blocks and how to read one. */
export interface MarkupSection extends SectionPlace {
  blocks: Element[];
  read(block: Element): RawComment;
  quotes: QuoteReader;
  base: string;
}

/**
 * A section read from the platform's data (data readers, extract/data/): its comments, made one by one as the
 * extraction asks (so a long topic is read between pauses); the root is only where the app draws it.
 */
export interface DataSection extends SectionPlace {
  comments: Iterable<Comment>;
  topic: PlatformTopic;
}

/** What an adapter reads off one comment block before the shared conversion. */
export interface RawComment {
  author: string;
  authorUrl?: string;
  avatarUrl?: string;
  postUrl?: string;
  postId?: string;
  timeText: string;
  timestamp?: number;
  voteText: string | null;
  /** Votes counted some other way (XenForo reactions); wins over voteText. */
  votes?: number;
  body: Element | null;
  /** The author's signature under the post, shown folded ("Signature") and never read as their words. */
  signature?: Element | null;
  page?: number;
  /** The post's number as the page shows it ("#12"). */
  number?: number;
  /** The thread's opening post (see Comment.opening). */
  opening?: boolean;
  /** Post id of a parent the page records without drawing a tree (a reply link, NodeBB's answered post). */
  parentId?: string;
  /**
   * Post id of the comment the site draws this one under (nesting, an indent level): its tree, never changed.
   * Null: the site draws it at top level.
   */
  siteParent?: string | null;
  /**
   * The same, as the position of that comment among the section's blocks (boards whose posts may have no
   * ids: the parent's id is known only once it is read). Null: top level.
   */
  siteParentAt?: number | null;
  /** An "@Name" the markup itself marks as the reply's addressee (else read from the body's first words). */
  replyTo?: string;
  /** Replies the page does not hold (url already checked: safeUrl). */
  more?: NotLoaded;
  /** Only the comment's place is on the page (Comment.withheld). */
  withheld?: boolean;
}
