import { localize, type CompiledBundle, type FormState, type Lang } from '@onething/engine';
import { tp } from './previewMessages.js';

export interface PayloadsViewProps {
  compiled: CompiledBundle;
  /** The preview's form state (what is entered now); undefined before the preview rendered. */
  state: FormState | undefined;
  lang: Lang;
}

/**
 * The split payloads (分部门数据) for the data entered in the preview: one block per item, in its
 * department's own field names, exactly what the flow would send. Items that do not apply say so.
 */
export function PayloadsView({ compiled, state, lang }: PayloadsViewProps) {
  const payloads = state?.payloads() ?? {};
  return (
    <section class="pg-payloads">
      <p>{tp(lang, 'payloadHint')}</p>
      {compiled.bundle.items.map((item) => {
        const applicable = state ? state.isItemApplicable(item.id) : true;
        const payload = payloads[item.id];
        return (
          <article key={item.id} data-item={item.id} class="pg-card">
            <h3>
              {localize(compiled.departmentLabel(item.department), lang)} · {localize(item.name, lang)}
            </h3>
            {!applicable ? (
              <p>{tp(lang, 'notApplicable')}</p>
            ) : payload && Object.keys(payload).length > 0 ? (
              <pre tabIndex={0}>{JSON.stringify(payload, null, 2)}</pre>
            ) : (
              <p>{tp(lang, 'payloadEmpty')}</p>
            )}
          </article>
        );
      })}
    </section>
  );
}
