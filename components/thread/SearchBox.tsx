import { t } from '@/utils/platform/i18n';
import type { SearchState } from './use-search';
import { count } from '@/components/shared/labels';

interface Props {
  search: SearchState;
  /** Shows a match (renders it wherever it is, scrolls to it, flashes it) without taking focus from the box. */
  onShow(id: string): void;
}

function countText({ query, result, at }: SearchState): string {
  if (!query || !result) return '';
  const n = result.order.length;
  if (n === 0) return t('noMatches');
  const matches = count(n, 'matches');
  return at >= 0 ? t('atOf', at + 1, matches) : matches;
}

/** "Search comments": the whole discussion, Enter / Shift+Enter between matches, Escape clears. */
export function SearchBox({ search, onShow }: Props) {
  const move = (by: 1 | -1, boxText: string) => {
    const settled = search.result?.order;
    const order = search.orderNow(boxText);
    if (order.length === 0) return;
    const from = order === settled ? search.at : -1;
    const next = ((((from < 0 && by < 0 ? 0 : from) + by) % order.length) + order.length) % order.length;
    search.setAt(next);
    // After the pruned tree (if the query was just settled) has rendered.
    setTimeout(() => onShow(order[next]!), 0);
  };
  return (
    <span class="tl-search" role="search">
      <input
        type="search"
        aria-label={t('searchComments')}
        placeholder={t('searchComments')}
        value={search.text}
        onInput={(e) => search.setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            move(e.shiftKey ? -1 : 1, e.currentTarget.value);
          } else if (e.key === 'Escape' && search.text) {
            e.preventDefault();
            search.setText('');
          }
        }}
      />
      <span class="tl-search-count" aria-live="polite">
        {countText(search)}
      </span>
    </span>
  );
}
