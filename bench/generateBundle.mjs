// Generates the benchmark bundle: `items` items × `perItem` department fields, half of each item's
// fields shared by all items, plus rules (visibleIf, requiredIf, computed, cross-field checks), and a
// complete valid application for it. Deterministic: no randomness, so every run measures the same thing.

const KINDS = ['string', 'integer', 'number', 'date', 'enum', 'id'];

function fieldDef(i) {
  const kind = KINDS[i % KINDS.length];
  const label = { 'zh-CN': `字段${i}`, en: `Field ${i}` };
  switch (kind) {
    case 'string':
      return { type: 'string', label, maxLength: 50 };
    case 'integer':
      return { type: 'integer', label, minimum: 0, maximum: 1000 };
    case 'number':
      return { type: 'number', label, minimum: 0 };
    case 'date':
      return { type: 'date', label };
    case 'enum':
      return { type: 'string', label, enum: ['A', 'B', 'C', 'D'] };
    default:
      return { type: 'string', label, format: 'cn-id-card' };
  }
}

function valueFor(i) {
  switch (KINDS[i % KINDS.length]) {
    case 'string':
      return `值${i}`;
    case 'integer':
      return i % 1000;
    case 'number':
      return i + 0.5;
    case 'date':
      return '2024-05-06';
    case 'enum':
      return 'B';
    default:
      return '11010519491231002X';
  }
}

/** @param {{ items: number, perItem: number, rules: number }} shape */
export function generateBundle({ items, perItem, rules }) {
  const shared = perItem / 2;
  const fields = {};
  const key = (i) => `f${i}`;
  const total = shared + items * (perItem - shared);
  for (let i = 0; i < total; i++) fields[key(i)] = fieldDef(i);
  const bundleItems = [];
  for (let it = 0; it < items; it++) {
    const properties = {};
    const map = {};
    const required = [];
    const own = [
      ...Array(shared).keys(),
      ...Array.from({ length: perItem - shared }, (_, j) => shared + it * (perItem - shared) + j),
    ];
    for (const i of own) {
      const prop = `d${it}_${i}`;
      const def = fieldDef(i);
      const schema = { type: def.type === 'date' ? 'string' : def.type };
      if (def.type === 'date') schema.format = 'date';
      if (def.format) schema.format = def.format;
      if (def.enum) schema.enum = it % 2 ? def.enum : def.enum.slice(0, 3);
      if (def.maxLength) schema.maxLength = 40 + it;
      properties[prop] = schema;
      map[prop] = key(i);
      if (i % 3 === 0) required.push(prop);
    }
    bundleItems.push({
      id: `item${it}`,
      name: { 'zh-CN': `事项${it}`, en: `Item ${it}` },
      department: `dept${it}`,
      itemType: 'publicService',
      promisedLimitDays: 1,
      ...(it > 0 ? { dependsOn: ['item0'] } : {}),
      form: { schema: { type: 'object', properties, required }, map },
    });
  }
  // Rules: each reads 1–2 fields; field f(3k+1) is read by a handful of rules only.
  const ruleList = [];
  let r = 0;
  const intKeys = Object.keys(fields).filter((k) => fields[k].type === 'integer');
  const strKeys = Object.keys(fields).filter(
    (k) => fields[k].type === 'string' && !fields[k].enum && !fields[k].format,
  );
  while (r < rules) {
    // Each rule reads one or two integer fields; targets are distinct, so the count is exact.
    const k = Math.floor(r / 4);
    const a = intKeys[k % intKeys.length];
    const b = intKeys[(k + 1) % intKeys.length];
    const s = strKeys[k % strKeys.length];
    switch (r % 4) {
      case 0:
        fields[s].visibleIf = `${a} >= 0`;
        break;
      case 1:
        fields[b].requiredIf = `${a} > 10`;
        break;
      case 2:
        ruleList.push({
          id: `r${r}`,
          expr: `${a} + ${b} >= 0`,
          message: { 'zh-CN': `规则${r}`, en: `Rule ${r}` },
          fields: [a],
        });
        break;
      default:
        ruleList.push({
          id: `r${r}`,
          expr: `size(${s}) <= 100`,
          message: { 'zh-CN': `规则${r}`, en: `Rule ${r}` },
          fields: [s],
        });
    }
    r++;
  }
  const departments = Object.fromEntries(
    bundleItems.map((it) => [it.department, { name: { 'zh-CN': `部门${it.department}` } }]),
  );
  const bundle = {
    id: 'bench',
    version: '1.0.0',
    title: { 'zh-CN': '基准', en: 'Benchmark' },
    leadDepartment: 'dept0',
    promisedDays: 5,
    departments,
    fields,
    items: bundleItems,
    rules: ruleList,
  };
  const data = {};
  for (let i = 0; i < total; i++) data[key(i)] = valueFor(i);
  return { bundle, data, fieldCount: total, ruleCount: rules };
}
