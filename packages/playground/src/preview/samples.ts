import type { MaterialDecisions } from '@onething/engine';

/** Sample input for the preview: an example's data file (values) or a scenario's material decisions. */
export interface PreviewSample {
  id: string;
  kind: 'data' | 'materials';
  load(): Promise<{ values?: Record<string, unknown>; materials?: MaterialDecisions }>;
}

const dataFiles = import.meta.glob<unknown>('../../../../examples/*/data/valid-*.json', {
  import: 'default',
});
const scenarioFiles = import.meta.glob<unknown>('../../../../examples/*/scenarios/*.json', {
  import: 'default',
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `../../../../examples/newborn/data/valid-complete.json` → `['newborn', 'valid-complete']`. */
function parts(path: string): [string, string] {
  const segments = path.split('/');
  return [segments.at(-3)!, segments.at(-1)!.replace(/\.json$/, '')];
}

/**
 * The samples of the example whose folder is named like the bundle's id: its valid data files (filled
 * into the form) and its flow scenarios' material decisions (uploaded, 容缺 deferred, 告知承诺 signed).
 * Loaded on demand; none for other bundles.
 */
export function samplesFor(bundleId: string): PreviewSample[] {
  const samples: PreviewSample[] = [];
  for (const [path, load] of Object.entries(dataFiles)) {
    const [example, name] = parts(path);
    if (example !== bundleId) continue;
    samples.push({
      id: `data:${name}`,
      kind: 'data',
      load: async () => {
        const value = await load();
        return isObject(value) ? { values: value } : {};
      },
    });
  }
  for (const [path, load] of Object.entries(scenarioFiles)) {
    const [example, name] = parts(path);
    if (example !== bundleId) continue;
    samples.push({
      id: `materials:${name}`,
      kind: 'materials',
      load: async () => {
        const value = await load();
        return isObject(value) && isObject(value.materials)
          ? { materials: value.materials as MaterialDecisions }
          : {};
      },
    });
  }
  return samples.sort((a, b) => a.id.localeCompare(b.id));
}
