import { siteKeys } from '@/utils/pipeline/extract/sites/registry';
import { useState } from 'preact/hooks';
import { usePrefsState } from '@/components/shared/use-prefs-state';
import { DEFAULT_BRANDS, effectiveBrands, type BrandDef } from '@/utils/pipeline/highlight/brands';
import { invalidMutedWords } from '@/utils/pipeline/arrange/filter';
import type { SortMode } from '@/utils/pipeline/arrange/order';
import { DEFAULT_PREFS, splitList, type Prefs, type ViewMode } from '@/utils/platform/prefs';
import { exportSettings, parseSettingsFile } from '@/utils/platform/settings-file';
import { SORT_LABELS, VIEW_LABELS } from '@/components/thread/ThreadView';

export interface OptionsProps {
  initial: Prefs;
  onChange(prefs: Prefs): void;
  /** Storage problems to show (quota, newer version). */
  message?: string | null;
}

const SITES = siteKeys();
const lines = (list: string[]) => list.join('\n');
const fromLines = (text: string) => text.split('\n').flatMap(splitList);

/** Full settings: filters, brand dictionary, defaults, sites, import / export, reset. */
export function Options({ initial, onChange, message }: OptionsProps) {
  const [prefs, change, replace] = usePrefsState(initial, onChange);
  const [words, setWords] = useState(lines(initial.filters.mutedWords));
  const [users, setUsers] = useState(lines(initial.filters.mutedUsers));
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [draft, setDraft] = useState({ label: '', aliases: '', color: '#7c3aed' });

  const setAll = (next: Prefs) => {
    setWords(lines(next.filters.mutedWords));
    setUsers(lines(next.filters.mutedUsers));
    replace(next);
  };
  const brands = effectiveBrands(prefs.brands.custom, []);
  const editBrand = (b: BrandDef) =>
    change((p) => ({ ...p, brands: { ...p.brands, custom: [...p.brands.custom.filter((c) => c.id !== b.id), b] } }));
  const toggleIn = (list: string[], id: string, on: boolean) =>
    on ? Array.from(new Set([...list, id])) : list.filter((x) => x !== id);
  const invalid = invalidMutedWords(prefs.filters.mutedWords);

  return (
    <main class="tl-options">
      <h1>Threadlight settings</h1>
      {message ? (
        <p class="tl-warning" role="status">
          {message}
        </p>
      ) : null}

      <h2>Filters</h2>
      <label>
        Minimum rating{' '}
        <input
          type="number"
          step={1}
          placeholder="none"
          value={prefs.filters.minRating ?? ''}
          onInput={(e) => {
            const t = (e.currentTarget as HTMLInputElement).value.trim();
            const n = t === '' ? null : Math.round(Number(t));
            if (n === null || Number.isFinite(n)) change((p) => ({ ...p, filters: { ...p.filters, minRating: n } }));
          }}
        />
      </label>
      <label>
        Muted words (one per line or comma-separated; <code>/regex/i</code> allowed)
        <textarea
          value={words}
          onInput={(e) => {
            const t = (e.currentTarget as HTMLTextAreaElement).value;
            setWords(t);
            change((p) => ({ ...p, filters: { ...p.filters, mutedWords: fromLines(t) } }));
          }}
        />
      </label>
      {invalid.length ? (
        <p class="tl-error" role="alert">
          Not a valid pattern, ignored: {invalid.join(', ')}
        </p>
      ) : null}
      <label>
        Muted users (one per line)
        <textarea
          value={users}
          onInput={(e) => {
            const t = (e.currentTarget as HTMLTextAreaElement).value;
            setUsers(t);
            change((p) => ({
              ...p,
              filters: {
                ...p.filters,
                mutedUsers: t
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean),
              },
            }));
          }}
        />
      </label>

      <h2>Brands</h2>
      <label>
        <input
          type="checkbox"
          checked={prefs.brands.highlight}
          onChange={(e) =>
            change((p) => ({ ...p, brands: { ...p.brands, highlight: (e.currentTarget as HTMLInputElement).checked } }))
          }
        />{' '}
        Highlight brands
      </label>
      <p>
        Aliases are comma-separated; start one with <code>=</code> to match its exact case, use <code>#</code> for a
        number (“Mi #”).
      </p>
      <table aria-label="Brand dictionary">
        <thead>
          <tr>
            <th>On</th>
            <th>Highlight</th>
            <th>Name</th>
            <th>Colour</th>
            <th>Aliases</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {brands.map((b) => {
            const builtIn = DEFAULT_BRANDS.some((d) => d.id === b.id);
            const customized = prefs.brands.custom.some((c) => c.id === b.id);
            return (
              <tr key={b.id} data-brand-row={b.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Use ${b.label}`}
                    checked={!prefs.brands.disabled.includes(b.id)}
                    onChange={(e) =>
                      change((p) => ({
                        ...p,
                        brands: {
                          ...p.brands,
                          disabled: toggleIn(p.brands.disabled, b.id, !(e.currentTarget as HTMLInputElement).checked),
                        },
                      }))
                    }
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Highlight ${b.label}`}
                    checked={prefs.brands.only.length === 0 || prefs.brands.only.includes(b.id)}
                    onChange={(e) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      change((p) => {
                        const only = toggleIn(p.brands.only.length ? p.brands.only : brands.map((x) => x.id), b.id, on);
                        return { ...p, brands: { ...p.brands, only: only.length === brands.length ? [] : only } };
                      });
                    }}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`Name of ${b.id}`}
                    value={b.label}
                    onChange={(e) => editBrand({ ...b, label: (e.currentTarget as HTMLInputElement).value })}
                  />
                </td>
                <td>
                  <input
                    type="color"
                    aria-label={`Colour of ${b.label}`}
                    value={b.color}
                    onChange={(e) => editBrand({ ...b, color: (e.currentTarget as HTMLInputElement).value })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`Aliases of ${b.label}`}
                    value={b.aliases.join(', ')}
                    onChange={(e) =>
                      editBrand({ ...b, aliases: splitList((e.currentTarget as HTMLInputElement).value) })
                    }
                  />
                </td>
                <td>
                  {customized ? (
                    <button
                      type="button"
                      class="tl-linkish"
                      onClick={() =>
                        change((p) => ({
                          ...p,
                          brands: { ...p.brands, custom: p.brands.custom.filter((c) => c.id !== b.id) },
                        }))
                      }
                    >
                      {builtIn ? 'Restore' : 'Delete'}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        class="tl-actions"
        onSubmit={(e) => {
          e.preventDefault();
          const id = draft.label
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '')
            .slice(0, 32);
          if (!id) return setNotice({ error: true, text: 'A brand needs a name with letters or digits.' });
          editBrand({
            id,
            label: draft.label.trim(),
            color: draft.color,
            aliases: splitList(draft.aliases || draft.label),
          });
          setDraft({ label: '', aliases: '', color: draft.color });
        }}
      >
        <label>
          New brand{' '}
          <input
            type="text"
            value={draft.label}
            onInput={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              setDraft((d) => ({ ...d, label: v }));
            }}
          />
        </label>
        <label>
          Aliases{' '}
          <input
            type="text"
            value={draft.aliases}
            onInput={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              setDraft((d) => ({ ...d, aliases: v }));
            }}
          />
        </label>
        <label>
          Colour{' '}
          <input
            type="color"
            value={draft.color}
            onInput={(e) => {
              const v = (e.currentTarget as HTMLInputElement).value;
              setDraft((d) => ({ ...d, color: v }));
            }}
          />
        </label>
        <button type="submit">Add brand</button>
      </form>

      <h2>Defaults and sites</h2>
      <label>
        Default view{' '}
        <select
          value={prefs.view.view}
          onChange={(e) =>
            change((p) => ({
              ...p,
              view: { ...p.view, view: (e.currentTarget as HTMLSelectElement).value as ViewMode },
            }))
          }
        >
          {(Object.keys(VIEW_LABELS) as ViewMode[]).map((v) => (
            <option key={v} value={v}>
              {VIEW_LABELS[v]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Default sort{' '}
        <select
          value={prefs.view.sort}
          onChange={(e) =>
            change((p) => ({
              ...p,
              view: { ...p.view, sort: (e.currentTarget as HTMLSelectElement).value as SortMode },
            }))
          }
        >
          {(Object.keys(SORT_LABELS) as SortMode[]).map((m) => (
            <option key={m} value={m}>
              {SORT_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={prefs.view.enabled}
          onChange={(e) =>
            change((p) => ({ ...p, view: { ...p.view, enabled: (e.currentTarget as HTMLInputElement).checked } }))
          }
        />{' '}
        Threadlight on (all sites)
      </label>
      {SITES.map((site) => (
        <label key={site}>
          <input
            type="checkbox"
            checked={prefs.view.sites[site] !== false}
            onChange={(e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              change((p) => {
                const sites = { ...p.view.sites };
                if (on) delete sites[site];
                else sites[site] = false;
                return { ...p, view: { ...p.view, sites } };
              });
            }}
          />{' '}
          On {site}
        </label>
      ))}

      <h2>Import, export, reset</h2>
      <div class="tl-actions">
        <button
          type="button"
          onClick={() => {
            const url = URL.createObjectURL(new Blob([exportSettings(prefs)], { type: 'application/json' }));
            const a = document.createElement('a');
            a.href = url;
            a.download = 'threadlight-settings.json';
            a.click();
            setTimeout(() => URL.revokeObjectURL(url), 1000);
          }}
        >
          Export settings
        </button>
        <label>
          Import settings{' '}
          <input
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              const file = (e.currentTarget as HTMLInputElement).files?.[0];
              if (!file) return;
              const result = parseSettingsFile(await file.text());
              if (!result.ok) return setNotice({ error: true, text: result.error });
              setAll(result.prefs);
              setNotice({ error: false, text: 'Settings imported.' });
            }}
          />
        </label>
        <button
          type="button"
          onClick={() => {
            if (!confirm('Reset every Threadlight setting to its default?')) return;
            setAll(structuredClone(DEFAULT_PREFS));
            setNotice({ error: false, text: 'Settings reset to defaults.' });
          }}
        >
          Reset to defaults
        </button>
      </div>
      {notice ? (
        <p class={notice.error ? 'tl-error' : 'tl-status'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
    </main>
  );
}
