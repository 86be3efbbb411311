import type { Comment } from '@/utils/pipeline/model';
import { escapeRegExp } from '@/utils/pipeline/text';

// Brand mentions: one compiled pattern, one pass over the text. Each alias is its own capture group and the
// alternation is ordered longest first, so "Galaxy Note 8" wins over "Galaxy". URLs are matched by the same
// pattern first and skipped, so nothing inside a link address is highlighted. Word edges are Unicode-aware:
// "pineapple", "Applebee's", Cyrillic lookalikes ("Аpple") and words split by zero-width characters are not
// mentions. Aliases starting with "=" are case-sensitive ("=LG", "=Essential"; ALL CAPS also accepted);
// "#" in an alias stands for a number ("Mi #" matches "Mi 3"). A possessive "'s" belongs to the mention.

export interface BrandDef {
  id: string;
  label: string;
  color: string;
  aliases: string[];
}

export const DEFAULT_BRANDS: BrandDef[] = [
  {
    id: 'apple',
    label: 'Apple',
    color: '#8e8e93',
    aliases: [
      '=Apple',
      'iPhone',
      'iPhones',
      'iPad',
      'iPads',
      'iOS',
      'iPadOS',
      'macOS',
      '=Mac',
      '=Macs',
      'MacBook',
      'MacBook Pro',
      'MacBook Air',
      'iMac',
      'iTunes',
      'AirPods',
      'Apple Watch',
      'Apple Pencil',
      'App Store',
      'iCloud',
      'Siri',
      'Apple Music',
      'FaceTime',
      'iMessage',
    ],
  },
  {
    id: 'samsung',
    label: 'Samsung',
    color: '#1e6ff1',
    aliases: [
      'Samsung',
      'Galaxy',
      'Galaxy S#',
      'Galaxy Note',
      'Galaxy Note #',
      '=Note #',
      'Galaxy Fold',
      'Galaxy Z Fold',
      'Tizen',
      'One UI',
      'Bixby',
    ],
  },
  {
    id: 'huawei',
    label: 'Huawei',
    color: '#e0281e',
    aliases: ['Huawei', '=Mate #', 'Mate # Pro', 'EMUI', 'HarmonyOS', '=Honor', '=P# Pro', 'Kirin'],
  },
  {
    id: 'xiaomi',
    label: 'Xiaomi',
    color: '#ff6900',
    aliases: ['Xiaomi', '=Mi #', '=Mi Mix', 'MIUI', 'Redmi', '=POCO', 'HyperOS'],
  },
  {
    id: 'google',
    label: 'Google',
    color: '#34a853',
    aliases: [
      'Google',
      'Android',
      '=Pixel',
      '=Pixels',
      'Pixel #',
      'Google Pixel',
      'Nexus',
      'Gmail',
      'YouTube',
      'Chromebook',
      'Google Assistant',
      'Google Assistance',
      '=Chrome',
    ],
  },
  { id: 'lg', label: 'LG', color: '#a50034', aliases: ['=LG', 'LG G#', 'LG V#'] },
  { id: 'oneplus', label: 'OnePlus', color: '#f5010c', aliases: ['OnePlus', 'One Plus', 'OnePlus #', 'OxygenOS'] },
  { id: 'essential', label: 'Essential', color: '#6b6b6b', aliases: ['=Essential', 'Essential Phone', 'Andy Rubin'] },
  {
    id: 'motorola',
    label: 'Motorola',
    color: '#5c88da',
    aliases: ['Motorola', '=Moto', 'Moto G', 'Moto X', 'Moto Z', 'Razr'],
  },
  { id: 'sony', label: 'Sony', color: '#4a4a4a', aliases: ['Sony', 'Xperia', 'PlayStation'] },
  {
    id: 'microsoft',
    label: 'Microsoft',
    color: '#00a4ef',
    aliases: [
      'Microsoft',
      '=Windows',
      'Surface Pro',
      'Surface Pen',
      'Surface Book',
      '=Surface',
      'Xbox',
      'Windows Phone',
    ],
  },
  { id: 'htc', label: 'HTC', color: '#69b40f', aliases: ['=HTC'] },
  { id: 'nokia', label: 'Nokia', color: '#124191', aliases: ['Nokia', 'HMD Global'] },
  { id: 'oppo', label: 'OPPO', color: '#1ba784', aliases: ['Oppo', 'ColorOS'] },
  { id: 'vivo', label: 'vivo', color: '#415fff', aliases: ['=Vivo', '=vivo'] },
  { id: 'att', label: 'AT&T', color: '#00a8e0', aliases: ['AT&T', '=ATT', 'AT and T'] },
  { id: 'verizon', label: 'Verizon', color: '#cd040b', aliases: ['Verizon', 'Verizon Wireless'] },
  {
    id: 'tmobile',
    label: 'T-Mobile',
    color: '#e20074',
    aliases: ['T-Mobile', 'TMobile', 'T Mobile', 'Metro by T-Mobile'],
  },
  { id: 'sprint', label: 'Sprint', color: '#fcd000', aliases: ['=Sprint'] },
  { id: 'bestbuy', label: 'Best Buy', color: '#0046be', aliases: ['=Best Buy', 'BestBuy'] },
  { id: 'walmart', label: 'Walmart', color: '#0071ce', aliases: ['Walmart', 'Wal-Mart'] },
  { id: 'amazon', label: 'Amazon', color: '#ff9900', aliases: ['=Amazon', 'Kindle', '=Alexa', 'Fire Phone'] },
  { id: 'facebook', label: 'Facebook', color: '#1877f2', aliases: ['Facebook', 'WhatsApp', 'Instagram'] },
  { id: 'qualcomm', label: 'Qualcomm', color: '#3253dc', aliases: ['Qualcomm', 'Snapdragon'] },
  { id: 'intel', label: 'Intel', color: '#0071c5', aliases: ['=Intel'] },
  { id: 'monoprice', label: 'Monoprice', color: '#c8102e', aliases: ['Monoprice'] },
];

