import fc from 'fast-check';

// Property tests run a fixed seed by default so CI is repeatable; FC_SEED=<number> replays another seed and
// FC_SEED=random explores new inputs (fast-check prints the seed of any failure).
const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261125 });

// browser.i18n in DOM tests: the English messages, with $1… filled in (WXT's fake browser has no i18n).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';

const messages = en as Record<string, { message: string }>;
Object.assign(fakeBrowser, {
  i18n: {
    getMessage: (key: string, subs: string[] = []) =>
      (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? ''),
    getUILanguage: () => 'en',
  },
});

// DOM tests click and type with dispatched events; the view acts only on trusted ones in a browser
// (components/thread/reader-event.ts). Tests of that refusal switch this back off.
import { acceptSyntheticEvents } from '../../components/thread/reader-event';
acceptSyntheticEvents(true);
// The reader's notes are drawn in closed shadow roots in a browser; DOM tests open them to look inside.
import { openPrivateRootsForTests } from '../../components/thread/Private';
openPrivateRootsForTests(true);
