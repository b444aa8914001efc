/** What sits at a cursor position in a bundle's text, as far as completion and hover care. */
export interface PointerInfo {
  /**
   * JSON Pointer of the node at the cursor. When `onKey`, the last segment is the key under the cursor
   * (possibly half-typed, possibly `""` where a new key would go); its container is the pointer without it.
   */
  pointer: string;
  /** The cursor is on (or where there would be) a property name rather than a value. */
  onKey: boolean;
  /** Offsets of the token under the cursor (quotes included); `from === to` where there is none yet. */
  from: number;
  to: number;
  /** Token text from its start up to the cursor, without the opening quote. */
  prefix: string;
  /** Quote around the token, when it is a quoted string. */
  quote?: '"' | "'";
  /** YAML `- word`: the word may be a scalar entry or the first key of an object entry. */
  maybeKey?: boolean;
  /** Keys already present in the object that holds the cursor (the key under the cursor excluded). */
  siblings: string[];
  /** Which reader answered: the YAML syntax tree, the indentation fallback, or the flow/JSON scanner. */
  source: 'ast' | 'indent' | 'flow';
}