export interface Segment {
  text: string;
  /** Brand id when this segment is a mention. */
  brand?: string;
}

export interface BrandMatcher {
  readonly brands: BrandDef[];
  readonly colors: ReadonlyMap<string, string>;
  segments(text: string): Segment[];
  /** Brands mentioned in the text, with how many times each. */
  mentions(text: string): Map<string, number>;
}

interface Alias {
  brand: string;
  /** Case-sensitive check, when the alias starts with "=". */
  exact: RegExp | null;
}

const aliasSource = (alias: string) => escapeRegExp(alias).replace(/#/g, '\\d+').replace(/\s+/g, '\\s+');
const URL_SOURCE = String.raw`(?:https?:\/\/|www\.)[^\s<>"']+`;
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}\p{M}_\u200B-\u200D\u2060\uFEFF])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}\p{M}_\u200B-\u200D\u2060\uFEFF])`;

export function compileBrandMatcher(brands: BrandDef[]): BrandMatcher {
  const aliases: Alias[] = [];
  const parts: { source: string; length: number }[] = [];
  for (const b of brands) {
    for (const raw of b.aliases) {
      const exact = raw.startsWith('=');
      const alias = (exact ? raw.slice(1) : raw).trim();
      if (!alias || alias.length > 60) continue;
      const source = aliasSource(alias);
      aliases.push({
        brand: b.id,
        exact: exact ? new RegExp(`^(?:${source}|${aliasSource(alias.toUpperCase())})$`, 'u') : null,
      });
      parts.push({ source, length: alias.replace(/#/g, '00').length });
    }
  }
  const order = parts.map((_, i) => i).sort((a, b) => parts[b]!.length - parts[a]!.length);
  const groups = order.map((i) => `(${parts[i]!.source})`).join('|');
  const pattern =
    aliases.length > 0
      ? new RegExp(`(${URL_SOURCE})|${EDGE_BEFORE}(?:${groups})(?:['\u2019]s)?${EDGE_AFTER}`, 'giu')
      : null;

  const scan = (text: string, onMatch: (start: number, end: number, brand: string) => void) => {
    if (!pattern) return;
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(text))) {
      if (m[1] !== undefined) continue; // a URL: skipped whole
      let g = 2;
      while (g < m.length && m[g] === undefined) g++;
      const alias = aliases[order[g - 2]!]!;
      const word = m[g]!;
      if (alias.exact && !alias.exact.test(word)) {
        pattern.lastIndex = m.index + 1;
        continue;
      }
      onMatch(m.index, m.index + m[0].length, alias.brand);
    }
  };

  return {
    brands,
    colors: new Map(brands.map((b) => [b.id, b.color])),
    segments(text) {
      const out: Segment[] = [];
      let last = 0;
      scan(text, (start, end, brand) => {
        if (start > last) out.push({ text: text.slice(last, start) });
        out.push({ text: text.slice(start, end), brand });
        last = end;
      });
      if (last < text.length) out.push({ text: text.slice(last) });
      return out;
    },
    mentions(text) {
      const found = new Map<string, number>();
      scan(text, (_s, _e, brand) => found.set(brand, (found.get(brand) ?? 0) + 1));
      return found;
    },
  };
}

export interface BrandStat {
  id: string;
  label: string;
  color: string;
  /** Comments mentioning the brand. */
  comments: number;
  /** Mentions in all comments. */
  mentions: number;
  /** Sum of votes on the comments mentioning it. */
  votes: number;
}

/**
 * Brand mentions counted one comment at a time (so long work can pause between comments): `add` returns the
 * brands a comment mentions, `stats` the totals so far, most mentioned first.
 */
export function brandTally(matcher: BrandMatcher): { add(comment: Comment): Set<string>; stats(): BrandStat[] } {
  const stats = new Map<string, BrandStat>();
  for (const b of matcher.brands)
    stats.set(b.id, { id: b.id, label: b.label, color: b.color, comments: 0, mentions: 0, votes: 0 });
  return {
    add(c) {
      const found = matcher.mentions(c.ownText);
      for (const [id, times] of found) {
        const s = stats.get(id)!;
        s.mentions += times;
        s.comments++;
        s.votes += c.votes;
      }
      return new Set(found.keys());
    },
    stats: () =>
      Array.from(stats.values(), (s) => ({ ...s }))
        .filter((s) => s.mentions > 0)
        .sort((a, b) => b.mentions - a.mentions || b.votes - a.votes || a.label.localeCompare(b.label)),
  };
}

/** The brands in effect: built-ins with the user's edits (same id overrides), additions, minus disabled. */
export function effectiveBrands(custom: BrandDef[], disabled: string[]): BrandDef[] {
  const out = new Map(DEFAULT_BRANDS.map((b) => [b.id, b]));
  for (const b of custom) out.set(b.id, b);
  for (const id of disabled) out.delete(id);
  return Array.from(out.values());
}
