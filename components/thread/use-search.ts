import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ViewModel } from '@/utils/pipeline/view-model';
import { foldQuery, searchTree, type SearchResult } from '@/utils/pipeline/arrange/search';

/** Typing settles this long before the whole discussion is searched again. */
const SETTLE_MS = 150;

export interface SearchState {
  text: string;
  setText(text: string): void;
  /** The folded query searched for ('' while the box is empty). */
  query: string;
  result: SearchResult | null;
  /** The model to draw: pruned to the matches and their ancestors while searching. */
  model: ViewModel;
  /** The match the reader moved to with Enter / Shift+Enter (-1 before the first move). */
  at: number;
  setAt(at: number): void;
  /** The matches in reading order for what the box holds now (searching at once if typing has not settled). */
  orderNow(boxText: string): string[];
}

/** The header's search over the whole discussion model (search.ts), with the model it leaves to draw. */
export function useSearch(full: ViewModel): SearchState {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(-1);
  const settle = useRef<ReturnType<typeof setTimeout>>();
  // The query searched for, as of now (Enter may have searched before typing settled).
  const searched = useRef(query);
  searched.current = query;
  useEffect(() => {
    settle.current = setTimeout(
      () => {
        const next = foldQuery(text);
        if (next === searched.current) return;
        setQuery(next);
        setAt(-1);
      },
      text.trim() ? SETTLE_MS : 0,
    );
    return () => clearTimeout(settle.current);
  }, [text]);
  const result = useMemo(() => (query ? searchTree(full.roots, query) : null), [full.roots, query]);
  const model = useMemo(() => (result ? { ...full, roots: result.roots } : full), [full, result]);
  const orderNow = (boxText: string) => {
    const now = foldQuery(boxText);
    if (now === query) return result?.order ?? [];
    clearTimeout(settle.current);
    searched.current = now;
    setQuery(now);
    return now ? searchTree(full.roots, now).order : [];
  };
  return { text, setText, query, result, model, at, setAt, orderNow };
}
