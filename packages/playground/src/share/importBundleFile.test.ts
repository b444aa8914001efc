// Importing bundle files: formats by name or content, and wrong, oversized, empty, binary and
// mis-encoded files as diagnostics. Issue #5.
import { describe, expect, it } from 'vitest';
import { importBundleFile, MAX_IMPORT_BYTES } from './importBundleFile.js';

const file = (parts: BlobPart[], name: string) => new File(parts, name);
const codeOf = async (f: File) => {
  const result = await importBundleFile(f);
  if (result.ok) return `ok:${result.format}`;
  for (const d of result.diagnostics) expect(d.messages['zh-CN']).not.toMatch(/\{\w+\}/);
  return result.diagnostics.map((d) => d.code).join();
};

describe('importBundleFile', () => {
  it('reads YAML and JSON by extension, whatever the content', async () => {
    expect(await importBundleFile(file(['id: newborn\n'], 'newborn.yaml'))).toEqual({
      ok: true,
      text: 'id: newborn\n',
      format: 'yaml',
      name: 'newborn.yaml',
    });
    expect(await codeOf(file(['id: a\n'], 'A.YML'))).toBe('ok:yaml');
    expect(await codeOf(file(['{"id":"a"}'], 'a.json'))).toBe('ok:json');
  });

  it('sniffs the format of a file with another name', async () => {
    expect(await codeOf(file(['\n  {"id": "a"}'], 'bundle.txt'))).toBe('ok:json');
    expect(await codeOf(file(['# 事项包\nid: a\nname:\n  zh-CN: 一件事\n'], 'bundle'))).toBe('ok:yaml');
    expect(await codeOf(file(['---\n- a\n'], 'clipboard'))).toBe('ok:yaml');
    expect(await codeOf(file(['just some prose, no keys'], 'notes.txt'))).toBe('FILE_TYPE_UNKNOWN');
  });

  it('decodes a UTF-8 BOM and UTF-16 with a BOM', async () => {
    const bom = await importBundleFile(file([new Uint8Array([0xef, 0xbb, 0xbf]), 'id: 一件事\n'], 'a.yaml'));
    expect(bom).toMatchObject({ ok: true, text: 'id: 一件事\n' });
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'id: 一'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    expect(await importBundleFile(file([utf16], 'a.yaml'))).toMatchObject({ ok: true, text: 'id: 一' });
  });

  it('refuses oversized files before reading them', async () => {
    const big = file([new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61)], 'big.yaml');
    const result = await importBundleFile(big);
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'FILE_TOO_LARGE', params: { limit: '5 MB' } }],
    });
    expect(await codeOf(file([new Uint8Array(MAX_IMPORT_BYTES).fill(0x61)], 'at-limit.yaml'))).toBe(
      'ok:yaml',
    );
  });

  it('refuses empty, binary and mis-encoded files', async () => {
    expect(await codeOf(file([], 'empty.yaml'))).toBe('FILE_EMPTY');
    expect(await codeOf(file(['  \n\n'], 'blank.json'))).toBe('FILE_EMPTY');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(await codeOf(file([png], 'logo.yaml'))).toBe('FILE_NOT_TEXT');
    // 新生儿 in GBK, a common encoding of files from Windows: not UTF-8.
    expect(await codeOf(file([new Uint8Array([0xd0, 0xc2, 0xc9, 0xfa, 0xb6, 0xf9])], 'gbk.yaml'))).toBe(
      'FILE_NOT_TEXT',
    );
  });

  it('reports a file that cannot be read', async () => {
    const broken = Object.assign(file(['id: a'], 'gone.yaml'), {
      arrayBuffer: () => Promise.reject(new Error('The file was removed')),
    });
    expect(await importBundleFile(broken)).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'FILE_READ_FAILED', params: { reason: 'The file was removed' } }],
    });
  });
});
