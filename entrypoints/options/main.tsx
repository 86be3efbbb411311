import '@/components/shared/pages.css';
import { render } from 'preact';
import { Options } from '@/components/options/Options';
import { createPrefsWriter, saveThroughBackground, WRITE_INTERVAL_MS } from '@/utils/platform/prefs-writer';
import { loadPrefs, saveMessage } from '@/utils/platform/storage';
import { followEnabledSites, removeSite } from '@/utils/platform/site-access';
import { t, uiLocale } from '@/utils/platform/i18n';

// The window's title in the UI's language (the HTML holds the English one).
document.title = t('settingsTitle');
document.documentElement.lang = uiLocale();

async function main() {
  const app = document.getElementById('app')!;
  const prefs = await loadPrefs();
  let message: string | null = null;
  let sites: string[] = [];
  const draw = () =>
    render(
      <Options
        initial={prefs}
        message={message}
        onChange={(next) => writer.write(next)}
        sites={sites}
        onRemoveSite={(origin) => void removeSite(origin)}
      />,
      app,
    );
  // The background writes, as for the popup: a settings tab closed right after a change still saves it.
  const writer = createPrefsWriter(
    (result) => {
      message = saveMessage(result);
      draw();
    },
    WRITE_INTERVAL_MS,
    saveThroughBackground,
  );
  addEventListener('pagehide', () => void writer.flush());
  // The list follows grants and removals made anywhere (popup, browser settings).
  followEnabledSites((next) => {
    sites = next;
    draw();
  });
  draw();
}

void main();
