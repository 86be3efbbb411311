// Discourse topics for tests and benchmarks, in the platform's own JSON shapes (`/t/<id>.json`,
// `/t/<id>/posts.json`, `#data-preloaded`), as the real payloads in test/fixtures/data have them: post ids that
// are not post numbers, a post number skipped (a moved post), quotes as `aside.quote[data-username][data-post]
// [data-topic]` (one of another topic), `reply_to_post_number`, `like_count`, avatars by template.
//
// Post n of topic t: id t*10000+n. Who answers whom (the answer key the tests check):
// - n % 5 === 0: quotes post n-3 (data-post, this topic);
// - else n % 7 === 0: reply_to_post_number n-1;
// - n === 9: quotes post 2 of topic OTHER (another topic: never a parent here), nothing else.
// Post number 6 does not exist (moved away); a topic lists `count` posts.

export const OTHER = 456;
const WORDS = 'quiet fan drive bay idle noise watts rack case airflow spin disk'.split(' ');

const numbersOf = (count) => {
  const out = [];
  for (let n = 1; out.length < count; n++) if (n !== 6) out.push(n);
  return out;
};

export const postId = (topic, n) => topic * 10000 + n;

function cooked(topic, n) {
  const words = Array.from({ length: 12 }, (_, i) => WORDS[(n * 3 + i) % WORDS.length]).join(' ');
  const own = `<p>Post ${n} of topic ${topic}: ${words}.</p>`;
  const quote = (user, post, inTopic, text) =>
    `<aside class="quote no-group" data-username="${user}" data-post="${post}" data-topic="${inTopic}">` +
    `<div class="title"><div class="quote-controls"></div><img alt="" width="24" height="24" ` +
    `src="/user_avatar/forum/${user}/48/1_2.png" class="avatar"> ${user}:</div>` +
    `<blockquote><p>${text}</p></blockquote></aside>`;
  if (n === 9) return quote('elsewhere', 2, OTHER, 'A post of another topic.') + own;
  if (n % 5 === 0 && n > 3 && n - 3 !== 6)
    return quote(userOf(n - 3), n - 3, topic, `Post ${n - 3} of topic ${topic}`) + own;
  return own;
}

const userOf = (n) => `member${n % 9}`;

/** Whom post n answers, by post number (null: nobody). */
export function parentNumber(n) {
  if (n === 9) return null;
  if (n % 5 === 0 && n > 3 && n - 3 !== 6) return n - 3;
  if (n % 7 === 0 && n - 1 !== 6) return n - 1;
  return null;
}

function post(topic, n) {
  const reply = n % 5 !== 0 && n % 7 === 0 && n - 1 !== 6 ? n - 1 : null;
  return {
    id: postId(topic, n),
    name: `Member ${n % 9}`,
    username: userOf(n),
    avatar_template: `/user_avatar/forum/${userOf(n)}/{size}/1_2.png`,
    created_at: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
    cooked: cooked(topic, n),
    post_number: n,
    post_type: 1,
    reply_to_post_number: reply,
    like_count: (n * 7) % 13,
    topic_id: topic,
  };
}

/** A topic of `count` posts: its title, every post number, every post. */
export function makeTopic(id, count, title = `Topic ${id}`) {
  const numbers = numbersOf(count);
  return { id, title, numbers, posts: numbers.map((n) => post(id, n)) };
}

/** `/t/<id>.json` (or the preloaded topic): 20 posts from `near` (a post number) on, and the whole stream. */
export function topicJson(topic, near = 1) {
  const at = Math.max(0, topic.numbers.findIndex((n) => n >= near) - (near > 1 ? 10 : 0));
  return {
    id: topic.id,
    title: topic.title,
    fancy_title: topic.title,
    posts_count: topic.posts.length,
    post_stream: { posts: topic.posts.slice(at, at + 20), stream: topic.posts.map((p) => p.id) },
  };
}

/** `/t/<id>/posts.json?post_ids[]=…`: only those posts, and no stream (the platform's own shape). */
export function postsJson(topic, ids) {
  const wanted = new Set(ids);
  return { id: topic.id, post_stream: { posts: topic.posts.filter((p) => wanted.has(p.id)) } };
}
