import { DATA_DIAGNOSTICS, type DataDiagnosticCode } from './dataCodes.js';
import type { Diagnostic } from './types.js';
import { diagnosticFrom, type DiagnosticInit } from './diagnosticFrom.js';

/**
 * `createDiagnostic` for the codes of data checked at run time (`DATA_DIAGNOSTICS`): the form state,
 * validators and `hydrateBundle` use it, so the browser runtime carries only these templates.
 *
 * @example
 * createDataDiagnostic('DATA_REQUIRED_FIELD', { path: '/babyName', params: { label: '姓名' } });
 */
export function createDataDiagnostic(code: DataDiagnosticCode, init: DiagnosticInit = {}): Diagnostic {
  return diagnosticFrom(DATA_DIAGNOSTICS, code, init);
}
