import { createPrefsWriter } from '@/utils/platform/prefs-writer';
import { enabledOn, withView, type Prefs, type ViewPrefs } from '@/utils/platform/prefs';
import { withPeopleChange, type PeopleChange } from '@/utils/platform/people-prefs';
import { applyOps, diffPrefs } from '@/utils/platform/prefs-ops';
import { saveMessage } from '@/utils/platform/storage';
import type { SectionView } from './section-view';

/** What the link reads and changes of the app's state. */
interface LinkState {
  href: string;
  /** What the view is drawn with: what is stored, with the view's own changes not yet stored over it. */
  prefs: Prefs;
  view: SectionView | null;
  /** Why the last change made in the view could not be kept, shown in the view; null when it was. */
  saveProblem?: string | null;
}

/**
 * The preferences the view is drawn with, and the view's own changes to them: shown at once, sent to the
 * background's one writer as operations, and re-applied over whatever storage says until they are stored.
 */
export function createPrefsLink(state: LinkState, stepAside: () => void) {
  const hostname = new URL(state.href).hostname;
  const writer = createPrefsWriter((result) => {
    const problem = result instanceof Error || result.ok === false ? saveMessage(result) : null;
    if (problem === (state.saveProblem ?? null)) return;
    state.saveProblem = problem;
    show();
  });
  const effective = (p: Prefs): Prefs => (enabledOn(p.view, hostname) ? p : withView({ view: 'original' })(p));
  const show = () => {
    try {
      state.view?.update(effective(state.prefs));
    } catch {
      stepAside();
    }
  };
  const edit = (change: (p: Prefs) => Prefs) => {
    const next = change(state.prefs);
    writer.write(diffPrefs(state.prefs, next));
    state.prefs = next;
    show();
  };
  return {
    effective,
    show,
    onViewPrefs: (change: Partial<ViewPrefs>) => edit(withView(change)),
    onPeople: (change: PeopleChange) => edit((p) => withPeopleChange(p, change)),
    /** Storage changed (another tab, the popup, settings, another device): follow it, keeping our changes. */
    stored(next: Prefs) {
      writer.settle();
      state.prefs = applyOps(next, writer.pending()).prefs;
      show();
    },
    flush: () => writer.flush(),
  };
}
