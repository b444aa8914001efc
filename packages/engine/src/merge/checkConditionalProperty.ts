import type { Diagnostic } from '../diagnostics/types.js';
import type { MergeContext } from './mergeContext.js';
import { cloneMergeNode, type MergeNode } from './mergeNode.js';
import { finalizeNode } from './finalizeNode.js';
import { mergeProperty, type PropertyPlace } from './mergeProperty.js';
import type { NormalizedMapping } from './normalizeMapping.js';

/** A property of an item with `applicableIf`, waiting to be checked against the merged field. */
export interface ConditionalProperty {
  /** The merged node the property maps to. */
  node: MergeNode;
  /** The department property's schema. */
  schema: unknown;
  mapping: NormalizedMapping;
  place: PropertyPlace;
  /** JSON Pointer of the item (`/items/3`): diagnostics that involve it are kept. */
  item: string;
}

/**
 * Conflicts no value could satisfy once the item applies: the item could never be applied, but the
 * rest of the application still can, so they are warnings. A type conflict stays an error: the item's
 * payload could not even be built from the field.
 */
const DOWNGRADED: ReadonlySet<string> = new Set([
  'MERGE_CONSTRAINT_EMPTY',
  'MERGE_ENUM_EMPTY',
  'MERGE_FORMAT_CONFLICT',
]);

/**
 * Check a conditional item's property against the merged field without narrowing it: the keyword
 * combiners run on a scratch copy of the node, and only the diagnostics that involve this item are
 * kept (a narrowing is not reported: the merged field is not narrowed). Call after every item is
 * merged and before the nodes are finalized, so the copy holds every unconditional constraint.
 */
export function checkConditionalProperty(property: ConditionalProperty, ctx: MergeContext): void {
  const scratch: MergeContext = { ...ctx, diagnostics: [] };
  const copy = cloneMergeNode(property.node);
  mergeProperty(copy, property.schema, property.mapping, property.place, scratch);
  finalizeNode(copy, scratch);
  const prefix = `${property.item}/`;
  for (const diagnostic of scratch.diagnostics) {
    if (diagnostic.code === 'MERGE_ENUM_NARROWED' || !involves(diagnostic, prefix)) continue;
    ctx.diagnostics.push(
      DOWNGRADED.has(diagnostic.code) && diagnostic.severity === 'error'
        ? { ...diagnostic, severity: 'warning' }
        : diagnostic,
    );
  }
}

/** Whether the diagnostic sits on the item or names it as the other side of a conflict. */
function involves(diagnostic: Diagnostic, prefix: string): boolean {
  return (
    diagnostic.path.startsWith(prefix) ||
    (diagnostic.related ?? []).some((related) => related.path.startsWith(prefix))
  );
}
