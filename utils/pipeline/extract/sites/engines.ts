import type { SiteModule } from '@/utils/pipeline/extract/adapter';
import { discourse } from './discourse';
import { disqus } from './disqus';
import { flarum } from './flarum';
import { fluxbb } from './fluxbb';
import { hackernews } from './hackernews';
import { invision } from './invision';
import { lemmy } from './lemmy';
import { lobsters } from './lobsters';
import { mybb } from './mybb';
import { newreddit } from './newreddit';
import { nodebb } from './nodebb';
import { oldreddit } from './oldreddit';
import { phpbb } from './phpbb';
import { redditRedesign } from './reddit-redesign';
import { slashdot } from './slashdot';
import { smf } from './smf';
import { vanilla } from './vanilla';
import { vbulletin } from './vbulletin';
import { wordpress } from './wordpress';
import { xenforo2 } from './xenforo';
import { xenforo1 } from './xenforo1';

// Forum and comment engines found by their markup on any site the reader enables, most specific first.
// Each is a module of its own in this folder; adding one is a line here. App forums come first: their
// pages are read from the platform's data, and the app's markup is nobody else's to guess at.
export const ENGINES: readonly SiteModule[] = [
  discourse,
  flarum,
  hackernews,
  lobsters,
  lemmy,
  oldreddit,
  newreddit,
  redditRedesign,
  slashdot,
  disqus,
  xenforo2,
  xenforo1,
  nodebb,
  phpbb,
  vbulletin,
  invision,
  mybb,
  smf,
  fluxbb,
  vanilla,
  wordpress,
];
