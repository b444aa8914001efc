/**
 * @onething/engine — headless core of 一件事一次办 bundles: load and diagnose a bundle, merge the
 * departments' forms into one (一表), evaluate CEL rules, validate, and split the merged data back
 * into each department's payload. No DOM and no Node APIs: runs in browsers and Node alike.
 *
 * @example
 * import { loadBundle, compileBundle, createFormState } from '@onething/engine';
 * const loaded = loadBundle(yamlText, { fileName: 'bundle.yaml' });
 * if (loaded.ok) {
 *   const state = createFormState(compileBundle(loaded));
 *   state.setValue('babyName', '王小明');
 *   console.log(state.notice());
 * }
 * @packageDocumentation
 */

// bundle
export type * from './bundle/types.js';
export { loadBundle } from './bundle/loadBundle.js';
export type { LoadedBundle, LoadOptions } from './bundle/loadBundle.js';
export { parseSource } from './bundle/parseSource.js';
export type { ParsedSource, SourceLocator, SourcePosition } from './bundle/parseSource.js';

// diagnostics
export { DIAGNOSTICS } from './diagnostics/codes.js';
export { DATA_DIAGNOSTICS } from './diagnostics/dataCodes.js';
export type { DataDiagnosticCode } from './diagnostics/dataCodes.js';
export { createDataDiagnostic } from './diagnostics/createDataDiagnostic.js';
export type { DiagnosticCode } from './diagnostics/codes.js';
export type { Diagnostic, Severity, Lang } from './diagnostics/types.js';
export { createDiagnostic, localizeDiagnostic, renderMessage } from './diagnostics/createDiagnostic.js';
export { toPointer, fromPointer } from './diagnostics/jsonPointer.js';
export { OnethingError } from './diagnostics/OnethingError.js';

// merge
export { mergeForms } from './merge/mergeForms.js';
export { splitPayloads, joinPayload } from './merge/splitPayloads.js';
export { itemSchemas } from './merge/itemSchemas.js';
export type * from './compile/types.js';

// rules
export { compileRules } from './rules/compileRules.js';
export { createCelEnvironment } from './rules/createCelEnvironment.js';
export { celFunctions, celFunctionDocs } from './rules/functions/index.js';
export type { CelFunctionDescription, CelFunctionDescriptor } from './rules/functions/index.js';
export { affectedRules } from './rules/dependencyGraph.js';

// domain checks
export { isIdCard } from './domain/isIdCard.js';
export { parseIdCard } from './domain/parseIdCard.js';
export { isUscc } from './domain/isUscc.js';
export { isMobile } from './domain/isMobile.js';
export { isRegionCode, regionLevel, provinceOf, prefectureOf } from './domain/regionCode.js';

// validate
export { formats } from './validate/formats.js';
export { standaloneFormats } from './validate/standaloneFormats.js';
export { createAjv } from './validate/createAjv.js';
export { createValidator } from './validate/createValidator.js';
export type {
  CreateValidatorOptions,
  DataValidator,
  StandaloneValidate,
} from './validate/createValidator.js';
export { wrapValidator } from './validate/wrapValidator.js';
export { compileInterpreted } from './validate/compileInterpreted.js';
export { stripAnnotations } from './validate/stripAnnotations.js';

// working-day calendar (限时办结)
export { createWorkCalendar } from './calendar/createWorkCalendar.js';
export { cnCalendars } from './calendar/data/cnCalendars.js';
export { cn2025 } from './calendar/data/cn2025.js';
export { cn2026 } from './calendar/data/cn2026.js';
export type * from './calendar/types.js';

// flow runtime (办件流转): a pure decider over xstate machines generated from the bundle
export { createFlow } from './flow/createFlow.js';
export type { Flow, FlowOptions } from './flow/createFlow.js';
export { FLOW_MACHINE_VERSION } from './flow/flowMachineVersion.js';
export { formatInstant, parseInstant } from './flow/instants.js';
export { supplyDeadlineDays } from './flow/supplyDeadlineDays.js';
export { stableHash, canonicalJson } from './flow/stableHash.js';
export type * from './flow/types.js';

