import type { FlowRecord, FlowStore } from './types.js';

/**
 * An in-memory `FlowStore`. Records are kept as JSON text, as a durable store would keep them, so
 * whatever is saved must survive serialisation and nobody can mutate a saved record in place.
 *
 * @example
 * const store = createMemoryStore();
 * const runner = createRunner({ flow, adapters, store });
 */
export function createMemoryStore(): FlowStore & { sizeOf(applicationId: string): number } {
  const records = new Map<string, string>();
  return {
    async load(applicationId) {
      const text = records.get(applicationId);
      return text === undefined ? undefined : (JSON.parse(text) as FlowRecord);
    },
    async save(applicationId, record) {
      const stored = records.get(applicationId);
      const revision = stored === undefined ? 0 : (JSON.parse(stored) as FlowRecord).revision;
      if (record.revision !== revision + 1) return false;
      records.set(applicationId, JSON.stringify(record));
      return true;
    },
    async list() {
      return [...records.keys()];
    },
    sizeOf: (applicationId) => utf8Length(records.get(applicationId) ?? ''),
  };
}

/** Bytes of a string in UTF-8, without TextEncoder (not in the engine's ES2022 lib). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
