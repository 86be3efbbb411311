import { t } from '@/utils/platform/i18n';
interface Props {
  /** Origin patterns the reader granted ("https://forum.example.org/*"). */
  sites: string[];
  onRemove(origin: string): void;
}

const shown = (origin: string) => origin.replace(/\/\*$/, '');

/** Sites the reader enabled from the popup (or the browser's own settings), each with a way back. */
export function EnabledSites({ sites, onRemove }: Props) {
  return (
    <section aria-labelledby="tl-sites-heading">
      <h2 id="tl-sites-heading">{t('sitesYouEnabled')}</h2>
      {sites.length === 0 ? (
        <p>{t('noSitesYet')}</p>
      ) : (
        <ul class="tl-sites">
          {sites.map((origin) => (
            <li key={origin}>
              <span>{shown(origin)}</span>{' '}
              <button type="button" onClick={() => onRemove(origin)} aria-label={t('removeSite', shown(origin))}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
