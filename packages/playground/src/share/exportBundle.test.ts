import { describe, expect, it, vi } from 'vitest';
import { exportBundle, exportFileName, type DownloadHost } from './exportBundle.js';

/** A fake page: records the link that was clicked and the Blob behind its URL. */
function fakeHost() {
  const blobs = new Map<string, Blob>();
  const clicked: Array<{ href: string; download: string; attached: boolean }> = [];
  const body = { children: new Set<unknown>(), append: (el: unknown) => body.children.add(el) };
  const host = {
    document: {
      body,
      createElement: () => {
        const link = {
          href: '',
          download: '',
          rel: '',
          hidden: false,
          click: () =>
            clicked.push({ href: link.href, download: link.download, attached: body.children.has(link) }),
          remove: () => body.children.delete(link),
        };
        return link;
      },
    },
    URL: {
      createObjectURL: (blob: Blob) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: (url: string) => blobs.delete(url),
    },
  } as unknown as DownloadHost;
  return { host, blobs, clicked, body };
}

describe('exportBundle', () => {
  it('clicks an attached <a download> whose Blob holds the text, then cleans up', async () => {
    vi.useFakeTimers();
    try {
      const { host, blobs, clicked, body } = fakeHost();
      const blobAt = (url: string) => blobs.get(url)!;
      const name = exportBundle('id: 新生儿\n', 'yaml', 'newborn', host);
      expect(name).toBe('newborn.yaml');
      expect(clicked).toEqual([{ href: 'blob:test/0', download: 'newborn.yaml', attached: true }]);
      const blob = blobAt('blob:test/0');
      expect(blob.type).toBe('application/yaml;charset=utf-8');
      expect(await blob.text()).toBe('id: 新生儿\n');
      expect(body.children.size).toBe(0);
      vi.runAllTimers();
      expect(blobs.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('names files safely', () => {
    expect(exportFileName('新生儿出生 一件事/v2', 'yaml')).toBe('新生儿出生-一件事-v2.yaml');
    expect(exportFileName('bundle.yaml', 'json')).toBe('bundle.json');
    expect(exportFileName('../..', 'json')).toBe('bundle.json');
    expect(exportFileName('', 'yaml')).toBe('bundle.yaml');
    expect(exportFileName('a\u0000b\tc', 'yaml')).toBe('a-b-c.yaml');
  });
});