// runner: performs effects, fires timers, persists
export { createRunner } from './runner/createRunner.js';
export { createMemoryStore } from './runner/createMemoryStore.js';
export { createVirtualClock } from './runner/createVirtualClock.js';
export type { VirtualClock } from './runner/createVirtualClock.js';
export { simulateApplication } from './runner/simulateApplication.js';
export type { SimulationOptions, SimulationResult } from './runner/simulateApplication.js';
export type * from './runner/SimulationScript.js';
export { describeStep } from './runner/describeStep.js';
export { performCall } from './runner/performCall.js';
export type { CallAnswer, CallEffect, PerformCallOptions } from './runner/performCall.js';
export { checkSimulationScript } from './runner/checkSimulationScript.js';
export type * from './runner/types.js';

// traces: record, tokenise, replay
export { createTraceRecorder } from './trace/createTraceRecorder.js';
export type { TraceRecorder, TraceRecorderOptions } from './trace/createTraceRecorder.js';
export { parseTrace } from './trace/parseTrace.js';
export type { ParsedTrace, TraceLimits } from './trace/parseTrace.js';
export { replayTrace } from './trace/replayTrace.js';
export type { ReplayOptions, ReplayResult, TraceDivergence } from './trace/replayTrace.js';
export { tokenisePersonalData } from './trace/tokenisePersonalData.js';
export { maskPersonalData } from './trace/maskPersonalData.js';
export { TRACE_FORMAT, TRACE_VERSION } from './trace/types.js';
export type * from './trace/types.js';

// department adapters
export type * from './adapters/types.js';
export type * from './adapters/MemoryScript.js';
export { createMemoryAdapter } from './adapters/createMemoryAdapter.js';
export type { MemoryAdapter, MemoryAdapterOptions, MemoryCall } from './adapters/createMemoryAdapter.js';
export { checkMemoryScript } from './adapters/checkMemoryScript.js';
export { createHttpAdapter } from './adapters/createHttpAdapter.js';
export type { HttpAdapter, HttpAdapterOptions } from './adapters/createHttpAdapter.js';
export type { FetchLike, FetchInit, ResponseLike } from './adapters/hostGlobals.js';
export {
  checkSubmitResult,
  checkCallResult,
  checkDepartmentUpdate,
  checkUpdateEnvelopes,
} from './adapters/checkAdapterResult.js';
export type { Checked } from './adapters/checkAdapterResult.js';
export { DEPARTMENT_UPDATE_STATUSES } from './flow/departmentUpdateStatuses.js';
export { backoffDelay } from './adapters/backoffDelay.js';

// compile + form state
export { compileBundle, localize } from './compile/compileBundle.js';
export type { CompiledBundle, CompileOptions, RuleIndex } from './compile/compileBundle.js';
export { createConstraintCheck, fieldSchema, nestValidator } from './compile/createConstraintCheck.js';
export type {
  CompileSchema,
  ConstraintCheck,
  PrecompiledValidators,
} from './compile/createConstraintCheck.js';
export { hydrateBundle, checkBundleModule } from './compile/hydrateBundle.js';
export type { BundleModule } from './compile/hydrateBundle.js';
export { toCompiledArtifact } from './compile/toCompiledArtifact.js';
export { ARTIFACT_FORMAT, ARTIFACT_VERSION } from './compile/CompiledArtifact.js';
export type { CompiledArtifact, ArtifactRule } from './compile/CompiledArtifact.js';
export { createFormState } from './form/createFormState.js';
export type { FormState, FormStateOptions, FormListener, FieldListener } from './form/FormState.js';
export { validateApplication } from './form/validateApplication.js';
export type { ApplicationResult, ValidateApplicationOptions } from './form/validateApplication.js';
export type * from './form/types.js';

// codegen: the schema both TypeScript generators (Node `generateTypes`, the playground's) compile
export {
  prepareTypeSchemas,
  pascalCase,
  type TypeSchemasInput,
  type PreparedTypeSchemas,
} from './codegen/prepareTypeSchemas.js';
