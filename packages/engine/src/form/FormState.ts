import type { CompiledBundle } from '../compile/compileBundle.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type {
  FieldState,
  MaterialDecision,
  MaterialDecisions,
  MaterialState,
  OneTimeNotice,
} from './types.js';

export interface FormStateOptions {
  /** Starting values by field key. Read in place, not copied: do not mutate the object afterwards. */
  initialValues?: Record<string, unknown>;
  materials?: MaterialDecisions;
  /** Injected clock: today's date as `YYYY-MM-DD` (rules read it as `today`). Default: the host's UTC date. */
  today?: () => string;
  lang?: Lang;
}

export type FormListener = (changedFields: string[]) => void;
export type FieldListener = (state: FieldState) => void;

/** Headless state of one application form (一表). Widgets render it; all decisions are made here. */
export interface FormState {
  readonly compiled: CompiledBundle;
  getValue(key: string): unknown;
  /** Visible values plus computed ones (what would be submitted). */
  getValues(): Record<string, unknown>;
  setValue(key: string, value: unknown): void;
  setValues(values: Record<string, unknown>): void;
  touch(key: string): void;
  getField(key: string): FieldState;
  /** Cheaper than `getField(key).visible`. */
  isVisible(key: string): boolean;
  /**
   * What was wrong with `initialValues` as given: keys that are no field, and values given for fields
   * that are hidden or produced by items. A browser never sends these; a server rejects them.
   */
  inputIssues(): { unknown: string[]; hidden: string[] };
  /** Fields in display order. */
  fields(): FieldState[];
  isItemApplicable(itemId: string): boolean;
  isSectionVisible(sectionId: string): boolean;
  setMaterial(id: string, decision: MaterialDecision | undefined): void;
  materials(): MaterialState[];
  /** 一次性告知 over every applicable item. */
  notice(): OneTimeNotice;
  /** Touch everything and return every error (fields, cross-field rules, materials). */
  validate(): { ok: boolean; diagnostics: Diagnostic[] };
  /** Each applicable item's payload in its department's own field names (hidden fields dropped). */
  payloads(): Record<string, Record<string, unknown>>;
  subscribe(listener: FormListener): () => void;
  subscribeField(key: string, listener: FieldListener): () => void;
  setLang(lang: Lang): void;
}
