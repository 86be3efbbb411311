import { describe, expect, it } from 'vitest';
import { signedIn } from '@/utils/pipeline/extract/signed-in';

// Who is signed in, as each engine's header (or Discourse's preloaded data) says; nothing where the page does
// not say, and nothing from odd markup.

const doc = (body: string, url = 'https://forums.example.org/t/1') => {
  const d = new DOMParser().parseFromString(
    `<!DOCTYPE html><html><head><base href="${url}"></head><body>${body}</body></html>`,
    'text/html',
  );
  return d;
};

describe('the signed-in reader, per engine', () => {
  it.each([
    [
      'XenForo 2',
      '<a href="/account/" class="p-navgroup-link p-navgroup-link--iconic p-navgroup-link--user" title="Jane Doe"><span class="avatar" data-user-id="7"></span><span class="p-navgroup-linkText">Jane Doe</span></a>',
      { name: 'Jane Doe' },
    ],
    [
      'phpBB 3 (prosilver)',
      '<ul><li class="dropdown-container header-profile"><a href="./ucp.php" class="header-avatar dropdown-trigger"><img class="avatar" src="a.png"> <span class="username-coloured" style="color:#AA0000">Jane</span></a><div class="dropdown"><ul><li><a href="./memberlist.php?mode=viewprofile&amp;u=2&amp;sid=abc">Profile</a></li></ul></div></li></ul>',
      { name: 'Jane', url: 'https://forums.example.org/t/memberlist.php?mode=viewprofile&u=2&sid=abc' },
    ],
    [
      'vBulletin 4',
      '<div id="toplinks"><ul><li class="welcomelink">Welcome, <a href="member.php?u=42">jane_v</a></li></ul></div>',
      { name: 'jane_v', url: 'https://forums.example.org/t/member.php?u=42' },
    ],
    [
      'Invision 4',
      '<a href="#elUserLink_menu" id="elUserLink" data-ipsmenu>Jane I <i class="fa"></i></a>',
      { name: 'Jane I' },
    ],
    [
      'Vanilla',
      '<div class="MeBox"><a href="/profile/JaneV" class="PhotoWrap"></a><div class="WhoIs"><a href="/profile/JaneV" class="Username">JaneV</a></div></div>',
      { name: 'JaneV', url: 'https://forums.example.org/profile/JaneV' },
    ],
    [
      'WordPress',
      '<div id="wpadminbar"><ul><li id="wp-admin-bar-my-account"><a href="/wp-admin/profile.php">Howdy, <span class="display-name">Jane WP</span></a></li></ul></div>',
      { name: 'Jane WP' },
    ],
  ])('%s', (_engine, body, expected) => {
    expect(signedIn(doc(body))).toEqual(expected);
  });

  it('Discourse: the current user the server preloads', () => {
    const preloaded = JSON.stringify({ currentUser: JSON.stringify({ id: 3, username: 'jane_d' }), site: '{}' });
    const d = doc(`<div id="data-preloaded" data-preloaded="${preloaded.replace(/"/g, '&quot;')}"></div>`);
    expect(signedIn(d)).toEqual({ name: 'jane_d' });
    const broken = doc('<div id="data-preloaded" data-preloaded="{currentUser: nope"></div>');
    expect(signedIn(broken)).toBeNull();
  });

  it('says nothing where nobody is signed in, or the name is empty or absurd', () => {
    expect(signedIn(doc('<a class="p-navgroup-link--logIn" href="/login/">Log in</a>'))).toBeNull();
    expect(
      signedIn(doc('<span class="p-navgroup-link--user"><span class="p-navgroup-linkText">  </span></span>')),
    ).toBeNull();
    expect(signedIn(doc(`<li class="welcomelink"><a href="x">${'n'.repeat(500)}</a></li>`))).toBeNull();
    // A profile link that is not http(s) is left out, the name kept.
    expect(signedIn(doc('<div class="MeBox"><a href="javascript:alert(1)" class="Username">Jane</a></div>'))).toEqual({
      name: 'Jane',
    });
  });
});
