import type { FormState, Lang, MaterialDecision, MaterialDecisions } from '@onething/engine/runtime';
import { localize } from '@onething/engine/runtime';
import { useState } from 'preact/hooks';
import { useFormState } from '../form/useFormState.js';
import { t } from '../i18n/messages.js';
import type { ELicenceProvider } from './lookupLicence.js';
import { MaterialCard } from './MaterialCard.js';
import { materialCardId } from './materialCardId.js';
import { supplyDays } from './supplyDays.js';

export interface MaterialsPanelProps {
  state: FormState;
  lang: Lang;
  /** Unique per form on the page: prefixes every DOM id (cards are `<idPrefix>-material-<id>`). */
  idPrefix: string;
  /** Prefills the signer's name of 容缺 and 告知承诺 signatures (the applicant can change it). */
  signer?: string;
  /** Injected clock: the current instant as an ISO string, stamped on signatures. */
  now: () => string;
  /** Decisions the host already holds (a restored draft), so their details can be shown. */
  decisions?: MaterialDecisions;
  /** 免证办 lookup; without one, a confirm button records `{ kind: 'eLicence' }`. */
  eLicenceProvider?: ELicenceProvider;
  /** Called after the decision is set on `state`, so the host can keep it (submit payload, draft). */
  onChange(id: string, decision: MaterialDecision | undefined): void;
}

/**
 * 申请材料: one card per material of the applicable items, required ones first, each with the ways out
 * the bundle allows. Decisions go to the engine's form state (which judges them) and to the host.
 *
 * @example
 * <MaterialsPanel state={state} lang="zh-CN" idPrefix="f1" now={() => new Date().toISOString()}
 *   onChange={(id, decision) => (decisions[id] = decision)} />
 */
export function MaterialsPanel(props: MaterialsPanelProps) {
  const { state, lang, idPrefix } = props;
  useFormState(state);
  const [known, setKnown] = useState<MaterialDecisions>(() => ({ ...props.decisions }));
  const { bundle } = state.compiled;
  const materials = state.materials();
  // Stable: required first, otherwise the engine's (bundle item) order.
  const ordered = [...materials.filter((m) => m.required), ...materials.filter((m) => !m.required)];
  if (ordered.length === 0) return null;
  const itemName = (id: string) => {
    const item = bundle.items.find((i) => i.id === id);
    return item ? localize(item.name, lang) : id;
  };
  const decide = (id: string, decision: MaterialDecision | undefined) => {
    setKnown((prev) => {
      const { [id]: _old, ...rest } = prev;
      return decision ? { ...rest, [id]: decision } : rest;
    });
    state.setMaterial(id, decision);
    props.onChange(id, decision);
  };
  const titleId = `${idPrefix}-materials-title`;
  return (
    <section class="ot-materials" aria-labelledby={titleId}>
      <h2 class="ot-materials-title" id={titleId}>
        {t(lang, 'materialsTitle')}
      </h2>
      {ordered.map((material) => (
        <MaterialCard
          key={material.id}
          material={material}
          definition={bundle.materials![material.id]!}
          itemNames={material.items.map(itemName)}
          days={supplyDays(bundle, material.id, material.items)}
          lang={lang}
          cardId={materialCardId(idPrefix, material.id)}
          decision={known[material.id] ?? props.decisions?.[material.id]}
          signer={props.signer}
          now={props.now}
          eLicenceProvider={props.eLicenceProvider}
          decide={(decision) => decide(material.id, decision)}
        />
      ))}
    </section>
  );
}
