import type { Lang, Material, MaterialDecision, MaterialState } from '@onething/engine/runtime';
import { localize } from '@onething/engine/runtime';
import { useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/messages.js';
import { decisionFor, type DecisionRequest } from './decisionFor.js';
import { describeDecision } from './describeDecision.js';
import { ELicenceOption } from './ELicenceOption.js';
import { lookupLicence, type ELicenceProvider } from './lookupLicence.js';
import { SignOption } from './SignOption.js';
import type { Problem, Way } from './types.js';
import { UploadOption } from './UploadOption.js';
import { WAY_LABEL, waysOf } from './waysOf.js';

export interface MaterialCardProps {
  material: MaterialState;
  definition: Material;
  /** Names of the applicable items that need it. */
  itemNames: string[];
  /** 容缺: working days after acceptance to supply it. */
  days: number;
  lang: Lang;
  /** The card's DOM id (see `materialCardId`). */
  cardId: string;
  /** The decision's details, when known (the state only says how the material is satisfied). */
  decision?: MaterialDecision;
  signer?: string;
  now: () => string;
  eLicenceProvider?: ELicenceProvider;
  decide(decision: MaterialDecision | undefined): void;
}

interface Draft {
  way: Way;
  agreed: boolean;
  signer: string;
  pending: boolean;
  problem?: Problem;
}

const FORM_LABEL: Record<NonNullable<Material['form']>, MessageKey> = {
  original: 'materialFormOriginal',
  copy: 'materialFormCopy',
  originalAndCopy: 'materialFormOriginalAndCopy',
};

/**
 * One material: what it is and for which items, how it stands (with undo), and the ways out the bundle
 * allows: upload, electronic licence, 容缺 or 告知承诺. The section is focusable so the one-time notice
 * can jump to it.
 */
export function MaterialCard(props: MaterialCardProps) {
  const { material, definition, lang, cardId, now } = props;
  const ways = waysOf(material.options);
  const fresh = (): Draft => ({ way: ways[0]!, agreed: false, signer: props.signer ?? '', pending: false });
  const [draft, setDraft] = useState<Draft>(fresh);
  const way = ways.includes(draft.way) ? draft.way : ways[0]!;
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const section = useRef<HTMLElement>(null);
  // The control that was used disappears with the choice (or with its undo): keep keyboard and
  // screen-reader users on this card instead of dropping focus to the page.
  const settle = (decision: MaterialDecision | undefined) => {
    props.decide(decision);
    section.current?.focus();
  };

  const apply = (request: DecisionRequest) => {
    const result = decisionFor(request, now);
    if ('problem' in result) return update({ problem: result.problem, pending: false });
    update({ problem: undefined, pending: false, agreed: false });
    settle(result.decision);
  };
  const requestLicence = async () => {
    if (props.eLicenceProvider) update({ pending: true, problem: undefined });
    const found = await lookupLicence(props.eLicenceProvider, material.id);
    if ('problem' in found) update({ pending: false, problem: found.problem });
    else apply(found);
  };

  const titleId = `${cardId}-title`;
  const facts = [
    definition.form ? t(lang, FORM_LABEL[definition.form]) : '',
    definition.copies !== undefined ? t(lang, 'materialCopies', { n: definition.copies }) : '',
  ].filter(Boolean);
  const satisfied = material.satisfiedBy;
  return (
    <section
      class={`ot-material${satisfied ? ' ot-material--done' : ''}`}
      id={cardId}
      ref={section}
      tabIndex={-1}
      aria-labelledby={titleId}
      data-material={material.id}
    >
      <h3 class="ot-material-title" id={titleId}>
        {localize(material.name, lang)}
        {material.required ? null : <span class="ot-required">{t(lang, 'materialOptional')}</span>}
      </h3>
      {definition.description ? <p class="ot-help">{localize(definition.description, lang)}</p> : null}
      {facts.length > 0 ? <p class="ot-material-facts">{facts.join(' · ')}</p> : null}
      {props.itemNames.length > 0 ? (
        <p class="ot-material-items">
          {t(lang, 'materialForItems', { items: props.itemNames.join(t(lang, 'separator')) })}
        </p>
      ) : null}
      {satisfied === 'fromOutput' ? (
        <p class="ot-material-status">{t(lang, 'materialFromOutput')}</p>
      ) : satisfied ? (
        <div class="ot-material-decided">
          <p class="ot-material-status" role="status">
            {describeDecision(satisfied, props.decision, lang)}
          </p>
          <button
            type="button"
            class="ot-button ot-button--secondary ot-material-undo"
            onClick={() => {
              setDraft(fresh());
              settle(undefined);
            }}
          >
            {t(lang, 'materialUndo')}
          </button>
        </div>
      ) : (
        <div class="ot-material-actions">
          <p class="ot-material-status">{t(lang, 'materialMissing')}</p>
          {ways.length > 1 ? (
            <fieldset class="ot-material-ways">
              <legend class="ot-label">{t(lang, 'materialWays')}</legend>
              <div class="ot-choices">
                {ways.map((w) => (
                  <label class="ot-choice" key={w}>
                    <input
                      type="radio"
                      id={`${cardId}-way-${w}`}
                      name={`${cardId}-way`}
                      value={w}
                      checked={w === way}
                      onChange={() => update({ way: w, problem: undefined })}
                    />
                    <span>{t(lang, WAY_LABEL[w])}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          {way === 'provided' ? (
            <UploadOption
              id={cardId}
              lang={lang}
              accept={definition.accept}
              maxSizeMB={definition.maxSizeMB}
              problem={draft.problem}
              onFiles={(files) => {
                // A cancelled file dialog reports no files: nothing to decide, nothing to complain about.
                if (files.length > 0)
                  apply({
                    kind: 'provided',
                    files,
                    accept: definition.accept,
                    maxSizeMB: definition.maxSizeMB,
                  });
              }}
            />
          ) : way === 'eLicence' ? (
            <ELicenceOption
              id={cardId}
              lang={lang}
              licenceType={definition.eLicence?.licenceType}
              pending={draft.pending}
              problem={draft.problem}
              onUse={() => void requestLicence()}
            />
          ) : (
            <SignOption
              id={cardId}
              lang={lang}
              kind={way}
              days={props.days}
              text={localize(definition.commitment?.text, lang)}
              agreed={draft.agreed}
              signer={draft.signer}
              problem={draft.problem}
              onAgree={(agreed) => update({ agreed, problem: undefined })}
              onSigner={(signer) => update({ signer })}
              onSign={() => apply({ kind: way, agreed: draft.agreed, signer: draft.signer })}
            />
          )}
        </div>
      )}
    </section>
  );
}
