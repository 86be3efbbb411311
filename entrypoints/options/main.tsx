import '@/components/shared/pages.css';
import { render } from 'preact';
import { Options } from '@/components/options/Options';
import { followPrefs } from '@/utils/platform/followed-prefs';
import { followEnabledSites, removeSite } from '@/utils/platform/site-access';
import { t, uiLocale } from '@/utils/platform/i18n';

// The window's title in the UI's language (the HTML holds the English one).
document.title = t('settingsTitle');
document.documentElement.lang = uiLocale();

async function main() {
  const app = document.getElementById('app')!;
  let draw = () => {};
  let sites: string[] = [];
  // Follows storage: a change made in the popup, a tab or another device shows here at once.
  const prefs = await followPrefs(() => draw());
  draw = () =>
    render(
      <Options
        stored={prefs.stored()}
        sink={prefs.writer}
        message={prefs.message() ?? prefs.notice()}
        sites={sites}
        onRemoveSite={(origin) => void removeSite(origin)}
      />,
      app,
    );
  // The list follows grants and removals made anywhere (popup, browser settings).
  followEnabledSites((next) => {
    sites = next;
    draw();
  });
  draw();
}

void main();
