// Flarum discussions for tests, in the platform's own JSON:API shapes (the page's payload with its
// `apiDocument`, `/api/discussions/<id>`, `/api/posts?filter[id]=…`), as Flarum's serializers write them: the
// discussion's `relationships.posts` lists every post id, `included` holds posts (`number`, `contentType`,
// `contentHtml`, `createdAt`, `likesCount` from flarum/likes) and their users. Mentions as Flarum renders them:
// `<a href="/d/<id>/<number>" class="PostMention" data-id="<post id>">Name</a>`.
//
// Post n of discussion d: id d*1000+n. Who answers whom (the answer key the tests check):
// - n % 5 === 0 (n > 3): quotes post n-3 (a blockquote holding its mention);
// - else n % 7 === 0: replies to post n-1 (a mention at the start);
// - n === 9: mentions a post of another discussion (never a parent here);
// - post 6 is an event (the discussion renamed): in the stream, no comment.

export const OTHER_POST = 999001;
const WORDS = 'spool nozzle bed level layer purge retract filament hotend fan drying tower'.split(' ');

export const postId = (d, n) => d * 1000 + n;
const userId = (n) => String(1 + (n % 6));
const mention = (d, n, name) => `<a href="/d/${d}/${n}" class="PostMention" data-id="${postId(d, n)}">${name}</a>`;
const nameOf = (n) => `Maker ${1 + (n % 6)}`;

/** Whom post n answers, by post number (null: nobody). */
export function parentNumber(n) {
  if (n === 9 || n === 6) return null;
  if (n % 5 === 0 && n > 3 && n - 3 !== 6) return n - 3;
  if (n % 7 === 0 && n - 1 !== 6) return n - 1;
  return null;
}

function contentHtml(d, n) {
  const words = Array.from({ length: 10 }, (_, i) => WORDS[(n * 5 + i) % WORDS.length]).join(' ');
  const own = `Post ${n} of discussion ${d}: ${words}.`;
  if (n === 9) return `<p><a href="/d/77/1" class="PostMention" data-id="${OTHER_POST}">Elsewhere</a> ${own}</p>`;
  const parent = parentNumber(n);
  if (parent !== null && n % 5 === 0)
    return `<blockquote><p>${mention(d, parent, nameOf(parent))} Post ${parent} of discussion ${d}</p></blockquote><p>${own}</p>`;
  if (parent !== null) return `<p>${mention(d, parent, nameOf(parent))} ${own}</p>`;
  return `<p>${own}</p>`;
}

function post(d, n) {
  const event = n === 6;
  return {
    type: 'posts',
    id: String(postId(d, n)),
    attributes: {
      number: n,
      createdAt: new Date(Date.UTC(2025, 2, 1, 0, n)).toISOString(),
      contentType: event ? 'discussionRenamed' : 'comment',
      ...(event
        ? { content: ['Old title', 'New title'] }
        : { contentHtml: contentHtml(d, n), likesCount: (n * 5) % 11 }),
    },
    relationships: {
      user: { data: { type: 'users', id: userId(n) } },
      discussion: { data: { type: 'discussions', id: String(d) } },
    },
  };
}

const users = () =>
  Array.from({ length: 6 }, (_, i) => ({
    type: 'users',
    id: String(i + 1),
    attributes: { username: `maker${i + 1}`, displayName: `Maker ${i + 1}`, avatarUrl: null },
  }));

/** A discussion of `count` posts. */
export function makeDiscussion(id, count, title = `Discussion ${id}`) {
  const posts = Array.from({ length: count }, (_, i) => post(id, i + 1));
  return { id, title, posts };
}

/** `/api/discussions/<id>` (and the payload's apiDocument): the discussion, its first 20 posts from `near` on. */
export function discussionDocument(discussion, near = 1) {
  const at = Math.max(0, near - 1 - (near > 1 ? 10 : 0));
  return {
    data: {
      type: 'discussions',
      id: String(discussion.id),
      attributes: { title: discussion.title, commentCount: discussion.posts.length - 1 },
      relationships: { posts: { data: discussion.posts.map((p) => ({ type: 'posts', id: p.id })) } },
    },
    included: [...discussion.posts.slice(at, at + 20), ...users()],
  };
}

/** `/api/posts?filter[id]=…`: those posts, and their users. */
export function postsDocument(discussion, ids) {
  const wanted = new Set(ids.map(String));
  return { data: discussion.posts.filter((p) => wanted.has(p.id)), included: users() };
}

/** The page's payload (`#flarum-json-payload`). */
export function payload(discussion, { origin, prefix = '', near = 1 }) {
  return {
    resources: [
      {
        type: 'forums',
        id: '1',
        attributes: { title: 'Printing Forum', baseUrl: `${origin}${prefix}`, apiUrl: `${origin}${prefix}/api` },
      },
    ],
    session: { userId: 0, csrfToken: 'x' },
    locales: { en: 'English' },
    locale: 'en',
    apiDocument: discussionDocument(discussion, near),
  };
}
