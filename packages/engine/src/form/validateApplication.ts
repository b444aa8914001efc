import type { CompiledBundle } from '../compile/compileBundle.js';
import { createDataDiagnostic } from '../diagnostics/createDataDiagnostic.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import { createFormState } from './createFormState.js';
import type { FormState } from './FormState.js';
import type { MaterialDecisions, MaterialState, OneTimeNotice } from './types.js';

export interface ValidateApplicationOptions {
  today?: () => string;
  lang?: Lang;
  materials?: MaterialDecisions;
  /** Also check materials (default true). A data-only check (e.g. `onething split`) turns it off. */
  checkMaterials?: boolean;
}

export interface ApplicationResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** The accepted data: visible fields plus computed values (computed on first read). */
  readonly values: Record<string, unknown>;
  /** Per applicable item, the payload in the department's own field names (computed on first read). */
  readonly payloads: Record<string, Record<string, unknown>>;
  /** 一次性告知 of the same check, grouped by department (computed on first read). */
  readonly notice: OneTimeNotice;
  /** The materials of the applicable items and how each stands (computed on first read). */
  readonly materials: MaterialState[];
  /** Whether an item applies (情形) to this data. */
  isItemApplicable(itemId: string): boolean;
}

/**
 * Validate a whole merged application as a server would: the same decisions as the form state, and
 * in addition values for unknown or hidden fields are rejected (a browser would never send them).
 *
 * @example
 * const result = validateApplication(compiled, JSON.parse(body));
 * if (!result.ok) reply(422, result.diagnostics);
 */
export function validateApplication(
  compiled: CompiledBundle,
  data: unknown,
  options: ValidateApplicationOptions = {},
): ApplicationResult {
  const lang = options.lang ?? 'zh-CN';
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const actual = data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data;
    const d = createDataDiagnostic('DATA_NOT_OBJECT', { params: { actual }, lang });
    const notice = { ok: false, entries: [], byDepartment: [] };
    return {
      ok: false,
      diagnostics: [d],
      values: {},
      payloads: {},
      notice,
      materials: [],
      isItemApplicable: () => false,
    };
  }
  const input = data as Record<string, unknown>;
  const state = createFormState(compiled, {
    initialValues: input,
    lang,
    ...(options.today ? { today: options.today } : {}),
    ...(options.materials ? { materials: options.materials } : {}),
  });
  const diagnostics: Diagnostic[] = [];
  const issues = state.inputIssues();
  for (const key of issues.unknown) {
    diagnostics.push(
      createDataDiagnostic('DATA_UNKNOWN_FIELD', { path: toPointer([key]), params: { field: key }, lang }),
    );
  }
  for (const key of issues.hidden) {
    const field = compiled.form.fields[key]!;
    const label = field.definition.label;
    const producer = field.outputOf ? compiled.bundle.items.find((i) => i.id === field.outputOf) : undefined;
    diagnostics.push(
      producer
        ? createDataDiagnostic('DATA_OUTPUT_FIELD', {
            path: toPointer([key]),
            params: { label, item: producer.name },
            lang,
          })
        : createDataDiagnostic('DATA_HIDDEN_FIELD', { path: toPointer([key]), params: { label }, lang }),
    );
  }
  const checked = state.validate();
  const kept =
    options.checkMaterials === false
      ? checked.diagnostics.filter((d) => d.code !== 'DATA_MATERIAL_MISSING')
      : checked.diagnostics;
  diagnostics.push(...kept);
  return new CheckedApplication(state, diagnostics);
}

/**
 * The result of one check. Its lazy parts are getters on the prototype, not an object literal's own
 * getters: each literal getter is a fresh closure that V8 keeps in a per-object map in old space,
 * which kept every checked form state alive past young-generation collections (a server checking
 * thousands of applications a second spent a third of its time in GC).
 */
class CheckedApplication implements ApplicationResult {
  readonly ok: boolean;
  readonly diagnostics: Diagnostic[];
  readonly #state: FormState;
  #values: ApplicationResult['values'] | undefined;
  #payloads: ApplicationResult['payloads'] | undefined;
  #notice: OneTimeNotice | undefined;
  #materials: MaterialState[] | undefined;

  constructor(state: FormState, diagnostics: Diagnostic[]) {
    this.ok = !diagnostics.some((d) => d.severity === 'error');
    this.diagnostics = diagnostics;
    this.#state = state;
    // An own function, as before (callers may pass it around unbound), and not a new closure: one
    // that captures the state would again be kept in old space (see above).
    this.isItemApplicable = state.isItemApplicable;
  }

  get values(): Record<string, unknown> {
    return (this.#values ??= this.#state.getValues());
  }

  // Split on first read: validation alone (e.g. a server's 422 check) does not pay for it.
  get payloads(): Record<string, Record<string, unknown>> {
    return (this.#payloads ??= this.#state.payloads());
  }

  get notice(): OneTimeNotice {
    return (this.#notice ??= this.#state.notice());
  }

  get materials(): MaterialState[] {
    return (this.#materials ??= this.#state.materials());
  }

  readonly isItemApplicable: (itemId: string) => boolean;
}
