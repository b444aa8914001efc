import { describe, expect, it } from 'vitest';
import { parseRegionData } from './parseRegionData.js';
import { regionPath } from './regionPath.js';

// A slice of the real data: 广东 (a province), 北京 (a municipality), 湖北 with its 省直辖县级 units.
const tree = parseRegionData({
  p: '11北京市42湖北省44广东省',
  c: { '42': '01武汉市90省直辖县级行政区划', '44': '03深圳市19东莞市' },
  d: { '1101': '01东城区02西城区', '4201': '02江岸区', '4290': '04仙桃市21神农架林区', '4403': '05南山区' },
});
const codes = (code: unknown) => {
  const path = regionPath(tree, code);
  return [path.province?.code, path.prefecture?.code, path.county?.code, path.unknown];
};

describe('regionPath', () => {
  it('shows the levels of a county, a prefecture and a province', () => {
    expect(codes('440305')).toEqual(['440000', '440300', '440305', false]);
    expect(codes('440300')).toEqual(['440000', '440300', undefined, false]);
    expect(codes('440000')).toEqual(['440000', undefined, undefined, false]);
  });

  it("goes through a municipality's stand-in prefecture", () => {
    expect(codes('110101')).toEqual(['110000', '110000', '110101', false]);
    expect(codes('110000')).toEqual(['110000', '110000', undefined, false]);
  });

  it('finds 省直辖县级 units under xx9000', () => {
    expect(codes('429004')).toEqual(['420000', '429000', '429004', false]);
    expect(codes('429021')).toEqual(['420000', '429000', '429021', false]);
  });

  it('handles a prefecture without counties (东莞)', () => {
    expect(codes('441900')).toEqual(['440000', '441900', undefined, false]);
  });

  it('marks a code the data does not list, showing the levels it does know', () => {
    expect(codes('440399')).toEqual(['440000', '440300', undefined, true]);
    expect(codes('449999')).toEqual(['440000', undefined, undefined, true]);
    expect(codes('990000')).toEqual([undefined, undefined, undefined, true]);
  });

  it('shows nothing for no value', () => {
    expect(codes(undefined)).toEqual([undefined, undefined, undefined, false]);
    expect(codes('')).toEqual([undefined, undefined, undefined, false]);
  });
});
