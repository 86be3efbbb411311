import type { CommentSection } from '@/utils/pipeline/model';
import { forumOf } from '@/utils/platform/forum-fetch';
import { visitDiscussion, wasSeen } from '@/utils/platform/seen';
import type { SectionView } from './section-view';

// "New since the last visit" for one view: the discussion's key, what the reader had seen before this visit
// (read once, on the first reading of the section), and the marks drawn from it on every later reading (the
// site adding comments, the full discussion loaded). Every reading is remembered as seen.

/** One key per discussion: its forum thread where it has one (an article and its thread share it), else the page. */
export function discussionKey(section: CommentSection, href: string): string {
  const url = section.discussionUrl;
  const forum = url ? forumOf(url, section.source) : null;
  if (url && forum) return `${new URL(url).host}/${forum.threadKey(url)}`;
  const page = new URL(href);
  return `${page.host}${page.pathname}`;
}

export interface FreshTracker {
  /** The section was read (first, again, or merged with the full discussion). */
  update(section: CommentSection): void;
  markRead(): void;
}

export function createFreshTracker(view: () => SectionView | null, href: string): FreshTracker {
  let baseline: ReadonlySet<string> | null | undefined;
  let key: string | null = null;
  let latest: CommentSection | null = null;
  /** Ids this view already wrote as seen: a reading with nothing more (the site drawing again) writes nothing. */
  const recorded = new Set<string>();
  const show = () => {
    if (!latest || !baseline) return view()?.setFresh(new Set());
    const seen = baseline;
    view()?.setFresh(new Set(latest.comments.map((c) => c.id).filter((id) => !wasSeen(seen, id))));
  };
  return {
    update(section) {
      latest = section;
      key ??= discussionKey(section, href);
      const ids = section.comments.map((c) => c.id);
      if (baseline !== undefined && ids.every((id) => recorded.has(id))) return show();
      for (const id of ids) recorded.add(id);
      void visitDiscussion(key, ids)
        .then((before) => {
          if (baseline === undefined) baseline = before;
          show();
        })
        .catch(() => undefined);
    },
    markRead() {
      baseline = null;
      show();
    },
  };
}
