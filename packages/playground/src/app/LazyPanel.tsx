import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyPanelProps<P> {
  /** Loads the module holding the panel's component (a separate chunk, fetched on first show). */
  load: () => Promise<ComponentType<P>>;
  props: P;
  /** Shown while the chunk loads, and with the reason if it fails. */
  loading: string;
}

/**
 * A panel whose code is fetched the first time it is shown, so the first page load carries only the
 * editor and the preview (the simulator's flow runtime and the type generator come later).
 */
export function LazyPanel<P extends object>({ load, props, loading }: LazyPanelProps<P>) {
  const [component, setComponent] = useState<{ Panel: ComponentType<P> } | { error: string }>();
  useEffect(() => {
    let live = true;
    load().then(
      (Panel) => live && setComponent({ Panel }),
      (error: unknown) =>
        live && setComponent({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  if (!component) return <p aria-busy="true">{loading}</p>;
  if ('error' in component)
    return (
      <p role="alert">
        {loading} {component.error}
      </p>
    );
  const { Panel } = component;
  return <Panel {...props} />;
}
