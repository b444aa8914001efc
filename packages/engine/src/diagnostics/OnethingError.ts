import type { Diagnostic } from './types.js';

/**
 * The one error class the engine throws, and only for programmer errors (calling an API wrongly).
 * Problems in user input are returned as diagnostics instead.
 */
export class OnethingError extends Error {
  override readonly name = 'OnethingError';
  constructor(
    readonly code: string,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}
