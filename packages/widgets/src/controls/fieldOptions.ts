import type { FieldDefinition, FieldOption, FieldShape, Lang } from '@onething/engine/runtime';
import { localize } from '@onething/engine/runtime';

/** The labelled options of a field, or of its entries for an array field (checkbox groups). */
export function fieldOptions(definition: FieldShape | FieldDefinition): FieldOption[] {
  return definition.options ?? definition.items?.options ?? [];
}

/** An option's label in `lang`, falling back to zh-CN (bundle text: render it as text, never as HTML). */
export function optionLabel(option: FieldOption, lang: Lang): string {
  return localize(option.label, lang);
}

/**
 * The option whose value renders as `text`. DOM values are strings, while option values may be numbers
 * or booleans; mapping back through the options keeps the engine's canonical type.
 */
export function optionByText(options: readonly FieldOption[], text: string): FieldOption | undefined {
  return options.find((o) => String(o.value) === text);
}
