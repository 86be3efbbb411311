import { t } from '@/utils/platform/i18n';
import { createContext, type ComponentChildren } from 'preact';
import { createPortal } from 'preact/compat';
import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { count } from '@/components/shared/labels';
import { CommentBody } from './CommentBody';
import { TreeContext } from './tree-store';

// Quote previews: hovering or focusing a quote's source (or a backlink) shows that comment in a tooltip,
// drawn from the model, so it works when the comment is not rendered (windowed, collapsed, filtered). The
// tooltip sits in a layer over the view (no layout shift, not clipped by the threads' paint containment);
// inside it a quote's own source previews one step further. Escape closes; on touch a first tap opens.

/** The element previews are drawn into (the view's overlay layer), and how deep this preview is. */
export const PreviewLayer = createContext<{
  layer: () => HTMLElement | null;
  depth: number;
  /** The preview this one opened from: kept open while the pointer is over this one. */
  hold?: (inside: boolean) => void;
}>({ layer: () => null, depth: 0 });

const OPEN_MS = 150;
const CLOSE_MS = 250;
const MAX_DEPTH = 4;
let nextId = 0;

interface TriggerProps {
  /** The comment to preview. */
  id: string;
  /** The trigger itself, given the props that wire it up. */
  children(wire: TriggerWire): ComponentChildren;
  /** What following the trigger does (the reader activates it, or taps it a second time on touch). */
  onFollow(): void;
}

export interface TriggerWire {
  ref: (el: HTMLElement | null) => void;
  'aria-describedby': string | undefined;
  onMouseEnter(): void;
  onMouseLeave(): void;
  onFocus(): void;
  onBlur(): void;
  onPointerDown(e: PointerEvent): void;
  onClick(e: MouseEvent): void;
}

function usePreviewState() {
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const later = (next: boolean, ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOpen(next), ms);
  };
  const now = (next: boolean) => {
    clearTimeout(timer.current);
    setOpen(next);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  return { open, later, now };
}

/** Wraps a quote source or backlink so that it previews the comment it points to. */
export function PreviewTrigger({ id, children, onFollow }: TriggerProps) {
  const { layer, depth } = useContext(PreviewLayer);
  const { open, later, now } = usePreviewState();
  const anchor = useRef<HTMLElement | null>(null);
  const touch = useRef(false);
  const tipId = useRef(`tl-preview-${++nextId}`).current;
  const can = depth < MAX_DEPTH;
  const wire: TriggerWire = {
    ref: (el) => (anchor.current = el),
    'aria-describedby': open ? tipId : undefined,
    onMouseEnter: () => can && later(true, OPEN_MS),
    onMouseLeave: () => later(false, CLOSE_MS),
    onFocus: () => can && now(true),
    onBlur: () => later(false, CLOSE_MS),
    onPointerDown: (e) => (touch.current = e.pointerType === 'touch'),
    onClick: (e) => {
      if (touch.current && can && !open) {
        e.preventDefault();
        return now(true);
      }
      now(false);
      onFollow();
    },
  };
  const host = open ? layer() : null;
  return (
    <>
      {children(wire)}
      {host && anchor.current
        ? createPortal(
            <Preview
              id={id}
              tipId={tipId}
              anchor={anchor.current}
              host={host}
              depth={depth + 1}
              onHover={(inside) => (inside ? now(true) : later(false, CLOSE_MS))}
              onClose={() => now(false)}
            />,
            host,
          )
        : null}
    </>
  );
}

interface PreviewProps {
  id: string;
  tipId: string;
  anchor: HTMLElement;
  host: HTMLElement;
  depth: number;
  onHover(inside: boolean): void;
  onClose(): void;
}

/** Where the tooltip goes: under its anchor, or over it when the viewport has no room below. */
function place(tip: HTMLElement, anchor: HTMLElement, host: HTMLElement) {
  const a = anchor.getBoundingClientRect();
  const base = host.getBoundingClientRect();
  const width = tip.offsetWidth;
  const left = Math.max(0, Math.min(a.left - base.left, base.width - width));
  const below = a.bottom + tip.offsetHeight + 8 <= window.innerHeight || a.top < tip.offsetHeight + 8;
  const top = below ? a.bottom - base.top + 4 : a.top - base.top - tip.offsetHeight - 4;
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
}

/** The previewed comment: byline and body, with its own quote sources previewable in turn. */
function Preview({ id, tipId, anchor, host, depth, onHover, onClose }: PreviewProps) {
  const env = useContext(TreeContext)!;
  const outer = useContext(PreviewLayer);
  const ref = useRef<HTMLDivElement>(null);
  const node = env.commentOf(id);
  useLayoutEffect(() => {
    if (ref.current) place(ref.current, anchor, host);
  }, [anchor, host]);
  // Listening from the first frame (a layout effect): an Escape right after opening closes it too.
  useLayoutEffect(() => {
    const keys = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    const away = (e: PointerEvent) => {
      const t = e.target as Element;
      if (!t.closest?.('.tl-preview') && !anchor.contains(t)) onClose();
    };
    document.addEventListener('keydown', keys, true);
    document.addEventListener('pointerdown', away, true);
    return () => {
      document.removeEventListener('keydown', keys, true);
      document.removeEventListener('pointerdown', away, true);
    };
  }, [anchor]);
  if (!node) return null;
  const { comment } = node;
  const hold = (inside: boolean) => {
    onHover(inside);
    outer.hold?.(inside);
  };
  return (
    <div
      role="tooltip"
      id={tipId}
      data-threadlight="preview"
      data-preview-of={id}
      class="tl-preview"
      ref={ref}
      onMouseEnter={() => hold(true)}
      onMouseLeave={() => hold(false)}
    >
      <div class="tl-preview-meta">
        <strong>{comment.author || t('anonymous')}</strong> · {comment.timeText} · {count(comment.votes, 'votes')}
      </div>
      <PreviewLayer.Provider value={{ layer: outer.layer, depth, hold }}>
        {env.people.marks.muted.has(id) ? (
          <p class="tl-placeholder">{t('reasonMutedUser')}</p>
        ) : (
          <CommentBody
            nodes={comment.body}
            quotes={comment.quotes}
            links={node.links}
            matcher={env.matcher}
            parentId={null}
            mutedQuotes={env.people.marks.mutedQuotes.get(id)}
            tab={-1}
          />
        )}
      </PreviewLayer.Provider>
    </div>
  );
}
