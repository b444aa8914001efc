import { itemSchemas, pascalCase, type CompiledBundle, type Lang } from '@onething/engine';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { generateBundleTypes, typeSchemasOf } from './generateBundleTypes.js';
import { pickDeclarations } from './pickDeclarations.js';

export interface TypesViewProps {
  compiled: CompiledBundle;
  lang: Lang;
}

type Generated = { state: 'loading' } | { state: 'done'; code: string } | { state: 'error'; message: string };

const TEXT = {
  'zh-CN': {
    heading: 'TypeScript 类型',
    show: '显示',
    all: '全部（合并表单与各事项）',
    merged: '合并表单（一表）',
    item: '事项',
    copy: '复制',
    copied: '已复制到剪贴板。',
    copyFailed: '无法写入剪贴板，请选中代码后手动复制。',
    loading: '正在生成类型……',
    failed: '无法生成类型：',
  },
  en: {
    heading: 'TypeScript types',
    show: 'Show',
    all: 'All (merged form and every item)',
    merged: 'Merged form',
    item: 'Item',
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not write to the clipboard: select the code and copy it by hand.',
    loading: 'Generating types…',
    failed: 'Could not generate the types: ',
  },
} as const;

/**
 * The bundle's TypeScript declarations, generated in the browser (the same text as `onething typegen`):
 * all of them, the merged form's or one item payload's, read-only, with a copy button.
 *
 * @example
 * <TypesView compiled={compiled} lang="zh-CN" />
 */
export function TypesView({ compiled, lang }: TypesViewProps) {
  const t = TEXT[lang];
  const [generated, setGenerated] = useState<Generated>({ state: 'loading' });
  const [choice, setChoice] = useState('');
  const [copyStatus, setCopyStatus] = useState('');
  const application = `${pascalCase(compiled.bundle.id)}Application`;
  const items = useMemo(() => Object.keys(itemSchemas(compiled.bundle)), [compiled]);

  useEffect(() => {
    let current = true;
    setGenerated({ state: 'loading' });
    setCopyStatus('');
    generateBundleTypes(typeSchemasOf(compiled)).then(
      (code) => current && setGenerated({ state: 'done', code }),
      (error: unknown) =>
        current &&
        setGenerated({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [compiled]);

  const shown = generated.state === 'done' && choice ? pickDeclarations(generated.code, choice) : undefined;
  const code = generated.state === 'done' ? (shown ?? generated.code) : '';
  const copy = () => {
    setCopyStatus('');
    navigator.clipboard.writeText(code).then(
      () => setCopyStatus(t.copied),
      () => setCopyStatus(t.copyFailed),
    );
  };

  return (
    <section class="types-view" aria-labelledby="types-view-heading">
      <h2 id="types-view-heading">{t.heading}</h2>
      <div class="types-view-toolbar">
        <label>
          {t.show}{' '}
          <select value={choice} onChange={(e) => setChoice((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t.all}</option>
            <option value={application}>
              {t.merged} — {application}
            </option>
            {compiled.bundle.items.map((item) => {
              const name = `${pascalCase(item.id)}Payload`;
              return items.includes(item.id) ? (
                <option key={item.id} value={name}>
                  {t.item}: {lang === 'en' ? (item.name.en ?? item.name['zh-CN']) : item.name['zh-CN']} —{' '}
                  {name}
                </option>
              ) : null;
            })}
          </select>
        </label>
        <button type="button" onClick={copy} disabled={generated.state !== 'done'}>
          {t.copy}
        </button>
        <span role="status">{copyStatus}</span>
      </div>
      {generated.state === 'loading' && <p role="status">{t.loading}</p>}
      {generated.state === 'error' && (
        <p role="alert" class="types-view-error">
          {t.failed}
          {generated.message}
        </p>
      )}
      {generated.state === 'done' && (
        <pre class="types-view-code" tabIndex={0}>
          <code>{code}</code>
        </pre>
      )}
    </section>
  );
}
