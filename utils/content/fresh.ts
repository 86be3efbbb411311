import type { CommentSection } from '@/utils/pipeline/model';
import { forumOf } from '@/utils/platform/forum-fetch';
import { visitDiscussion, wasSeen } from '@/utils/platform/seen';
import { placeOf, rememberPlace, type Place } from '@/utils/platform/places';
import type { SectionView } from './section-view';

// "New since the last visit" for one view: the discussion's key, what the reader had seen before this visit
// (read once, on the first reading of the section), and the marks drawn from it on every later reading (the
// site adding comments, the full discussion loaded). Every reading is remembered as seen. Beside it, the place
// the reader had reached last time (read once too, places.ts) and the place they reach now (written as they
// read, at most once a second: the view reports it).

/**
 * Query parameters that never name a discussion: tracking, sessions, and the page, sort or highlight of one
 * (a WordPress `?p=`, Hacker News' `?id=` do name one and stay).
 */
const NOT_NAMING =
  /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_[ce]id|ref|ref_src|sid|s|amp|share|cpage|page|start|sort|order|highlight|hilit|view)$/i;

/**
 * One key per discussion: its forum thread where it has one (an article and its thread share it; a forum
 * thread's every page too), else the page by its path and the query parameters that name it.
 */
export function discussionKey(section: CommentSection, href: string): string {
  const clean = named(href);
  const url = section.discussionUrl ?? clean;
  const forum = forumOf(url, section.source);
  if (forum) return `${new URL(url).host}/${forum.threadKey(url)}`;
  const page = new URL(clean);
  return `${page.host}${page.pathname}${page.search}`;
}

/**
 * The address with only the query parameters that name its page, sorted, and no fragment (a phpBB topic's
 * `sid` or `start` makes no other topic).
 */
function named(href: string): string {
  const page = new URL(href);
  const kept = Array.from(page.searchParams).filter(([k]) => !NOT_NAMING.test(k));
  page.search = kept.length ? new URLSearchParams(kept.sort(([a], [b]) => (a < b ? -1 : 1))).toString() : '';
  page.hash = '';
  return page.href;
}

export interface FreshTracker {
  /**
   * The section was read (first, again, or merged with the full discussion); `arrived`: posts a watched
   * discussion's check brought while the view was open, new even on a first visit.
   */
  update(section: CommentSection, arrived?: ReadonlySet<string>): void;
  markRead(): void;
  /** Where the reader was last time in this discussion, once known (null: nowhere remembered). */
  resume(): Place | null;
  /** The reader has this comment on screen now. */
  reached(place: Place): void;
}

export function createFreshTracker(view: () => SectionView | null, href: string): FreshTracker {
  let baseline: ReadonlySet<string> | null | undefined;
  let key: string | null = null;
  let latest: CommentSection | null = null;
  let resume: Place | null = null;
  let lastPlace = '';
  /** Ids this view already wrote as seen: a reading with nothing more (the site drawing again) writes nothing. */
  const recorded = new Set<string>();
  let arrived: ReadonlySet<string> = new Set();
  /** Arrivals the reader marked read. */
  const read = new Set<string>();
  const show = () => {
    const seen = baseline;
    const ids = latest && seen ? latest.comments.map((c) => c.id).filter((id) => !wasSeen(seen, id)) : [];
    const more = Array.from(arrived).filter((id) => !read.has(id));
    view()?.setFresh(new Set(more.length ? [...ids, ...more] : ids));
  };
  return {
    update(section, next) {
      latest = section;
      // Arrivals are marked at once, not after the seen state is read: drawn new from their first frame.
      if (next && next !== arrived) {
        arrived = next;
        show();
      }
      const first = key === null;
      key ??= discussionKey(section, href);
      const ids = section.comments.map((c) => c.id);
      if (baseline !== undefined && ids.every((id) => recorded.has(id))) return show();
      for (const id of ids) recorded.add(id);
      const place = first ? placeOf(key).catch(() => null) : Promise.resolve(resume);
      void Promise.all([visitDiscussion(key, ids), place])
        .then(([before, at]) => {
          if (baseline === undefined) baseline = before;
          const moved = at !== resume;
          resume = at;
          show();
          // The place to continue from is drawn in the header, not in the marks: draw again when it arrived.
          if (moved) view()?.redraw();
        })
        .catch(() => undefined);
    },
    resume: () => resume,
    reached(place) {
      if (!key || place.id === lastPlace) return;
      lastPlace = place.id;
      void rememberPlace(key, place).catch(() => undefined);
    },
    markRead() {
      baseline = null;
      for (const id of arrived) read.add(id);
      show();
    },
  };
}
