import type { Lang } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';
import { ProblemAlert } from './ProblemAlert.js';
import type { Problem } from './types.js';

export interface SignOptionProps {
  id: string;
  lang: Lang;
  /** 容缺 (supply later) or 告知承诺 (the commitment replaces the proof). */
  kind: 'deferred' | 'committed';
  /** 容缺: working days after acceptance to supply the material. */
  days?: number;
  /** 告知承诺: the bundle's commitment text, shown in full. */
  text?: string;
  agreed: boolean;
  signer: string;
  problem?: Problem;
  onAgree(agreed: boolean): void;
  onSigner(signer: string): void;
  onSign(): void;
}

/**
 * A promise to sign: what is promised (the 容缺 deadline and pledge, or the 告知承诺 text in full),
 * an explicit checkbox, the signer's name and a sign button.
 */
export function SignOption(props: SignOptionProps) {
  const { id, lang, kind, days, text, agreed, signer, problem } = props;
  const textId = `${id}-${kind}-text`;
  const errorId = `${id}-problem`;
  const deferred = kind === 'deferred';
  return (
    <div class={`ot-material-way ot-material-${kind}`}>
      {deferred ? (
        <p class="ot-material-deadline" id={textId}>
          {t(lang, 'deferDeadline', { days: days ?? 1 })}
        </p>
      ) : (
        <p class="ot-commitment-text" id={textId}>
          {text}
        </p>
      )}
      <label class="ot-choice ot-sign-agree">
        <input
          type="checkbox"
          id={`${id}-${kind}-agree`}
          checked={agreed}
          aria-describedby={textId}
          onChange={(event) => props.onAgree(event.currentTarget.checked)}
        />
        <span>{deferred ? t(lang, 'deferPledge', { days: days ?? 1 }) : t(lang, 'commitAgree')}</span>
      </label>
      <label class="ot-label" for={`${id}-${kind}-signer`}>
        {t(lang, 'signerLabel')}
      </label>
      <input
        class="ot-input ot-signer"
        type="text"
        id={`${id}-${kind}-signer`}
        autoComplete="name"
        maxLength={100}
        value={signer}
        aria-invalid={problem?.key === 'signerMissing' ? 'true' : undefined}
        aria-describedby={problem ? errorId : undefined}
        onInput={(event) => props.onSigner(event.currentTarget.value)}
      />
      <button type="button" class="ot-button" id={`${id}-${kind}-sign`} onClick={props.onSign}>
        {deferred ? t(lang, 'deferSign') : t(lang, 'commitSign')}
      </button>
      <ProblemAlert id={errorId} lang={lang} problem={problem} />
    </div>
  );
}
