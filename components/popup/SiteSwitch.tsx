import { useState } from 'preact/hooks';
import { Toggle } from '@/components/shared/Toggle';
import { t } from '@/utils/platform/i18n';
import type { SiteAccess, SiteActions } from '@/utils/platform/popup-site';

interface Props {
  access: Extract<SiteAccess, { kind: 'other' }>;
  actions: SiteActions;
}

/**
 * "Enable on this site" on a site that is not built in: checking it asks the browser for the site's
 * permission (the background then registers Threadlight there and runs it in the open tab); unchecking gives
 * the permission back. "Thread this page once" runs it in this tab only, enabling nothing.
 */
export function SiteSwitch({ access, actions }: Props) {
  const [granted, setGranted] = useState(access.granted);
  const [frames, setFrames] = useState(access.frames);
  const [note, setNote] = useState<string | null>(null);
  const toggle = (on: boolean) => {
    // Asked for at once, the page's discussion frames with it: the browser only asks from inside the click.
    const asked = on
      ? actions.request([access.origin, ...frames]).then((ok) => (ok && setFrames([]), ok))
      : actions.remove(access.origin).then((removed) => !removed);
    void asked.then(
      (now) => {
        setGranted(now);
        setNote(on && !now ? t('notGranted') : null);
      },
      () => setGranted(!on),
    );
  };
  const allowFrames = () => void actions.request(frames).then((ok) => (ok ? setFrames([]) : setNote(t('notGranted'))));
  const once = () => void actions.threadOnce().then((ok) => setNote(ok ? t('threadedOnce') : t('couldNotRun')));
  return (
    <>
      <Toggle id="tl-enabled" class="tl-row" label={t('enableOnThisSite')} checked={granted} onToggle={toggle} />
      {granted && frames.length ? (
        <p class="tl-row">
          <button type="button" class="tl-linkish" onClick={allowFrames}>
            {t('allowFrames', frames.map((f) => f.replace(/^https?:\/\/|\/\*$/g, '')).join(', '))}
          </button>
        </p>
      ) : null}
      {granted ? null : (
        <p class="tl-row">
          <button type="button" class="tl-linkish" onClick={once}>
            {t('threadOnce')}
          </button>
        </p>
      )}
      {note ? (
        <p class="tl-status" role="status">
          {note}
        </p>
      ) : null}
    </>
  );
}
