import type { CompiledBundle } from '../compile/compileBundle.js';
import { createDataDiagnostic } from '../diagnostics/createDataDiagnostic.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import { createFormState } from './createFormState.js';
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
  let payloads: ApplicationResult['payloads'] | undefined;
  let values: ApplicationResult['values'] | undefined;
  let notice: OneTimeNotice | undefined;
  let materials: MaterialState[] | undefined;
  return {
    ok: !diagnostics.some((d) => d.severity === 'error'),
    diagnostics,
    get values() {
      return (values ??= state.getValues());
    },
    // Split on first read: validation alone (e.g. a server's 422 check) does not pay for it.
    get payloads() {
      return (payloads ??= state.payloads());
    },
    get notice() {
      return (notice ??= state.notice());
    },
    get materials() {
      return (materials ??= state.materials());
    },
    isItemApplicable: (itemId) => state.isItemApplicable(itemId),
  };
}
