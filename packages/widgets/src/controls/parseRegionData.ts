/** One division of the cascader: a province, a prefecture (or the stand-in of a municipality), a county. */
export interface RegionNode {
  /** The 6-digit GB/T 2260 code; a municipality's stand-in prefecture has its province's code. */
  code: string;
  name: string;
  children: RegionNode[];
}

/** The divisions as a tree (provinces → prefectures → counties), and every node by its code. */
export interface RegionTree {
  provinces: RegionNode[];
  byCode: ReadonlyMap<string, RegionNode>;
}

/** The file scripts/build-region-data.mjs writes (packages/widgets/data/regions.json). */
export interface RegionDataFile {
  source?: string;
  /** `<2 digits><name>` pairs of the provinces. */
  p: string;
  /** Per province (2 digits): pairs of its prefectures (digits 3–4). */
  c: Record<string, string>;
  /** Per 4-digit prefix: pairs of its counties (digits 5–6). */
  d: Record<string, string>;
}

/** `"01东城区02西城区"` → `[['01', '东城区'], ['02', '西城区']]`. */
function pairs(text: string | undefined): Array<[string, string]> {
  return [...(text ?? '').matchAll(/(\d{2})(\D+)/g)].map((m) => [m[1]!, m[2]!]);
}

/**
 * Decode the region data file into a tree. A municipality (北京, 天津, 上海, 重庆: counties directly under
 * the province) gets one stand-in prefecture with the province's code and name, so every province
 * has the same three levels. Throws a TypeError when the file is not region data.
 *
 * @example
 * const tree = parseRegionData(await (await fetch(url)).json());
 * tree.byCode.get('440305')?.name; // '南山区'
 */
export function parseRegionData(data: unknown): RegionTree {
  const file = data as Partial<RegionDataFile> | null;
  if (!file || typeof file.p !== 'string' || typeof file.c !== 'object' || typeof file.d !== 'object')
    throw new TypeError('not region data: expected { p, c, d } as written by scripts/build-region-data.mjs');
  const byCode = new Map<string, RegionNode>();
  const node = (code: string, name: string, children: RegionNode[] = []): RegionNode => {
    const made = { code, name, children };
    if (!byCode.has(code)) byCode.set(code, made);
    return made;
  };
  const countiesOf = (prefix: string) =>
    pairs(file.d![prefix]).map(([digits, name]) => node(`${prefix}${digits}`, name));
  const provinces = pairs(file.p).map(([pp, name]) => {
    const province = node(`${pp}0000`, name);
    const cities = pairs(file.c![pp]);
    if (cities.length > 0)
      province.children = cities.map(([cc, cityName]) =>
        node(`${pp}${cc}00`, cityName, countiesOf(`${pp}${cc}`)),
      );
    else {
      // A municipality: its counties sit under the province itself (1101…, and 5001/5002 for 重庆).
      const counties = Object.keys(file.d!)
        .filter((prefix) => prefix.startsWith(pp))
        .sort()
        .flatMap(countiesOf);
      if (counties.length > 0) province.children = [{ code: province.code, name, children: counties }];
    }
    return province;
  });
  return { provinces, byCode };
}
