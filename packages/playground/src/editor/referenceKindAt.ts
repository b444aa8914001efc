/** What kind of the bundle's own ids a value refers to. */
export type ReferenceKind = 'field' | 'department' | 'item' | 'material';

/** Places in a bundle whose value is a key the bundle itself defines (see docs/bundle-format.md). */
const REFERENCES: ReadonlyArray<readonly [RegExp, ReferenceKind]> = [
  [/^\/items\/\d+\/outputs\/\d+$/, 'field'],
  [/^\/items\/\d+\/form\/map\/[^/]+(\/field)?$/, 'field'],
  [/^\/rules\/\d+\/fields\/\d+$/, 'field'],
  [/^\/layout\/sections\/\d+\/fields\/\d+$/, 'field'],
  [/^\/materials\/[^/]+\/fromOutput\/field$/, 'field'],
  [/^\/leadDepartment$/, 'department'],
  [/^\/items\/\d+\/department$/, 'department'],
  [/^\/items\/\d+\/dependsOn\/\d+$/, 'item'],
  [/^\/materials\/[^/]+\/fromOutput\/item$/, 'item'],
  [/^\/items\/\d+\/materials\/\d+$/, 'material'],
];

/**
 * Which of the bundle's own keys belongs at `pointer`: field keys (department form `map` values, layout
 * section `fields`, rule `fields`, item `outputs`, `fromOutput.field`), department, item or material ids.
 */
export function referenceKindAt(pointer: string): ReferenceKind | undefined {
  return REFERENCES.find(([pattern]) => pattern.test(pointer))?.[1];
}
