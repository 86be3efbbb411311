import '@/components/shared/pages.css';
import { render } from 'preact';
import { ExportPage } from '@/components/export/ExportPage';
import { sendMessage } from '@/utils/platform/messages';
import { uiLocale } from '@/utils/platform/i18n';

// The export page: opened by the background for one discussion (its id after "#"), which it takes once.
document.documentElement.lang = uiLocale();

async function main() {
  const id = location.hash.slice(1);
  const payload = id ? await sendMessage('threadlight:export-take', { id }).catch(() => null) : null;
  // The discussion stays in this page: a reload shows it again without asking the background.
  history.replaceState(null, '', location.pathname);
  render(<ExportPage payload={payload} />, document.getElementById('app')!);
}

void main();
