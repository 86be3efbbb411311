import '@/components/shared/pages.css';
import { render } from 'preact';
import { Options } from '@/components/options/Options';
import { createPrefsWriter } from '@/utils/platform/prefs-writer';
import { loadPrefs, saveMessage } from '@/utils/platform/storage';

async function main() {
  const app = document.getElementById('app')!;
  const prefs = await loadPrefs();
  let message: string | null = null;
  const draw = () => render(<Options initial={prefs} message={message} onChange={(next) => writer.write(next)} />, app);
  const writer = createPrefsWriter((result) => {
    message = saveMessage(result);
    draw();
  });
  addEventListener('pagehide', () => void writer.flush());
  draw();
}

void main();
