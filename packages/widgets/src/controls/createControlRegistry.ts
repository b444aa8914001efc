import type { FieldDefinition } from '@onething/engine/runtime';
import type { ControlEntry } from './types.js';

/** A ranked set of controls: the best-ranked entry renders a field. */
export interface ControlRegistry {
  readonly entries: readonly ControlEntry[];
  /** The entry for a field, or undefined when no entry ranks it (the form then shows a text input). */
  pick(definition: FieldDefinition, key: string): ControlEntry | undefined;
  /** A new registry with more entries; later entries win ties, so a host's override beats a default. */
  with(...entries: ControlEntry[]): ControlRegistry;
}

/**
 * Build a control registry from entries. Ties go to the entry added last.
 *
 * @example
 * const registry = createControlRegistry(defaultControls).with({
 *   name: 'my-date', rank: (d) => (d.type === 'date' ? 100 : -1), Control: MyDatePicker,
 * });
 */
export function createControlRegistry(entries: readonly ControlEntry[]): ControlRegistry {
  const frozen = Object.freeze([...entries]);
  return {
    entries: frozen,
    pick(definition, key) {
      let best: ControlEntry | undefined;
      let bestRank = -1;
      for (const entry of frozen) {
        const rank = entry.rank(definition, key);
        if (rank >= 0 && rank >= bestRank) {
          best = entry;
          bestRank = rank;
        }
      }
      return best;
    },
    with: (...more) => createControlRegistry([...frozen, ...more]),
  };
}
