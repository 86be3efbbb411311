import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A fresh document parsed from HTML (happy-dom's DOMParser), as the content script would see it. */
export function parseDocument(html: string): Document {
  // happy-dom logs an error for every iframe it may not load (the captures' tag-manager <noscript> frames),
  // and stops parsing the page inside some inline SVG (airliners.net's logo): both are left out, as nothing
  // of ours reads them (bodies drop SVG).
  const cleaned = html.replace(/<iframe\b[\s\S]*?<\/iframe>/gi, '').replace(/<svg\b[\s\S]*?<\/svg>/gi, '');
  return new DOMParser().parseFromString(cleaned, 'text/html');
}

export function fixtureDocument(name: string): Document {
  return parseDocument(fixtureHtml(name));
}

export const ARTICLE_URL = 'https://www.macrumors.com/2017/12/08/huawei-xiaomi-att-verizon/';

type Entry = Pick<IntersectionObserverEntry, 'target' | 'isIntersecting'> & { boundingClientRect: { height: number } };

/**
 * A stand-in for IntersectionObserver that the test drives (happy-dom's never reports anything): `report`
 * tells every observer whether each element it watches is near the viewport, as a scroll would.
 */
export function fakeIntersections() {
  const observers = new Set<FakeObserver>();
  class FakeObserver {
    readonly watched = new Set<Element>();
    constructor(readonly callback: (entries: Entry[], observer: unknown) => void) {}
    observe(el: Element) {
      this.watched.add(el);
      observers.add(this);
    }
    unobserve(el: Element) {
      this.watched.delete(el);
    }
    disconnect() {
      this.watched.clear();
      observers.delete(this);
    }
    takeRecords() {
      return [];
    }
  }
  const original = globalThis.IntersectionObserver;
  globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
  return {
    report(near: (el: Element) => boolean, height: (el: Element) => number = () => 100) {
      for (const o of Array.from(observers)) {
        const entries = Array.from(o.watched, (target) => ({
          target,
          isIntersecting: near(target),
          boundingClientRect: { height: height(target) },
        }));
        if (entries.length) o.callback(entries, o);
      }
    },
    /** Whether some observer watches the element (components start watching in effects, after render). */
    watching(el: Element) {
      return Array.from(observers).some((o) => o.watched.has(el));
    },
    restore() {
      globalThis.IntersectionObserver = original;
    },
  };
}
