import type { MaterialDecisions } from '@onething/engine';
import { createPlaygroundDiagnostic, type PlaygroundDiagnostic } from './playgroundDiagnostics.js';
import type { BundleFormat } from './shareFormat.js';

/** What the playground keeps between visits: the editor, the chosen example and the preview's inputs. */
export interface LocalDraft {
  text: string;
  format: BundleFormat;
  /** Id of the example or template the text started from, if any. */
  example?: string;
  /** What was entered in the preview: the merged form's values and the material decisions. */
  preview?: { data: Record<string, unknown>; materials: MaterialDecisions };
  /** ISO time of the save (set by `save`). */
  savedAt?: string;
}

/** What `load` gives: the draft, or none with the reason (no diagnostics when nothing was saved). */
export interface LoadedDraft {
  draft: LocalDraft | undefined;
  diagnostics: PlaygroundDiagnostic[];
}

/** A draft slot in one `Storage` (localStorage) key. Never throws. */
export interface LocalDraftStore {
  load(): LoadedDraft;
  /** Save; a full or unavailable storage is reported, not thrown. */
  save(draft: LocalDraft): { ok: true } | { ok: false; diagnostics: PlaygroundDiagnostic[] };
  clear(): { ok: true } | { ok: false; diagnostics: PlaygroundDiagnostic[] };
}

/** `kind` of the stored envelope: tells our drafts from anything else stored under the same key. */
export const DRAFT_KIND = 'onething-playground-draft';
/** Version of the stored envelope; `load` refuses others. */
export const DRAFT_VERSION = 1;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const reasonOf = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : String(error).slice(0, 200);

/** A quota error, however the browser names it (Chromium/Firefox/Safari, old and new). */
function isQuotaError(error: unknown): boolean {
  if (!isRecord(error) && !(error instanceof Error)) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

/** Check the stored draft's shape; the reason it is not a draft otherwise. */
function checkDraft(value: unknown): LocalDraft | string {
  if (!isRecord(value)) return 'not an object';
  const { text, format, example, preview, savedAt } = value;
  if (typeof text !== 'string') return 'no text';
  if (format !== 'yaml' && format !== 'json') return 'unknown format';
  if (example !== undefined && typeof example !== 'string') return 'bad example id';
  if (savedAt !== undefined && typeof savedAt !== 'string') return 'bad save time';
  const draft: LocalDraft = { text, format };
  if (example !== undefined) draft.example = example;
  if (savedAt !== undefined) draft.savedAt = savedAt;
  if (preview !== undefined) {
    if (!isRecord(preview) || !isRecord(preview.data) || !isRecord(preview.materials)) return 'bad preview';
    const materials = Object.values(preview.materials);
    if (!materials.every((m) => isRecord(m) && typeof m.kind === 'string')) return 'bad material decision';
    draft.preview = { data: preview.data, materials: preview.materials as MaterialDecisions };
  }
  return draft;
}

/**
 * Keep the playground's draft in `storage` under `key`, as versioned JSON
 * (`{ kind, version, draft }`). Corrupt or foreign content, another version, a full quota or a
 * storage that throws (private mode, disabled) all come back as diagnostics, never as exceptions.
 *
 * @example
 * const drafts = createLocalDraft(localStorage, 'onething.playground.draft');
 * const { draft, diagnostics } = drafts.load();
 * drafts.save({ text, format: 'yaml', example: 'newborn' });
 */
export function createLocalDraft(storage: Storage, key: string): LocalDraftStore {
  const unavailable = (error: unknown) => ({
    ok: false as const,
    diagnostics: [createPlaygroundDiagnostic('DRAFT_STORAGE_UNAVAILABLE', { reason: reasonOf(error) })],
  });
  return {
    load() {
      let raw: string | null;
      try {
        raw = storage.getItem(key);
      } catch (error) {
        return { draft: undefined, diagnostics: unavailable(error).diagnostics };
      }
      if (raw === null) return { draft: undefined, diagnostics: [] };
      const corrupt = (reason: string): LoadedDraft => ({
        draft: undefined,
        diagnostics: [createPlaygroundDiagnostic('DRAFT_CORRUPT', { reason })],
      });
      let envelope: unknown;
      try {
        envelope = JSON.parse(raw);
      } catch {
        return corrupt('not JSON');
      }
      if (!isRecord(envelope) || envelope.kind !== DRAFT_KIND) return corrupt('not a playground draft');
      if (envelope.version !== DRAFT_VERSION) {
        const version = String(JSON.stringify(envelope.version) ?? 'none').slice(0, 20);
        return {
          draft: undefined,
          diagnostics: [createPlaygroundDiagnostic('DRAFT_VERSION_UNSUPPORTED', { version })],
        };
      }
      const draft = checkDraft(envelope.draft);
      return typeof draft === 'string' ? corrupt(draft) : { draft, diagnostics: [] };
    },
    save(draft) {
      let raw: string;
      try {
        raw = JSON.stringify({
          kind: DRAFT_KIND,
          version: DRAFT_VERSION,
          draft: { ...draft, savedAt: new Date().toISOString() },
        });
      } catch (error) {
        // Preview data that JSON cannot hold (a cycle, a BigInt): a caller's mistake, reported all the same.
        return {
          ok: false,
          diagnostics: [createPlaygroundDiagnostic('DRAFT_UNSAVABLE', { reason: reasonOf(error) })],
        };
      }
      try {
        storage.setItem(key, raw);
        return { ok: true };
      } catch (error) {
        if (isQuotaError(error))
          return { ok: false, diagnostics: [createPlaygroundDiagnostic('DRAFT_QUOTA_EXCEEDED')] };
        return unavailable(error);
      }
    },
    clear() {
      try {
        storage.removeItem(key);
        return { ok: true };
      } catch (error) {
        return unavailable(error);
      }
    },
  };
}
