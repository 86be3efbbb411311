import { useRef, useState } from 'preact/hooks';
import type { Prefs } from '@/utils/platform/prefs';

/**
 * Preferences being edited, starting from `initial` (read once, at mount). Changes are functions of the
 * latest value, not of the last render, so several quick edits (typing, then toggling before a re-render)
 * never lose one another.
 */
export function usePrefsState(initial: Prefs, onChange: (prefs: Prefs) => void) {
  const [prefs, setPrefs] = useState(initial);
  const latest = useRef(initial);
  const change = (edit: (p: Prefs) => Prefs) => {
    const next = edit(latest.current);
    latest.current = next;
    setPrefs(next);
    onChange(next);
  };
  /** Replaces everything (import, reset). */
  const replace = (next: Prefs) => change(() => next);
  return [prefs, change, replace] as const;
}
