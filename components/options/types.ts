import type { Prefs } from '@/utils/platform/prefs';

/** What every settings section gets: the preferences and a way to change them (a function of the latest). */
export interface SectionProps {
  prefs: Prefs;
  change(edit: (p: Prefs) => Prefs): void;
}

/** A message under the import / export / reset buttons. */
export type Notice = { error: boolean; text: string } | null;
