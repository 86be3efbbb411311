import { defineConfig } from 'wxt';

// The hosts the shipped extension runs on come from the site registry (utils/pipeline/extract/sites/registry.ts)
// through the content script's matches; its host permissions are the origins of those matches (see the hook
// below). A test build (TL_TEST_BUILD=1) adds loopback hosts so Firefox tests can serve fixtures over http.
export const TEST_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
const isTestBuild = process.env.TL_TEST_BUILD === '1';
// The bundle report (scripts/bundle-report.mjs) builds with source maps into a folder of its own.
const isReportBuild = process.env.TL_REPORT_BUILD === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: isReportBuild ? '.output-report' : isTestBuild ? '.output-test' : '.output',
  manifest: ({ browser }) => ({
    // From public/_locales (English, German, Simplified Chinese).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the background runs the view's drawing code in a tab that found a discussion
    // (utils/content/view-parts.ts) and registers the content script for sites the reader enables
    // (utils/platform/site-access.ts); activeTab: "Thread this page once" and the popup reading the tab's
    // address when the reader opens it. Other sites only as optional hosts, each asked for when enabled.
    // alarms, idle: watched discussions checked every 15 minutes, every hour while the reader is away;
    // offscreen (Chromium): its service worker has no DOMParser to read those pages with.
    permissions: [
      'storage',
      'scripting',
      'activeTab',
      'alarms',
      'idle',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'Threadlight' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'threadlight@threadlight.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android: the same add-on, the view and popup laid out for phones.
            gecko_android: { strict_min_version: '142.0' },
          },
          // Firefox's default for extension pages adds upgrade-insecure-requests, which would turn the
          // background's check of a watched plain-HTTP forum into a request nobody serves; scripts stay our own.
          content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
        }
      : {}),
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      const scripts = manifest.content_scripts ?? [];
      if (isTestBuild) for (const script of scripts) script.matches = [...(script.matches ?? []), ...TEST_MATCHES];
      // "https://forums.macrumors.com/threads/*" → "https://forums.macrumors.com/*": the background fetches
      // forum pages of the same hosts.
      const origins = scripts.flatMap((s) => s.matches ?? []).map((m) => m.replace(/^([a-z]+:\/\/[^/]+)\/.*$/, '$1/*'));
      // Test builds may grant sites at install (TL_GRANT_ORIGINS, comma-separated), as an administrator could.
      const granted = isTestBuild ? (process.env.TL_GRANT_ORIGINS ?? '').split(',').filter(Boolean) : [];
      manifest.host_permissions = Array.from(new Set([...origins, ...granted]));
      // Tests open the popup as a page (no activeTab grant): the test build may read any tab's address.
      if (isTestBuild) manifest.permissions = [...(manifest.permissions ?? []), 'tabs'];
    },
  },
  vite: () => ({
    // Test builds also accept loopback forum threads (utils/platform/forum-fetch.ts).
    define: { 'import.meta.env.TL_TEST_BUILD': JSON.stringify(isTestBuild ? '1' : '') },
    build: { sourcemap: isReportBuild },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
