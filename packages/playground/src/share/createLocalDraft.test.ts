// The draft store with a fake Storage: round trip, corrupt and foreign content, other versions, a full
// quota and a storage that throws — diagnostics every time, never an exception. Issue #5.
import { describe, expect, it } from 'vitest';
import { createLocalDraft, DRAFT_KIND, type LocalDraft } from './createLocalDraft.js';

/** An in-memory Storage; `failWith` makes setItem (and optionally getItem/removeItem) throw. */
function fakeStorage(failWith?: { set?: unknown; get?: unknown; remove?: unknown }): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => {
      if (failWith?.get) throw failWith.get;
      return items.get(k) ?? null;
    },
    setItem: (k, v) => {
      if (failWith?.set) throw failWith.set;
      items.set(k, String(v));
    },
    removeItem: (k) => {
      if (failWith?.remove) throw failWith.remove;
      items.delete(k);
    },
    clear: () => items.clear(),
  };
}

const KEY = 'onething.playground.draft';
const draft: LocalDraft = {
  text: 'id: newborn\n',
  format: 'yaml',
  example: 'newborn',
  preview: {
    data: { babyName: '王小明', employees: [{ name: '李四' }] },
    materials: { m_hukouBook: { kind: 'deferred', signer: '王大明', signedAt: '2026-01-05T09:00:00+08:00' } },
  },
};

describe('createLocalDraft', () => {
  it('saves and loads a draft, and clears it', () => {
    const storage = fakeStorage();
    const store = createLocalDraft(storage, KEY);
    expect(store.load()).toEqual({ draft: undefined, diagnostics: [] });
    expect(store.save(draft)).toEqual({ ok: true });
    const loaded = store.load();
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.draft).toMatchObject(draft);
    expect(loaded.draft?.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.parse(storage.getItem(KEY)!)).toMatchObject({ kind: DRAFT_KIND, version: 1 });
    expect(store.clear()).toEqual({ ok: true });
    expect(store.load()).toEqual({ draft: undefined, diagnostics: [] });
  });

  it.each([
    ['not JSON', '{"kind": "onething-playground-draft", "vers'],
    ['foreign JSON', '{"theme":"dark"}'],
    ['a JSON string', '"hello"'],
    ['a draft without text', JSON.stringify({ kind: DRAFT_KIND, version: 1, draft: { format: 'yaml' } })],
    [
      'an unknown format',
      JSON.stringify({ kind: DRAFT_KIND, version: 1, draft: { text: 'a', format: 'toml' } }),
    ],
    [
      'a bad material decision',
      JSON.stringify({
        kind: DRAFT_KIND,
        version: 1,
        draft: { text: 'a', format: 'yaml', preview: { data: {}, materials: { m: 3 } } },
      }),
    ],
  ])('gives nothing and DRAFT_CORRUPT for %s', (_name, raw) => {
    const storage = fakeStorage();
    storage.setItem(KEY, raw);
    const loaded = createLocalDraft(storage, KEY).load();
    expect(loaded.draft).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['DRAFT_CORRUPT']);
    expect(loaded.diagnostics[0]!.messages.en).not.toMatch(/\{\w+\}/);
  });

  it('gives nothing and DRAFT_VERSION_UNSUPPORTED for another version', () => {
    const storage = fakeStorage();
    storage.setItem(
      KEY,
      JSON.stringify({ kind: DRAFT_KIND, version: 2, draft: { text: 'a', format: 'yaml' } }),
    );
    const loaded = createLocalDraft(storage, KEY).load();
    expect(loaded).toMatchObject({
      draft: undefined,
      diagnostics: [{ code: 'DRAFT_VERSION_UNSUPPORTED', params: { version: '2' } }],
    });
  });

  it('reports a full quota instead of throwing', () => {
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const result = createLocalDraft(fakeStorage({ set: quota }), KEY).save(draft);
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'DRAFT_QUOTA_EXCEEDED' }] });
  });

  it('reports a storage that throws on every call (disabled, private mode)', () => {
    const denied = Object.assign(new Error('Access is denied'), { name: 'SecurityError' });
    const store = createLocalDraft(fakeStorage({ set: denied, get: denied, remove: denied }), KEY);
    expect(store.load().diagnostics.map((d) => d.code)).toEqual(['DRAFT_STORAGE_UNAVAILABLE']);
    expect(store.save(draft)).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'DRAFT_STORAGE_UNAVAILABLE' }],
    });
    expect(store.clear()).toMatchObject({ ok: false, diagnostics: [{ code: 'DRAFT_STORAGE_UNAVAILABLE' }] });
  });

  it('reports preview data that JSON cannot hold instead of throwing', () => {
    const data: Record<string, unknown> = {};
    data.self = data;
    const result = createLocalDraft(fakeStorage(), KEY).save({ ...draft, preview: { data, materials: {} } });
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'DRAFT_UNSAVABLE' }] });
  });
});
