import type { Component, FunctionComponent } from 'preact';

// A memo without preact/compat: importing compat would switch the whole extension to React's event
// semantics (onChange becomes onInput on inputs), which the popup and options page do not want.

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

function propsChanged(this: Component, next: object): boolean {
  return !shallowEqual(this.props as object, next);
}

/**
 * Renders `inner` again only when a prop changed (shallow), or when its own hooks ask for it. No wrapper
 * component: Preact runs a function component with `this` set to its instance, so the function itself
 * installs shouldComponentUpdate (one instance per comment instead of two, which long discussions feel as
 * less garbage to collect).
 */
export function pure<P extends object>(inner: FunctionComponent<P>): FunctionComponent<P> {
  function Pure(this: Component<P>, props: P) {
    // Installed once, before the first render's hooks: Preact's hooks then wrap it so that their own state
    // changes still re-render; replacing it later would undo that wrapping.
    this.shouldComponentUpdate ??= propsChanged;
    return inner.call(this, props);
  }
  Pure.displayName = `pure(${inner.displayName ?? inner.name})`;
  return Pure as FunctionComponent<P>;
}
