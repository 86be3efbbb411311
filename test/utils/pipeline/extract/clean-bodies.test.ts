import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { bodyText } from '@/utils/pipeline/extract/body';
import type { BodyNode } from '@/utils/pipeline/model';
import { FIXTURES, fixtureDocument } from '@/test/support/helpers';

// Bodies as a reader wants them, on every real forum and blog page: the engine's controls ("Select all",
// "Click to expand...") are gone, and a quote shows the quoted words, its citation line ("dbenham wrote: ↑
// 30 Jan 2018") being its source, not part of its text.

const PAGES = readdirSync(join(FIXTURES, 'real')).filter((f) => f.endsWith('.html') && !f.startsWith('macrumors'));
const CONTROL = /\b(?:select all|click to (?:expand|shrink))\b/i;
const CITATION = /^\s*(?:\S.{0,60}?\s(?:wrote|said|schrieb)\s*:|quote from:|originally posted by)/i;

const quotesOf = (nodes: BodyNode[]): BodyNode[][] =>
  nodes.flatMap((n) => (n.type === 'quote' ? [n.children] : 'children' in n ? quotesOf(n.children) : []));

describe('clean bodies on real pages', () => {
  useForOtherSites(anySite);
  it.each(PAGES)('%s', (file) => {
    // Read at the page's own address (its answer key's): an app forum's page shows the topic its address names.
    const key = JSON.parse(readFileSync(join(FIXTURES, 'real', file.replace(/\.html$/, '.key.json')), 'utf8')) as {
      url: string;
    };
    const section = findSection(fixtureDocument(`real/${file}`), key.url)!;
    expect(section.comments.length).toBeGreaterThan(0);
    for (const c of section.comments) {
      expect(bodyText(c.body, true), c.id).not.toMatch(CONTROL);
      for (const quote of quotesOf(c.body)) expect(bodyText(quote, true), c.id).not.toMatch(CITATION);
    }
  });
});
