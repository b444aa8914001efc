import { describe, expect, it } from 'vitest';
import { loadRegionData } from './loadRegionData.js';

const DATA = { p: '44广东省', c: { '44': '03深圳市' }, d: { '4403': '05南山区' } };

/** A fetch that counts its calls and answers from `responses` in turn. */
function fakeFetch(responses: Array<() => Response>) {
  const calls: string[] = [];
  const fetcher = (async (url: string) => {
    calls.push(url);
    return responses[calls.length - 1]!();
  }) as unknown as typeof fetch;
  return { calls, fetcher };
}

describe('loadRegionData', () => {
  it('fetches a URL once, however many controls ask', async () => {
    const { calls, fetcher } = fakeFetch([() => Response.json(DATA)]);
    const [a, b] = await Promise.all([
      loadRegionData('https://x.test/once.json', fetcher),
      loadRegionData('https://x.test/once.json', fetcher),
    ]);
    expect(a).toBe(b);
    expect(a.byCode.get('440305')?.name).toBe('南山区');
    expect(calls).toEqual(['https://x.test/once.json']);
  });

  it('reports an HTTP failure with the URL and status, and tries again next time', async () => {
    const { calls, fetcher } = fakeFetch([
      () => new Response('', { status: 404 }),
      () => Response.json(DATA),
    ]);
    await expect(loadRegionData('https://x.test/retry.json', fetcher)).rejects.toThrow(
      'https://x.test/retry.json: HTTP 404',
    );
    const tree = await loadRegionData('https://x.test/retry.json', fetcher);
    expect(tree.provinces).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('rejects a file that is not region data', async () => {
    const { fetcher } = fakeFetch([() => Response.json({ hello: 1 })]);
    await expect(loadRegionData('https://x.test/bad.json', fetcher)).rejects.toThrow(TypeError);
  });
});
