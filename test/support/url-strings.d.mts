// Types for url-strings.mjs (plain JS, shared with the real-browser tests).
export const URL_PIECES: string[];
export const URL_BASES: string[];
export function urlStrings(count: number, seed?: number): string[];
export function parsedUrl(raw: string | null | undefined, base: string): string | undefined;
