import { createPrefsWriter } from '@/utils/platform/prefs-writer';
import { enabledOn, withNote, withView, type Prefs, type ViewPrefs } from '@/utils/platform/prefs';
import type { SectionView } from './section-view';

/** What the link reads and changes of the app's state. */
interface LinkState {
  href: string;
  prefs: Prefs;
  view: SectionView | null;
}

/** The preferences the view is drawn with, and the view's own changes to them (saved, and shown at once). */
export function createPrefsLink(state: LinkState, stepAside: () => void) {
  const hostname = new URL(state.href).hostname;
  const writer = createPrefsWriter(() => undefined);
  const effective = (p: Prefs): Prefs => (enabledOn(p.view, hostname) ? p : withView({ view: 'original' })(p));
  const show = () => {
    try {
      state.view?.update(effective(state.prefs));
    } catch {
      stepAside();
    }
  };
  const onViewPrefs = (change: Partial<ViewPrefs>) => {
    state.prefs = withView(change)(state.prefs);
    show();
    writer.write({ view: state.prefs.view });
  };
  const onNote = (author: string, text: string) => {
    state.prefs = { ...state.prefs, notes: withNote(state.prefs.notes, author, text) };
    show();
    writer.write({ notes: state.prefs.notes });
  };
  return { effective, show, onViewPrefs, onNote, flush: () => writer.flush() };
}
