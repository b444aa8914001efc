import type { CompiledBundle } from '../compile/compileBundle.js';
import { fromPointer } from '../diagnostics/jsonPointer.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';

/**
 * Errors from the department forms of conditional items (those with `applicableIf`). Their constraints
 * are not in the merged schema: each applicable one is checked against its own schema, and only when a
 * field it is fed by, or its applicability, changed.
 */
export interface ItemErrors {
  /** A field's value or visibility changed: the conditional items it feeds need a re-check. */
  fieldChanged(key: string): void;
  /** An item's applicability changed. */
  itemChanged(id: string): void;
  /** Re-check the items marked since the last flush. */
  flush(): void;
  /** Forget the marks without checking (the initial pass checks everything once instead). */
  discard(): void;
  /** The item errors that sit on a field. */
  of(key: string): readonly Diagnostic[] | undefined;
  /** Fields that have item errors. */
  keys(): IterableIterator<string>;
}

export interface ItemErrorsHost {
  isApplicable(id: string): boolean;
  valueOf(key: string): unknown;
  /** Whether a field's value is sent to departments (visible, or an item output). */
  sendable(key: string): boolean;
  lang(): Lang;
  /** A field's item errors changed. */
  onFieldChanged(key: string): void;
}

const NONE: readonly never[] = [];

interface ItemTables {
  /** Ids of the conditional items. */
  conditional: Set<string>;
  /** field key → conditional items it feeds. */
  itemsOf: Map<string, string[]>;
}

const tables = new WeakMap<CompiledBundle, ItemTables>();

/** The same for every form of a bundle: computed once, not per form state. */
function itemTables(compiled: CompiledBundle): ItemTables {
  let found = tables.get(compiled);
  if (found) return found;
  const ids = compiled.itemConstraints.items;
  const itemsOf = new Map<string, string[]>();
  for (const id of ids) {
    for (const key of compiled.fieldsOfItem.get(id) ?? []) {
      const list = itemsOf.get(key);
      if (list) list.push(id);
      else itemsOf.set(key, [id]);
    }
  }
  tables.set(compiled, (found = { conditional: new Set(ids), itemsOf }));
  return found;
}

/** Track the errors of a form's conditional items (see `ItemErrors`). */
export function createItemErrors(compiled: CompiledBundle, host: ItemErrorsHost): ItemErrors {
  const check = compiled.itemConstraints;
  const { conditional, itemsOf } = itemTables(compiled);
  const byItem = new Map<string, Diagnostic[]>();
  const byField = new Map<string, Diagnostic[]>();
  const dirty = new Set<string>();
  const keyOf = (d: Diagnostic) => fromPointer(d.path)[0] ?? '';

  const setErrors = (id: string, errors: Diagnostic[]) => {
    const before = byItem.get(id) ?? NONE;
    if (before.length === 0 && errors.length === 0) return;
    if (errors.length > 0) byItem.set(id, errors);
    else byItem.delete(id);
    for (const key of new Set([...before, ...errors].map(keyOf))) {
      const list: Diagnostic[] = [];
      for (const item of itemsOf.get(key) ?? NONE)
        for (const d of byItem.get(item) ?? NONE) if (keyOf(d) === key) list.push(d);
      if (list.length > 0) byField.set(key, list);
      else byField.delete(key);
      host.onFieldChanged(key);
    }
  };

  return {
    fieldChanged(key) {
      for (const id of itemsOf.get(key) ?? NONE) dirty.add(id);
    },
    itemChanged(id) {
      if (conditional.has(id)) dirty.add(id);
    },
    flush() {
      for (const id of dirty) {
        if (!host.isApplicable(id)) {
          setErrors(id, []);
          continue;
        }
        const data: Record<string, unknown> = {};
        for (const key of compiled.fieldsOfItem.get(id) ?? NONE) {
          const value = host.valueOf(key);
          if (value !== undefined) data[key] = value;
        }
        setErrors(id, check.check(id, data, host.sendable, host.lang()));
      }
      dirty.clear();
    },
    discard: () => dirty.clear(),
    of: (key) => byField.get(key),
    keys: () => byField.keys(),
  };
}
