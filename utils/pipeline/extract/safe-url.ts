// Only http(s) URLs leave extraction; javascript:, data:, blob: and anything unparsable become undefined.
export function safeUrl(raw: string | null | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
