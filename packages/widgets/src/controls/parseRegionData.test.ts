import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRegionCode, regionLevel } from '../../../engine/src/index.js';
import { parseRegionData, type RegionNode } from './parseRegionData.js';

const file = JSON.parse(readFileSync(new URL('../../data/regions.json', import.meta.url), 'utf8')) as unknown;
const tree = parseRegionData(file);
const counties = tree.provinces.flatMap((p) => p.children.flatMap((c) => c.children));
const name = (code: string) => tree.byCode.get(code)?.name;

describe('parseRegionData on packages/widgets/data/regions.json', () => {
  it('has the 34 provincial divisions, and the prefectures and counties of GB/T 2260', () => {
    expect(tree.provinces).toHaveLength(34);
    expect(tree.provinces.map((p) => p.name)).toContain('新疆维吾尔自治区');
    expect(tree.provinces.flatMap((p) => p.children).length).toBeGreaterThan(330);
    expect(counties.length).toBeGreaterThan(2800);
  });

  it('gives every code its level by its zeros, under the code of the level above', () => {
    for (const province of tree.provinces) {
      expect(regionLevel(province.code), province.code).toBe('province');
      for (const prefecture of province.children) {
        // A municipality's stand-in prefecture carries the province's code.
        if (prefecture.code !== province.code) {
          expect(regionLevel(prefecture.code), prefecture.code).toBe('prefecture');
          expect(prefecture.code.slice(0, 2)).toBe(province.code.slice(0, 2));
        }
        for (const county of prefecture.children) {
          expect(regionLevel(county.code), county.code).toBe('county');
          const above = prefecture.code === province.code ? county.code.slice(0, 2) : county.code.slice(0, 4);
          expect(prefecture.code.startsWith(above), county.code).toBe(true);
          // Every county's prefix exists as a prefecture or (municipalities) as the province.
          expect(
            tree.byCode.has(`${county.code.slice(0, 4)}00`) ||
              tree.byCode.has(`${county.code.slice(0, 2)}0000`),
          ).toBe(true);
        }
      }
    }
  });

  it('lists only codes the engine accepts, once each, without the statistics bureau 功能区 (xx71–xx80) or 市辖区 rows', () => {
    const all: RegionNode[] = [...tree.byCode.values()];
    for (const node of all) expect(isRegionCode(node.code), node.code).toBe(true);
    const codes = counties.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => Number(c.slice(4)) >= 71 && Number(c.slice(4)) <= 80)).toEqual([]);
    expect(all.filter((n) => n.name === '市辖区')).toEqual([]);
  });

  it('resolves well-known codes', () => {
    expect(name('110101')).toBe('东城区');
    expect(name('440305')).toBe('南山区');
    expect(name('440300')).toBe('深圳市');
    expect(name('429004')).toBe('仙桃市');
    expect(name('429000')).toBe('省直辖县级行政区划');
    expect(name('419001')).toBe('济源市');
    expect(name('659000')).toBe('自治区直辖县级行政区划');
    expect(name('350203')).toBe('思明区');
    expect(name('330106')).toBe('西湖区');
    expect(name('500229')).toBe('城口县');
    expect(name('810000')).toBe('香港特别行政区');
  });

  it('follows the 2021–2023 changes: retired codes are gone, new ones are there', () => {
    for (const retired of ['330103', '330104', '350402', '410322', '540422'])
      expect(name(retired), retired).toBeUndefined();
    expect(name('330114')).toBe('钱塘区');
    expect(name('410308')).toBe('孟津区');
    expect(name('540481')).toBe('米林市');
    expect(name('659012')).toBe('白杨市');
  });

  it("puts a municipality's districts and counties under one stand-in prefecture", () => {
    const chongqing = tree.byCode.get('500000')!;
    expect(chongqing.children).toHaveLength(1);
    expect(chongqing.children[0]).toMatchObject({ code: '500000', name: '重庆市' });
    const codes = chongqing.children[0]!.children.map((c) => c.code);
    expect(codes).toContain('500101'); // 万州区
    expect(codes).toContain('500229'); // 城口县
    // byCode keeps the province itself for the shared code.
    expect(tree.byCode.get('500000')).toBe(chongqing);
  });

  it('rejects what is not region data', () => {
    expect(() => parseRegionData({ provinces: [] })).toThrow(TypeError);
    expect(() => parseRegionData(null)).toThrow(/scripts\/build-region-data\.mjs/);
  });
});
