import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import type { Diagnostic } from '../diagnostics/types.js';

/** Deeper than this is junk, not a bundle; also keeps every later recursive walk safe. */
export const MAX_DEPTH = 64;

/** Keys that would shadow or reach Object.prototype when used as record keys. */
const FORBIDDEN_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Copy an untrusted value into plain JSON data: drops keys that clash with Object.prototype,
 * values that are not JSON (functions, symbols, bigint, class instances, cycles) and nesting past
 * `MAX_DEPTH`, reporting each as a diagnostic. Never throws, even on throwing getters or proxies.
 */
export function sanitizeValue(input: unknown): { value: unknown; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<object>();

  const visit = (value: unknown, path: Array<string | number>): unknown => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      diagnostics.push(
        createDiagnostic('VALUE_NOT_JSON', { path: toPointer(path), params: { actual: String(value) } }),
      );
      return undefined;
    }
    if (typeof value !== 'object') {
      diagnostics.push(
        createDiagnostic('VALUE_NOT_JSON', { path: toPointer(path), params: { actual: typeof value } }),
      );
      return undefined;
    }
    if (path.length >= MAX_DEPTH) {
      diagnostics.push(
        createDiagnostic('NESTING_TOO_DEEP', { path: toPointer(path), params: { limit: MAX_DEPTH } }),
      );
      return undefined;
    }
    if (seen.has(value)) {
      diagnostics.push(
        createDiagnostic('VALUE_NOT_JSON', { path: toPointer(path), params: { actual: 'cycle' } }),
      );
      return undefined;
    }
    seen.add(value);
    try {
      if (Array.isArray(value)) return value.map((entry, index) => visit(entry, [...path, index]));
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        diagnostics.push(
          createDiagnostic('VALUE_NOT_JSON', {
            path: toPointer(path),
            params: { actual: 'object instance' },
          }),
        );
        return undefined;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          diagnostics.push(
            createDiagnostic('FORBIDDEN_KEY', { path: toPointer([...path, key]), params: { key } }),
          );
          continue;
        }
        const entry = visit((value as Record<string, unknown>)[key], [...path, key]);
        if (entry !== undefined) out[key] = entry;
      }
      return out;
    } catch {
      // Getters and proxies run the caller's code while being read; what cannot be read is not data.
      diagnostics.push(
        createDiagnostic('VALUE_NOT_JSON', {
          path: toPointer(path),
          params: { actual: 'unreadable object' },
        }),
      );
      return undefined;
    } finally {
      seen.delete(value);
    }
  };

  return { value: visit(input, []), diagnostics };
}
