// One real page of each engine (test/fixtures/real, unmodified captures), each served on its own real host
// name, with what the view must show there: every post, one reply nested under the post it quotes, and the
// thread's opening post first. Plus a page of an engine no adapter knows, and a site nobody enabled.
export const SITE_PAGES = [
  {
    engine: 'XenForo 2',
    host: 'forums.freebsd.org',
    file: 'real/xenforo2-freebsd-2024-the-year-of-desktop-freebsd.html',
    posts: 25,
    nested: ['636332', '636338'],
    first: '636320',
  },
  {
    engine: 'XenForo 2 (VerticalScope theme)',
    host: 'www.avsforum.com',
    file: 'real/xenforo2-avsforum-replacement-projector-recommendations-2024.html',
    posts: 20,
    nested: ['63057442', '63057459'],
    first: '63057301',
  },
  {
    engine: 'XenForo 1',
    host: 'www.spigotmc.org',
    file: 'real/xenforo1-spigotmc-best-minecraft-server-hosts-2025.html',
    posts: 13,
    nested: ['4896749', '4896758'],
    first: '4859929',
  },
  {
    engine: 'phpBB 3.2',
    host: 'www.dostips.com',
    file: 'real/phpbb-dostips.html',
    posts: 15,
    nested: ['55573', '55577'],
  },
  {
    engine: 'phpBB 3.0',
    host: 'forum.openoffice.org',
    file: 'real/phpbb-openoffice.html',
    posts: 30,
    nested: ['380430', '380440'],
    first: '380430',
  },
  {
    engine: 'vBulletin 3',
    host: 'forums.animesuki.com',
    file: 'real/vbulletin3-animesuki.html',
    posts: 20,
    nested: ['5768676', '5768696'],
    first: '5768670',
  },
  {
    engine: 'vBulletin 4',
    host: 'www.msworld.org',
    file: 'real/vbulletin4-msworld.html',
    posts: 15,
    nested: ['1518952', '1518981'],
    first: '1518952',
  },
  {
    engine: 'vBulletin 5',
    host: 'fandompost.vbulletin.net',
    file: 'real/vbulletin5-fandompost.html',
    posts: 15,
    nested: ['727754', '727761'],
    first: '727744',
  },
  {
    engine: 'Invision Community',
    host: 'www.neowin.net',
    file: 'real/ips-neowin.html',
    posts: 11,
    nested: ['598535385', '598535667'],
    first: '598535152',
  },
  {
    engine: 'Vanilla',
    host: 'talk.collegeconfidential.com',
    file: 'real/vanilla-collegeconfidential.html',
    posts: 21,
    nested: ['22745882', '22746232'],
    first: '2183693',
  },
  {
    engine: 'WordPress',
    host: 'balloon-juice.com',
    file: 'real/wordpress-balloon-juice-2026-schadenfreude-open-thread.html',
    posts: 112,
    nested: ['9836944', '9836949'],
  },
  {
    engine: 'vBulletin 4 (another skin)',
    host: 'www.webhostingtalk.com',
    file: 'real/vbulletin4-webhostingtalk-1930933.html',
    posts: 18,
    nested: ['10465146', '10465217'],
    first: '10465146',
  },
  {
    engine: 'FluxBB',
    host: 'bbs.archlinux.org',
    file: 'real/fluxbb-archlinux-298271-quotes.html',
    posts: 25,
    nested: ['2187963', '2187998'],
    first: '2187914',
  },
  {
    engine: 'NodeBB',
    host: 'community.nodebb.org',
    file: 'real/nodebb-community-nodebb-rc1-of-nodebb-v4.html',
    posts: 12,
    nested: ['101894', '101895'],
    first: '101884',
  },
  {
    engine: "Discourse (the real crawler page; its app's scripts do not load offline: the preloaded data)",
    host: 'forums.docker.com',
    file: 'real/discourse-docker-confusing-resolver-structure.html',
    posts: 9,
    nested: ['242943', '242945'],
    first: '242934',
  },
  {
    engine: 'SMF 1.1 (from its templates)',
    host: 'www.simplemachines.org',
    file: 'engines/smf-1.1.html',
    posts: 3,
    nested: ['10', '11'],
    first: '10',
  },
  {
    engine: 'MyBB 1.8 (from its templates)',
    host: 'community.mybb.com',
    file: 'engines/mybb-1.8.html',
    posts: 4,
    nested: ['30', '31'],
    first: '30',
  },
  {
    engine: 'Hacker News (the site draws the tree)',
    host: 'news.ycombinator.com',
    file: 'native/hackernews-item-16909056-tech-company-career-ladders-2018.html',
    posts: 115,
    nested: ['16909828', '16911460'],
  },
  {
    engine: 'Lobsters (nested lists)',
    host: 'lobste.rs',
    file: 'native/lobsters-dwip3v-rust-project-goals-for-2024.html',
    posts: 12,
    nested: ['adg3jp', 'b8b5hn'],
  },
  {
    engine: 'old Reddit (nested things)',
    host: 'old.reddit.com',
    file: 'native/oldreddit-r-aww-8dyrb3-ben-proud-of-learning-to-go-on-walks-2018.html',
    posts: 197,
    nested: ['dxr0evr', 'dxr2q90'],
    // "load more comments (1 reply)", twice: a line in the comment each belongs to.
    notLoaded: 2,
  },
  {
    engine: 'new Reddit (shreddit elements, written from SITES.md)',
    host: 'www.reddit.com',
    file: 'native/shreddit-homelab-quiet-nas.html',
    posts: 7,
    nested: ['kq2', 'kq3'],
    // "2 more replies" in its comment, "View more comments" below the tree.
    notLoaded: 2,
  },
  {
    engine: "Reddit's 2018–2023 redesign (rows with a hidden level)",
    host: 'new.reddit.com',
    file: 'native/newreddit2019-r-humansbeingbros-aybtf7-thanks-human.html',
    posts: 19,
    nested: ['ehzrws3', 'ehzu69c'],
    notLoaded: 6,
  },
  {
    engine: 'Slashdot (nested lists, hidden comments kept)',
    host: 'developers.slashdot.org',
    file: 'native/slashdot-2025-stanford-cs-grads-degrees-no-longer-guarantee-jobs.html',
    posts: 87,
    nested: ['65870289', '65870653'],
    // Comments below the threshold: 9 withheld tree items with their own page, 5 "1 reply beneath your
    // current threshold" lines and "4 comments not loaded here" below the tree.
    notLoaded: 15,
  },
  {
    engine: 'Lemmy (nested lists)',
    host: 'lemmy.ml',
    file: 'native/lemmy-lemmy-ml-post-21018364-development-update-2024-10-04.html',
    posts: 22,
    nested: ['14089718', '14099776'],
  },
  {
    engine: 'a board of its own: a table of posts, authors by /name',
    host: 'forum.jollof.example',
    file: 'engines/board-table.html',
    posts: 4,
    nested: ['61231', '61232'],
  },
  {
    engine: 'a board of its own: names with no address, cite[data-quote-id]',
    host: 'boards.retro.example',
    file: 'engines/board-cite.html',
    posts: 4,
    nested: ['1002', '1003'],
  },
  {
    engine: 'a board of its own that nests replies in posts',
    host: 'threads.router.example',
    file: 'engines/board-nested.html',
    posts: 8,
    nested: ['504', '505'],
  },
  {
    engine: 'a board of its own that indents replies',
    host: 'photo.board.example',
    file: 'engines/board-indent.html',
    posts: 8,
    nested: ['605', '608'],
  },
  {
    engine: 'an engine no adapter knows',
    host: 'community.example.org',
    file: 'unknown-engine.html',
    posts: 4,
    nested: ['102', '103'],
  },
];

