import { browser } from 'wxt/browser';
import type en from '@/public/_locales/en/messages.json';

// UI text in the browser's language, from public/_locales/<locale>/messages.json (English, German,
// Simplified Chinese; English where a locale lacks a key). Page text is never translated or re-parsed.

export type MessageKey = keyof typeof en;

/**
 * The language the UI's messages are in ("de", "zh-CN"), for Intl and lang attributes: each locale names
 * itself (Chromium's getUILanguage and @@ui_locale can report the system's language instead).
 */
export const uiLocale = (): string => browser.i18n.getMessage('locale') || 'en';

let numbers: Intl.NumberFormat | undefined;
/** A UI string with $1, $2 … filled in (numbers formatted for the UI's locale). */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  numbers ??= new Intl.NumberFormat(uiLocale());
  const args = subs.map((s) => (typeof s === 'number' ? numbers!.format(s) : s));
  return browser.i18n.getMessage(key, args) || key;
}
