import { parseYaml } from './parseYaml.js';
import type { ReferenceKind } from './referenceKindAt.js';

/** The ids a bundle defines, by kind, in document order. */
export type BundleKeys = Record<ReferenceKind, string[]>;

function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

/**
 * The field keys, department ids, item ids and material ids a bundle's text defines, read as far as the
 * text parses (a half-typed document still yields the keys above the damage). Never throws.
 */
let lastKeys: BundleKeys | undefined;

/**
 * The keys of the last text `bundleKeys` read fully, without parsing `text` again unless nothing was
 * read yet: while typing, the ids a bundle defines change far less often than the text.
 */
export function recentBundleKeys(text: string): BundleKeys {
  return lastKeys ?? bundleKeys(text);
}

export function bundleKeys(text: string): BundleKeys {
  let value: unknown;
  try {
    value = parseYaml(text).doc.toJS({ maxAliasCount: 100 });
  } catch {
    value = undefined;
  }
  const bundle = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const items = Array.isArray(bundle.items) ? bundle.items : [];
  return (lastKeys = {
    field: keysOf(bundle.fields),
    department: keysOf(bundle.departments),
    item: items
      .map((i) => (i && typeof i === 'object' ? (i as Record<string, unknown>).id : undefined))
      .filter((id): id is string => typeof id === 'string' && id !== ''),
    material: keysOf(bundle.materials),
  });
}
