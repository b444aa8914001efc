import { localize, type CompiledBundle, type Lang } from '@onething/engine';
import { useMemo, useState } from 'preact/hooks';
import { tp } from './previewMessages.js';

export interface ProvenanceViewProps {
  compiled: CompiledBundle;
  lang: Lang;
}

/** One merged field and the department properties it feeds, as displayed. */
interface Row {
  key: string;
  label: string;
  feeds: Array<{ department: string; item: string; property: string; required: boolean }>;
  requiredBy: string[];
  outputOf: string | undefined;
}

/**
 * Where each field of the merged form goes (字段来源): for every field, which departments receive it,
 * for which item, and under which name in that department's own form — the merge's provenance.
 */
export function ProvenanceView({ compiled, lang }: ProvenanceViewProps) {
  const [filter, setFilter] = useState('');
  const rows = useMemo<Row[]>(() => {
    const itemName = (id: string) =>
      localize(compiled.bundle.items.find((i) => i.id === id)?.name, lang) || id;
    return compiled.form.order.map((key) => {
      const field = compiled.form.fields[key]!;
      return {
        key,
        label: localize(field.definition.label, lang) || key,
        feeds: field.sources.map((s) => ({
          department: localize(compiled.departmentLabel(s.department), lang),
          item: itemName(s.item),
          property: s.property,
          required: s.required,
        })),
        requiredBy: field.requiredBy.map(itemName),
        outputOf: field.outputOf === undefined ? undefined : itemName(field.outputOf),
      };
    });
  }, [compiled, lang]);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? rows.filter((r) =>
        [r.key, r.label, ...r.feeds.flatMap((f) => [f.department, f.item, f.property])].some((s) =>
          s.toLowerCase().includes(needle),
        ),
      )
    : rows;
  const sourceCount = rows.reduce((n, r) => n + r.feeds.length, 0);
  return (
    <section class="pg-provenance">
      <p>{tp(lang, 'fieldsCount', { n: rows.length, m: sourceCount })}</p>
      <label class="pg-filter">
        {tp(lang, 'filter')}{' '}
        <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      </label>
      <table>
        <thead>
          <tr>
            <th scope="col">{tp(lang, 'field')}</th>
            <th scope="col">{tp(lang, 'key')}</th>
            <th scope="col">{tp(lang, 'feeds')}</th>
            <th scope="col">{tp(lang, 'requiredBy')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.key} data-field={row.key}>
              <th scope="row">{row.label}</th>
              <td>
                <code>{row.key}</code>
              </td>
              <td>
                {row.outputOf !== undefined && <p>{tp(lang, 'outputOf', { item: row.outputOf })}</p>}
                {row.feeds.length === 0 && row.outputOf === undefined && <p>{tp(lang, 'ruleOnly')}</p>}
                <ul>
                  {row.feeds.map((f, i) => (
                    <li key={i}>
                      <strong>{f.department}</strong> · {f.item} · <code>{f.property}</code>
                      {f.required ? ' *' : ''}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{row.requiredBy.join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
