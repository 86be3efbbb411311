import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { ThreadNode } from '@/utils/pipeline/thread/thread-by-quotes';
import { CommentItem } from './CommentItem';
import { pure } from './pure';
import { ProximityContext } from './proximity';

interface Props {
  roots: ThreadNode[];
  /** The top-level threads of this block: roots[from] to roots[to - 1]. */
  from: number;
  to: number;
  /** Comments in those threads. */
  comments: number;
  version: number;
  /** Stays rendered wherever it is ("Show all": find in page, printing). */
  keep: boolean;
  /** Holds the comment the reader is being taken to: renders now, whatever it was. */
  target: boolean;
  /** Starts as a spacer of estimated height: the reader jumped past it to a comment further down. */
  skipped: boolean;
}

/**
 * A block of top-level threads that renders only while it is near the viewport: further away it is an empty
 * list item of the height it had, so a long discussion keeps a bounded number of comments alive (less memory,
 * shorter garbage collections) while the page keeps its height and scroll position. What a reader set on a
 * comment (collapsed, revealed, focus) lives in the TreeStore, so it survives the block being dropped. The
 * block holding keyboard focus is never dropped.
 */
export const RootBlock = pure(function RootBlock(props: Props) {
  const proximity = useContext(ProximityContext)!;
  const ref = useRef<HTMLLIElement>(null);
  const [spacer, setSpacer] = useState<number | null>(() =>
    props.skipped ? proximity.estimate(props.comments) : null,
  );
  const live = useRef({ props, spacer, near: true });
  live.current.props = props;
  live.current.spacer = spacer;

  useEffect(() => {
    const el = ref.current!;
    return proximity.watch(el, (near, height) => {
      const now = live.current;
      now.near = near;
      if (near) {
        if (now.spacer !== null) proximity.schedule(() => live.current.near && setSpacer(null), true);
      } else if (now.spacer === null && height > 0) {
        proximity.schedule(() => {
          const { near, spacer, props } = live.current;
          if (near || spacer !== null || props.keep || props.target || el.contains(document.activeElement)) return;
          proximity.measured(height, props.comments);
          setSpacer(height);
        });
      }
    });
  }, [proximity]);

  const { keep, target } = props;
  useEffect(() => {
    if (target && spacer !== null) setSpacer(null);
    else if (keep && spacer !== null) proximity.schedule(() => setSpacer(null));
  }, [keep, target]);

  const shown = spacer === null || target;
  return (
    <li role="none" class="tl-block" ref={ref} style={shown ? undefined : { height: `${spacer}px` }}>
      {shown ? (
        <ul role="none" class="tl-block-items">
          {props.roots.slice(props.from, props.to).map((n, i) => (
            <CommentItem
              key={n.comment.id}
              node={n}
              level={1}
              version={props.version}
              pos={props.from + i + 1}
              of={props.roots.length}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
});
