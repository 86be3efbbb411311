import type { ViewModel } from '@/utils/pipeline/view-model';
import type { WatchUi } from '@/utils/content/watch-view';
import { ExportButton } from './ExportButton';
import { WatchControls } from './WatchControls';

/** The header's tools for the discussion as a whole: watching it, exporting it. */
export function HeaderTools(props: { watch?: WatchUi | null | undefined; model: ViewModel; heading: string }) {
  return (
    <>
      {props.watch ? <WatchControls ui={props.watch} /> : null}
      <ExportButton model={props.model} heading={props.heading} />
    </>
  );
}
