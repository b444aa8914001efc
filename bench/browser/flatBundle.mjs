// The issue #4 browser benchmark's workload: a flat form of N fields whose types cycle
// text/number/date/select/boolean; every fifth field is shown only when the field before it has a
// value; every tenth is required. One item per 500 fields maps them. Deterministic.
const TYPES = ['text', 'number', 'date', 'select', 'boolean'];

export function flatBundle(n) {
  const fields = {};
  // One department item per 500 fields (a department form maps at most 1,000 properties).
  const groups = [];
  for (let i = 0; i < n; i++) {
    const key = `f${i}`;
    const label = { 'zh-CN': `字段 ${i}`, en: `Field ${i}` };
    const kind = TYPES[i % TYPES.length];
    const field =
      kind === 'text'
        ? { type: 'string', label, maxLength: 100 }
        : kind === 'number'
          ? { type: 'number', label, minimum: 0 }
          : kind === 'date'
            ? { type: 'date', label }
            : kind === 'select'
              ? {
                  type: 'string',
                  label,
                  widget: 'select',
                  options: ['A', 'B', 'C', 'D', 'E'].map((v) => ({
                    value: v,
                    label: { 'zh-CN': `选项${v}` },
                  })),
                }
              : { type: 'boolean', label };
    // Every fifth field depends on the one before it (a text field when i % 5 === 4 → i-1 is select;
    // use the text field of the same group so a keydown drives it).
    if (i % 5 === 4) field.visibleIf = `f${i - 4} != ""`;
    fields[key] = field;
    const group = (groups[Math.floor(i / 500)] ??= { properties: {}, map: {}, required: [] });
    group.properties[key] =
      kind === 'number' ? { type: 'number' } : kind === 'boolean' ? { type: 'boolean' } : { type: 'string' };
    group.map[key] = key;
    if (i % 10 === 0) group.required.push(key);
  }
  return {
    id: `flat${n}`,
    version: '1.0.0',
    title: { 'zh-CN': `平铺表单 ${n}` },
    leadDepartment: 'd',
    promisedDays: 1,
    departments: { d: { name: { 'zh-CN': '部门' } } },
    fields,
    items: groups.map((group, g) => ({
      id: `item${g}`,
      name: { 'zh-CN': `事项 ${g + 1}` },
      department: 'd',
      itemType: 'licensing',
      promisedLimitDays: 1,
      form: {
        schema: { type: 'object', properties: group.properties, required: group.required },
        map: group.map,
      },
    })),
    layout: { sections: [{ id: 'all', title: { 'zh-CN': '全部字段' }, fields: Object.keys(fields) }] },
  };
}
