import type { Lang } from '@onething/engine';
import { ActionSelect } from './ActionSelect.js';
import { EXAMPLES } from './examples.js';
import { tr } from './messages.js';
import type { SourceFormat } from './analyzeSource.js';

export interface ToolbarTemplate {
  id: string;
  title: Record<Lang, string>;
}

export interface ToolbarProps {
  lang: Lang;
  format: SourceFormat;
  templates: readonly ToolbarTemplate[];
  onExample(id: string): void;
  onTemplate(id: string): void;
  onImport(file: File): void;
  onExport(): void;
  onShare(): void;
  onLang(lang: Lang): void;
}

/** The app bar: open an example or template, import, export, share, and the interface language. */
export function Toolbar(props: ToolbarProps) {
  const { lang } = props;
  return (
    <div class="pg-toolbar" role="toolbar" aria-label={tr(lang, 'title')}>
      <ActionSelect
        label={tr(lang, 'example')}
        placeholder={tr(lang, 'chooseExample')}
        options={EXAMPLES.map((example) => ({ value: example.id, text: example.id }))}
        onChoose={props.onExample}
      />
      <ActionSelect
        label={tr(lang, 'template')}
        placeholder={tr(lang, 'chooseTemplate')}
        options={props.templates.map((template) => ({ value: template.id, text: template.title[lang] }))}
        onChoose={props.onTemplate}
      />
      <label class="pg-file">
        {tr(lang, 'import')}
        <input
          type="file"
          accept=".yaml,.yml,.json,application/json,text/yaml"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) props.onImport(file);
          }}
        />
      </label>
      <button type="button" onClick={props.onExport}>
        {tr(lang, 'export')} ({props.format.toUpperCase()})
      </button>
      <button type="button" onClick={props.onShare}>
        {tr(lang, 'share')}
      </button>
      <button
        type="button"
        lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}
        title={tr(lang, 'languageLabel')}
        onClick={() => props.onLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
      >
        {tr(lang, 'language')}
      </button>
    </div>
  );
}
