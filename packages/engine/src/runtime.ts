/**
 * @onething/engine/runtime — the browser runtime: fill in a bundle that `onething compile` turned
 * into a module (`bundle.js`), with its precompiled validators. No bundle loader, no YAML, no merge
 * and no ajv compiler, so it is small and runs under a strict Content-Security-Policy
 * (`script-src 'self'`). Everything here is also exported by `@onething/engine`.
 *
 * @example
 * import { hydrateBundle, createFormState } from '@onething/engine/runtime';
 * const compiled = hydrateBundle(await import('./newborn/bundle.js'));
 * const state = createFormState(compiled, { lang: 'zh-CN' });
 * state.setValue('babyName', '王小明');
 * console.log(state.notice());
 * @packageDocumentation
 */
export type * from './bundle/types.js';
export type { Diagnostic, Severity, Lang } from './diagnostics/types.js';
export type { DiagnosticCode } from './diagnostics/codes.js';
export { localizeDiagnostic } from './diagnostics/localizeDiagnostic.js';
export { DATA_DIAGNOSTICS } from './diagnostics/dataCodes.js';
export type { DataDiagnosticCode } from './diagnostics/dataCodes.js';
export { toPointer, fromPointer } from './diagnostics/jsonPointer.js';
export { OnethingError } from './diagnostics/OnethingError.js';

export type * from './compile/types.js';
export { hydrateBundle, checkBundleModule } from './compile/hydrateBundle.js';
export type { BundleModule } from './compile/hydrateBundle.js';
export { ARTIFACT_FORMAT, ARTIFACT_VERSION } from './compile/CompiledArtifact.js';
export type { CompiledArtifact, ArtifactRule } from './compile/CompiledArtifact.js';
export type { CompiledBundle, RuleIndex } from './compile/createCompiledBundle.js';
export type { ConstraintCheck, PrecompiledValidators } from './compile/createConstraintCheck.js';
export type { StandaloneValidate } from './validate/createValidator.js';
export { localize } from './compile/localize.js';

export { createFormState } from './form/createFormState.js';
export type { FormState, FormStateOptions, FormListener, FieldListener } from './form/FormState.js';
export { validateApplication } from './form/validateApplication.js';
export type { ApplicationResult, ValidateApplicationOptions } from './form/validateApplication.js';
export type * from './form/types.js';
export { splitPayloads, joinPayload } from './merge/splitPayloads.js';

export { isIdCard } from './domain/isIdCard.js';
export { parseIdCard } from './domain/parseIdCard.js';
export { isUscc } from './domain/isUscc.js';
export { isMobile } from './domain/isMobile.js';
export { isRegionCode, regionLevel, provinceOf, prefectureOf } from './domain/regionCode.js';

export { createWorkCalendar } from './calendar/createWorkCalendar.js';
export { cnCalendars } from './calendar/data/cnCalendars.js';
export type * from './calendar/types.js';
export { supplyDeadlineDays } from './flow/supplyDeadlineDays.js';
export type * from './flow/types.js';
