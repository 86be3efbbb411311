import { useState } from 'preact/hooks';

/**
 * A text field over a stored value: while the reader is in it, it keeps what they type (a change arriving from
 * another tab or device never replaces it); once they leave it, it shows the stored value again.
 */
export function useDraft(value: string) {
  const [draft, setDraft] = useState<string | null>(null);
  return {
    value: draft ?? value,
    onFocus: () => setDraft((d) => d ?? value),
    onBlur: () => setDraft(null),
    /** The reader typed: keep it, and return it. */
    typed: (text: string) => {
      setDraft(text);
      return text;
    },
  };
}