/** Serves the same pages everywhere; no site is enabled on this host. */
export const NOT_ENABLED_HOST = 'www.example.com';

/**
 * Discussions in a frame of their own origin (Disqus): the article's site and the frame's origin are both
 * enabled; the frame's address is served by the tests' route for `framePath`.
 */
export const FRAME_PAGES = [
  {
    engine: 'Disqus (its own frame, the real embed capture)',
    host: 'android.mobile-review.com',
    file: 'native/disqus-host-article.html',
    frameHost: 'disqus.com',
    framePath: '/embed/comments/',
    frameFile: 'native/disqus-embed-mobile-review-android-54479-2018.html',
    posts: 50,
    nested: ['3867673899', '3867916222'],
  },
];

/** App forums served as apps (test/support/e2e/discourse-app.mjs): pages, their app, their JSON. */
export const APP_HOSTS = ['forum.quietnas.example', 'discuss.printing.example'];

/** Every host the test builds grant at install: the engine pages', the frame pages' and their frames', the apps'. */
export const GRANTED_HOSTS = [
  ...SITE_PAGES.map((p) => p.host),
  ...FRAME_PAGES.flatMap((p) => [p.host, p.frameHost]),
  ...APP_HOSTS,
];

export const GRANTED_ORIGINS = GRANTED_HOSTS.map((h) => `https://${h}/*`);
