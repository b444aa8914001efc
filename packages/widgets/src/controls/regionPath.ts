import type { RegionNode, RegionTree } from './parseRegionData.js';

/** What the three selects of the cascader show for a value. */
export interface RegionPath {
  province?: RegionNode;
  prefecture?: RegionNode;
  county?: RegionNode;
  /** The value is a code the data does not list (retired, or mistyped): the deepest known level is shown. */
  unknown: boolean;
}

/**
 * The province, prefecture and county a 6-digit code stands for. A municipality's county (110101) and
 * the municipality itself (110000) come with its stand-in prefecture; a 省直辖县级 county (429004) with
 * 429000.
 *
 * @example
 * regionPath(tree, '440305'); // { province: 广东省, prefecture: 深圳市, county: 南山区, unknown: false }
 */
export function regionPath(tree: RegionTree, code: unknown): RegionPath {
  if (typeof code !== 'string' || code === '') return { unknown: false };
  const province = tree.provinces.find((p) => p.code.slice(0, 2) === code.slice(0, 2));
  if (!province) return { unknown: true };
  const prefecture =
    province.children.find((c) => c.code !== province.code && c.code.slice(0, 4) === code.slice(0, 4)) ??
    province.children.find((c) => c.code === province.code);
  const county = prefecture?.children.find((c) => c.code === code);
  const known = code === province.code || code === prefecture?.code || county !== undefined;
  return {
    province,
    ...(prefecture ? { prefecture } : {}),
    ...(county ? { county } : {}),
    unknown: !known,
  };
}
