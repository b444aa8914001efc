import type { Lang } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';
import { ProblemAlert } from './ProblemAlert.js';
import type { Problem } from './types.js';

export interface ELicenceOptionProps {
  id: string;
  lang: Lang;
  /** The licence type the bundle names (居民身份证, 结婚证, …). */
  licenceType?: string;
  /** A lookup in the electronic licence system is under way. */
  pending: boolean;
  problem?: Problem;
  onUse(): void;
}

/** 免证办: one button that uses the applicant's electronic licence instead of a file. */
export function ELicenceOption({ id, lang, licenceType, pending, problem, onUse }: ELicenceOptionProps) {
  const errorId = `${id}-problem`;
  return (
    <div class="ot-material-way ot-material-elicence">
      {licenceType ? <p class="ot-help">{t(lang, 'eLicenceType', { type: licenceType })}</p> : null}
      <button
        type="button"
        class="ot-button"
        id={`${id}-elicence`}
        disabled={pending}
        aria-describedby={problem ? errorId : undefined}
        onClick={onUse}
      >
        {t(lang, 'eLicenceUse')}
      </button>
      <p class="ot-help" role="status">
        {pending ? t(lang, 'eLicencePending') : ''}
      </p>
      <ProblemAlert id={errorId} lang={lang} problem={problem} />
    </div>
  );
}
