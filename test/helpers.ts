import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, 'fixtures');

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A fresh document parsed from HTML (happy-dom's DOMParser), as the content script would see it. */
export function parseDocument(html: string): Document {
  // happy-dom logs an error for every iframe it may not load (the captures' tag-manager <noscript> frames).
  return new DOMParser().parseFromString(html.replace(/<iframe\b[\s\S]*?<\/iframe>/gi, ''), 'text/html');
}

export function fixtureDocument(name: string): Document {
  return parseDocument(fixtureHtml(name));
}

export const ARTICLE_URL = 'https://www.macrumors.com/2017/12/08/huawei-xiaomi-att-verizon/';
