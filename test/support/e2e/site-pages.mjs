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
    engine: 'an engine no adapter knows',
    host: 'community.example.org',
    file: 'unknown-engine.html',
    posts: 4,
    nested: ['102', '103'],
  },
];

/** Serves the same pages everywhere; no site is enabled on this host. */
export const NOT_ENABLED_HOST = 'www.example.com';

export const GRANTED_ORIGINS = SITE_PAGES.map((p) => `https://${p.host}/*`);
