import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/popup/Popup';
import { DEFAULT_PREFS } from '@/utils/platform/prefs';
import { recordingSink } from '../support/prefs-sink';

// The UI's languages: every key in every locale with the same placeholders, every key the code uses
// defined, and no UI text written into the code: the view, the popup, settings, and the messages the app
// and platform code show (storage warnings, forum errors, settings files).

const ROOT = join(__dirname, '..', '..');
const LOCALES = join(ROOT, 'public', '_locales');
type Messages = Record<string, { message: string }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8'));
const placeholders = (text: string) => (text.match(/\$\d/g) ?? []).sort().join();
const en = read('en');
const LOCALISED = ['components', 'utils/content', 'utils/platform', 'entrypoints'];

function sources(path: string): string[] {
  const full = join(ROOT, path);
  if (/\.tsx?$/.test(path)) return [full];
  if (/\.\w+$/.test(path)) return [];
  return readdirSync(full).flatMap((f) => sources(join(path, f)));
}

describe('locales', () => {
  it('has English, German and Simplified Chinese, each with every key and the same placeholders', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(['de', 'en', 'zh_CN']);
    for (const locale of ['de', 'zh_CN']) {
      const other = read(locale);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, { message }] of Object.entries(other)) {
        expect(message.trim(), `${locale}:${key}`).not.toBe('');
        expect(placeholders(message), `${locale}:${key}`).toBe(placeholders(en[key]!.message));
      }
    }
  });

  it('defines every key the code asks for, and the manifest names come from the locales', () => {
    const used = new Set<string>();
    for (const file of [...sources('components'), ...sources('utils'), ...sources('entrypoints')])
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toContain("name: '__MSG_extName__'");
    expect(config).toContain("description: '__MSG_extDescription__'");
    expect(en.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('writes no UI text into the localised surfaces', () => {
    const found: string[] = [];
    for (const file of LOCALISED.flatMap(sources)) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // Text between JSX tags, and text in label / placeholder / aria-label / title attributes.
      for (const m of code.matchAll(/>\s*([^<>{}]*[A-Za-z]{2,}[^<>{}]*?)\s*<\//g))
        if (!/^Threadlight$/.test(m[1]!.trim())) found.push(`${file}: ${m[1]!.trim()}`);
      for (const m of code.matchAll(/\b(label|placeholder|aria-label|title)="([^"]*[A-Za-z]{2,}[^"]*)"/g))
        found.push(`${file}: ${m[1]}="${m[2]}"`);
      // Sentences in string literals: a capital, then words with spaces ("Could not save").
      for (const m of code.matchAll(/['`]([A-Z][a-z]+(?: [a-z]+){2,}[^'`]*)['`]/g)) found.push(`${file}: '${m[1]}'`);
    }
    expect(found).toEqual([]);
  });

  it('shows the popup in German where the browser is German', () => {
    const de = read('de');
    const getMessage = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = ((key: string, subs: string[] = []) =>
      (de[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '')) as typeof getMessage;
    try {
      const host = document.createElement('div');
      document.body.append(host);
      const stats = { found: true, enabled: true, total: 10, shown: 8, hidden: 2, source: 'x' };
      render(
        <Popup
          stored={DEFAULT_PREFS}
          hostname="www.macrumors.com"
          stats={stats}
          sink={recordingSink().sink}
          onOpenOptions={() => {}}
        />,
        host,
      );
      expect(host.textContent).toContain('Auf dieser Website aktivieren');
      expect(host.textContent).toContain('8 von 10 Kommentaren angezeigt, 2 durch Filter ausgeblendet.');
      expect(host.querySelector('#tl-sort option[value="top"]')!.textContent).toBe('Beste Bewertung');
      render(null, host);
    } finally {
      fakeBrowser.i18n.getMessage = getMessage;
    }
  });
});
