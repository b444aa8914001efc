import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexJson } from './indexJson.js';
import { fromPointer } from '../diagnostics/jsonPointer.js';

describe('indexJson', () => {
  it('finds values and keys by pointer, and duplicate keys', () => {
    const text = '{\n  "a": [1, {"b": "x\\"y"}],\n  "c": null, "a": true\n}';
    const { positions, duplicates } = indexJson(text);
    expect(text.slice(positions.get('/a/1/b')!.value)).toMatch(/^"x\\"y"/);
    expect(text.slice(positions.get('/c')!.key!)).toMatch(/^"c"/);
    expect(duplicates).toEqual([{ key: 'a', offset: text.lastIndexOf('"a"') }]);
  });

  it('locates every value of arbitrary JSON at text that parses back to it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const { positions } = indexJson(text);
        for (const [pointer, { value: offset }] of positions) {
          let expected: unknown = value;
          for (const segment of fromPointer(pointer))
            expected = (expected as Record<string, unknown>)[segment];
          const rest = text.slice(offset);
          expect(
            rest.startsWith(JSON.stringify(expected, null, pretty ? 2 : undefined).split('\n')[0]!),
          ).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
