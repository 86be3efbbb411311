import { t } from '@/utils/platform/i18n';
import { useDraft } from '@/components/shared/use-draft';
import { Named } from '@/components/shared/Named';
import { nullRecord } from '@/utils/pipeline/own';
import { parsePersonId, EVERY_SITE } from '@/utils/pipeline/people/person';
import { validatePeople, withPeopleChange } from '@/utils/platform/people-prefs';
import type { SectionProps } from './types';

// People: those muted on one site (from a comment's "More for <name>"), the tags, and the reader's own name
// on sites whose pages do not say who is signed in. Names muted on every site are edited under Filters.

/** Where an entry applies, for the lists: the site's host, or "every site". */
export function siteOfId(id: string): string {
  const site = parsePersonId(id)?.site ?? EVERY_SITE;
  if (site === EVERY_SITE) return t('everySite');
  try {
    return new URL(site).host;
  } catch {
    return site;
  }
}

const youLines = (you: Record<string, string>) =>
  Object.entries(you)
    .map(([site, name]) => `${site} ${name}`)
    .join('\n');

/** "https://forums.example.org Jane" per line → the reader's name by site (invalid lines dropped). */
function youFromLines(text: string): Record<string, string> {
  const raw = nullRecord<string>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\S+)\s+(.+?)\s*$/.exec(line);
    if (!m) continue;
    try {
      raw[new URL(m[1]!).origin] = m[2]!;
    } catch {
      // Not an address: left out.
    }
  }
  return validatePeople({ you: raw }).you;
}

function MutedOnSites({ prefs, change }: SectionProps) {
  const muted = Object.entries(prefs.filters.mutedPeople).filter(([id]) => !id.startsWith(`${EVERY_SITE} `));
  if (muted.length === 0) return <p>{t('noMutedPeople')}</p>;
  return (
    <ul class="tl-people">
      {muted.map(([id, name]) => (
        <li key={id}>
          <bdi>{name}</bdi> <span class="tl-site">({siteOfId(id)})</span>{' '}
          <button type="button" onClick={() => change((p) => withPeopleChange(p, { kind: 'unmute', ids: [id] }))}>
            {t('unmuteAuthor', name)}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Tags({ prefs, change }: SectionProps) {
  const tags = Object.entries(prefs.people.tags);
  if (tags.length === 0) return <p>{t('noTags')}</p>;
  return (
    <ul class="tl-people">
      {tags.map(([id, tag]) => (
        <li key={id}>
          <span class="tl-tag" data-tag-color={tag.color}>
            {tag.label}
          </span>{' '}
          <Named k="tagOn" name={tag.name} /> <span class="tl-site">({siteOfId(id)})</span>{' '}
          <button
            type="button"
            aria-label={t('removeTag', tag.name)}
            onClick={() =>
              change((p) => withPeopleChange(p, { kind: 'tag', id, name: tag.name, label: '', color: tag.color }))
            }
          >
            {t('delete')}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function PeopleSettings(props: SectionProps) {
  const { prefs, change } = props;
  const you = useDraft(youLines(prefs.people.you));
  return (
    <>
      <h2>{t('peopleHeading')}</h2>
      <h3>{t('mutedPeople')}</h3>
      <MutedOnSites {...props} />
      <h3>{t('taggedPeople')}</h3>
      <Tags {...props} />
      <label>
        {t('yourNames')}
        <textarea
          value={you.value}
          onFocus={you.onFocus}
          onBlur={you.onBlur}
          onInput={(e) => {
            const next = youFromLines(you.typed(e.currentTarget.value));
            change((p) => ({ ...p, people: { ...p.people, you: next } }));
          }}
        />
      </label>
      <p class="tl-hint">{t('yourNamesHelp')}</p>
    </>
  );
}
