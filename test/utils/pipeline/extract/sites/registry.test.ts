import { describe, expect, it } from 'vitest';
import type { SiteModule } from '@/utils/pipeline/extract/adapter';
import {
  builtInOrigins,
  contentMatches,
  forumFor,
  isBuiltIn,
  siteFor,
  siteKeys,
  SITES,
  useForOtherSites,
} from '@/utils/pipeline/extract/sites/registry';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { ENGINES } from '@/utils/pipeline/extract/sites/engines';

/** Every module in the sites folder, by path. */
const MODULES = import.meta.glob<Record<string, unknown>>('/utils/pipeline/extract/sites/*.ts', { eager: true });
const isSiteModule = (v: unknown): v is SiteModule =>
  typeof v === 'object' && v !== null && 'hosts' in v && 'adapter' in v && 'paths' in v;

describe('the site registry', () => {
  it('registers every site and engine module in its folder', () => {
    const files = Object.keys(MODULES).filter((f) => !/\/(registry|engines|paged-forum)\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(1);
    const known = [...SITES, ...ENGINES, anySite];
    for (const file of files) {
      const declared = Object.values(MODULES[file]!).filter(isSiteModule);
      expect(declared.length, file).toBeGreaterThan(0);
      for (const site of declared) expect(known, `${file}: ${site.id}`).toContain(site);
    }
    // Engines name no host: they run only where the reader granted one.
    for (const engine of ENGINES) expect(engine.hosts, engine.id).toEqual([]);
  });

  it('knows the built-in origins, and nothing else as built in', () => {
    expect(builtInOrigins().sort()).toEqual([
      'https://forums.macrumors.com/*',
      'https://macrumors.com/*',
      'https://www.macrumors.com/*',
    ]);
    expect(isBuiltIn(new URL('https://www.macrumors.com/2017/x/'))).toBe(true);
    expect(isBuiltIn(new URL('https://forums.macrumors.com/threads/x.1/'))).toBe(true);
    expect(isBuiltIn(new URL('https://forums.macrumors.com/members/1/'))).toBe(false);
    expect(isBuiltIn(new URL('https://forum.example.org/threads/x.1/'))).toBe(false);
  });

  it('gives the content script one https match per registered host', () => {
    expect(contentMatches().sort()).toEqual([
      'https://forums.macrumors.com/threads/*',
      'https://macrumors.com/*',
      'https://www.macrumors.com/*',
    ]);
  });

  it('routes a page to its site by host and path', () => {
    expect(siteFor(new URL('https://www.macrumors.com/2017/12/08/x/'))?.id).toBe('macrumors');
    expect(siteFor(new URL('https://macrumors.com/'))?.id).toBe('macrumors');
    expect(siteFor(new URL('https://forums.macrumors.com/threads/x.1/page-2'))?.id).toBe('macrumors-forums');
    expect(siteFor(new URL('https://forums.macrumors.com/members/1/'))).toBeUndefined();
    // Other sites: nothing, until the content script for the reader's sites sets what reads them.
    expect(siteFor(new URL('https://example.com/threads/x.1/'))).toBeUndefined();
    useForOtherSites(anySite);
    expect(siteFor(new URL('https://example.com/threads/x.1/'))?.id).toBe('any');
    expect(siteFor(new URL('http://127.0.0.1:8080/sites/phpbb.html'))?.id).toBe('any');
    expect(siteFor(new URL('http://127.0.0.1:8080/threads/x.1/'))?.id).toBe('macrumors-forums');
    expect(siteFor(new URL('http://127.0.0.1:8080/article.html'))?.id).toBe('macrumors');
  });

  it('knows forum threads only on https and registered forum hosts', () => {
    expect(forumFor(new URL('https://forums.macrumors.com/threads/x.1/'))?.forum).toBeDefined();
    expect(forumFor(new URL('http://forums.macrumors.com/threads/x.1/'))).toBeUndefined();
    expect(forumFor(new URL('https://www.macrumors.com/threads/x.1/'))).toBeUndefined();
    expect(forumFor(new URL('https://forums.macrumors.com/members/1/'))).toBeUndefined();
  });

  it('lists one settings switch per host without www', () => {
    expect(siteKeys()).toEqual(['macrumors.com', 'forums.macrumors.com']);
  });
});
