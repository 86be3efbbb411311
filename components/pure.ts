import { Component, h, type FunctionComponent } from 'preact';

// A memo without preact/compat: importing compat would switch the whole extension to React's event
// semantics (onChange becomes onInput on inputs), which the popup and options page do not want.

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/** Renders `inner` again only when a prop changed (shallow), or when its own hooks ask for it. */
export function pure<P extends object>(inner: FunctionComponent<P>): FunctionComponent<P> {
  class Pure extends Component<P> {
    override shouldComponentUpdate(next: P) {
      return !shallowEqual(this.props as object, next);
    }
    override render(props: P) {
      return h(inner, props);
    }
  }
  (Pure as { displayName?: string }).displayName = `pure(${inner.displayName ?? inner.name})`;
  return Pure as unknown as FunctionComponent<P>;
}
