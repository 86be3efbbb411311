import { render, type ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

// The reader's private words (notes on people, and the editor they are written in) are drawn in a closed
// shadow root of an element of ours: the page's scripts see the element (the contract's hook, its class and
// accessible parts) but can neither read the text in it nor the editor's field. Styles reach it only through
// inherited properties (colour, font, the view's --tl-* variables) and the small sheet given here.

let mode: ShadowRootMode = 'closed';

/** DOM tests reach inside with an open root (test/support/setup.ts); the extension never calls this. */
export function openPrivateRootsForTests(open: boolean): void {
  mode = open ? 'open' : 'closed';
}

function useShadow<T extends HTMLElement>() {
  const host = useRef<T>(null);
  const root = useRef<ShadowRoot | null>(null);
  const shadow = () => (root.current ??= host.current!.attachShadow({ mode }));
  return { host, shadow, root };
}

/** A note's text, as a text node in a closed shadow root of the span. */
export function PrivateText({ text, class: cls, title }: { text: string; class: string; title?: string }) {
  const { host, shadow } = useShadow<HTMLSpanElement>();
  useLayoutEffect(() => {
    shadow().textContent = text;
  }, [text]);
  return <span ref={host} class={cls} data-threadlight="note" title={title} />;
}

/** Children rendered inside a closed shadow root of a div of ours, with their own style sheet. */
export function PrivateBox({ class: cls, css, children }: { class: string; css: string; children: ComponentChildren }) {
  const { host, shadow, root } = useShadow<HTMLDivElement>();
  useLayoutEffect(() =>
    render(
      <>
        <style>{css}</style>
        {children}
      </>,
      shadow(),
    ),
  );
  useLayoutEffect(
    () => () => {
      if (root.current) render(null, root.current);
    },
    [],
  );
  return <div ref={host} class={cls} />;
}
