import type { MaterialDecisions } from '@onething/engine/runtime';

/** Where the applicant's unfinished form is kept between visits. */
export interface DraftStore {
  load(): { values: Record<string, unknown>; materials: MaterialDecisions } | undefined;
  save(values: Record<string, unknown>, materials: MaterialDecisions): void;
  clear(): void;
}

const VERSION = 1;

/**
 * A draft in `localStorage` under `onething:draft:<bundle id>:<key>`. A draft that cannot be read
 * (other version, corrupt, storage disabled or full) is ignored: a draft never stops the form.
 */
export function createDraftStore(
  bundleId: string,
  key: string,
  storage: Storage | undefined = safeLocalStorage(),
): DraftStore {
  const name = `onething:draft:${bundleId}:${key}`;
  return {
    load() {
      try {
        const text = storage?.getItem(name);
        if (!text) return undefined;
        const parsed = JSON.parse(text) as { version?: number; values?: unknown; materials?: unknown };
        if (parsed.version !== VERSION || typeof parsed.values !== 'object' || parsed.values === null)
          return undefined;
        const materials =
          typeof parsed.materials === 'object' && parsed.materials !== null ? parsed.materials : {};
        return {
          values: parsed.values as Record<string, unknown>,
          materials: materials as MaterialDecisions,
        };
      } catch {
        return undefined;
      }
    },
    save(values, materials) {
      try {
        storage?.setItem(name, JSON.stringify({ version: VERSION, values, materials }));
      } catch {
        // Storage full or disabled: the form goes on without a draft.
      }
    },
    clear() {
      try {
        storage?.removeItem(name);
      } catch {
        // nothing to clear
      }
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // sandboxed frames throw on access
  }
}
