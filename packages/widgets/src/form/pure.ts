import { Component, h, type FunctionComponent } from 'preact';

/**
 * A component that re-renders only when a prop changes (shallow, like `memo` of preact/compat, which
 * would bring the rest of compat, ~2 KB gzipped, into `embed.js`).
 *
 * @example
 * export const Row = pure(function Row({ label }: { label: string }) { return <p>{label}</p>; });
 */
export function pure<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Pure extends Component<P> {
    override shouldComponentUpdate(next: Readonly<P>): boolean {
      const previous = this.props as Record<string, unknown>;
      const incoming = next as Record<string, unknown>;
      for (const key in incoming) if (incoming[key] !== previous[key]) return true;
      for (const key in previous) if (!(key in incoming)) return true;
      return false;
    }
    override render(props: P) {
      return h(render, props);
    }
  }
  (Pure as unknown as { displayName: string }).displayName = `pure(${render.displayName ?? render.name})`;
  return Pure as unknown as FunctionComponent<P>;
}
