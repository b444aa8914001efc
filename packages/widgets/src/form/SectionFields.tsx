import type { FormState, Lang } from '@onething/engine/runtime';
import { pure } from './pure.js';
import type { ControlRegistry } from '../controls/createControlRegistry.js';
import { FieldRow } from './FieldRow.js';

/** Rows per chunk: small enough that laying out one chunk is cheap, few enough chunks for long forms. */
export const CHUNK_SIZE = 50;

export interface SectionFieldsProps {
  state: FormState;
  /** The section's field keys in order; the same array as long as the form's shape is unchanged. */
  fields: readonly string[];
  registry: ControlRegistry;
  lang: Lang;
  idPrefix: string;
}

/**
 * The rows of one section, in chunks of {@link CHUNK_SIZE}. Each chunk is laid out and painted only
 * near the viewport (`content-visibility: auto` in the stylesheet), so a keystroke that shows or hides
 * a row costs the browser one chunk's layout rather than the whole form's; offscreen rows stay in the
 * DOM and the accessibility tree, focusable and found by find-in-page. Memoised: the form redrawing
 * (a shape change, the error summary) does not revisit the rows, which follow their own fields.
 */
export const SectionFields = pure(function SectionFields({
  state,
  fields,
  registry,
  lang,
  idPrefix,
}: SectionFieldsProps) {
  const chunks: string[][] = [];
  for (let i = 0; i < fields.length; i += CHUNK_SIZE) chunks.push(fields.slice(i, i + CHUNK_SIZE));
  return (
    <div class="ot-section-fields">
      {chunks.map((chunk) => (
        <div class="ot-chunk" key={chunk[0]}>
          {chunk.map((key) => (
            <FieldRow
              key={key}
              state={state}
              fieldKey={key}
              registry={registry}
              lang={lang}
              idPrefix={idPrefix}
            />
          ))}
        </div>
      ))}
    </div>
  );
});
