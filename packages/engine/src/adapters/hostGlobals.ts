/**
 * The few Web platform globals the adapters need (timers, `AbortController`, `fetch`), typed here
 * because the engine compiles without DOM or Node types. Read on each call, never cached, so a test
 * or a host can replace a global. Only timing and transport use them; no decision reads a clock.
 */
import type { AbortSignalLike } from './types.js';

export interface AbortControllerLike {
  readonly signal: AbortSignalLike;
  abort(reason?: unknown): void;
}

/** What a `fetch` answer must offer; a real `Response` is one. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/**
 * The request options the HTTP adapter passes to `fetch`. Every field is optional and `headers`/`body`
 * are loose so that the platform's `fetch` (whose `RequestInit` is wider) fits `HttpAdapterOptions.fetch`.
 */
export interface FetchInit {
  method?: string;
  headers?: unknown;
  body?: unknown;
  signal?: AbortSignalLike | null;
}

/**
 * A `fetch` as the adapters call it. Declared through a method so that its parameters are compared
 * bivariantly: the platform's `fetch`, whose `RequestInit` is wider than `FetchInit`, then fits.
 */
export type FetchLike = {
  fetch(input: string, init?: FetchInit): Promise<ResponseLike>;
}['fetch'];

interface HostGlobals {
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  AbortController?: new () => AbortControllerLike;
  fetch?: FetchLike;
}

/** The host's globals, as far as the adapters use them (each may be absent). */
export function hostGlobals(): HostGlobals {
  return globalThis as unknown as HostGlobals;
}
