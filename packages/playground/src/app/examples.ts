import type { SourceFormat } from './analyzeSource.js';

/** One bundle from the repository's `examples/` folder. */
export interface ExampleBundle {
  id: string;
  format: SourceFormat;
  /** Loaded on demand: the examples are not part of the first page load. */
  load(): Promise<string>;
}

const files = import.meta.glob<string>('../../../../examples/*/bundle.{yaml,yml,json}', {
  query: '?raw',
  import: 'default',
});

/** Every example bundle, by folder name. */
export const EXAMPLES: ExampleBundle[] = Object.entries(files)
  .map(([path, load]) => ({
    id: path.split('/').at(-2)!,
    format: (path.endsWith('.json') ? 'json' : 'yaml') as SourceFormat,
    load,
  }))
  .sort((a, b) => a.id.localeCompare(b.id));

/** The example the playground opens on a first visit. */
export const DEFAULT_EXAMPLE = 'newborn';
