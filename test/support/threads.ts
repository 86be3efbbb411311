import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import type { Comment } from '@/utils/pipeline/model';

// Builders and views of comments and forests shared by the threading and arranging tests.

/** "author(child, child)" outline of a forest, in the forest's order. */
export function outline(nodes: ThreadNode[]): string[] {
  return nodes.map((n) =>
    n.children.length ? `${n.comment.author}(${outline(n.children).join(', ')})` : n.comment.author,
  );
}

/** A comment with the given id and own text; author a<id>, page position from the id's digits. */
export function comment(
  id: string,
  ownText: string,
  quotes: Comment['quotes'] = [],
  extra: Partial<Comment> = {},
): Comment {
  return {
    id,
    author: `a${id}`,
    timeText: '',
    votes: 0,
    votesMissing: false,
    body: [],
    quotes,
    ownText,
    index: Number(id.replace(/\D/g, '')) || 0,
    ...extra,
  };
}
