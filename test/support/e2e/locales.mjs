// What the UI says in each of its non-English languages, for the locale tests in both browsers.
export const LOCALE_CASES = [
  {
    lang: 'de',
    langpack: 'firefox-esr-l10n-de',
    count: '10 Kommentare',
    search: 'Kommentare durchsuchen',
    enable: 'Auf dieser Website aktivieren',
    settings: 'Threadlight-Einstellungen',
  },
  {
    lang: 'zh-CN',
    langpack: 'firefox-esr-l10n-zh-cn',
    count: '10 条评论',
    search: '搜索评论',
    enable: '在此网站上启用',
    settings: 'Threadlight 设置',
  },
];
