import type { Lang, MaterialDecision } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';
import { WAY_LABEL } from './waysOf.js';
import type { Way } from './types.js';

/**
 * One line telling how a material stands: the files, the licence number, or who signed and when.
 * Without the decision's details (the state only says how it is satisfied) the way's name is shown.
 */
export function describeDecision(kind: Way, decision: MaterialDecision | undefined, lang: Lang): string {
  if (!decision || decision.kind !== kind) return t(lang, WAY_LABEL[kind]);
  switch (decision.kind) {
    case 'provided': {
      const names = (decision.files ?? []).map((f) => f.name);
      return names.length > 0
        ? t(lang, 'decisionProvided', { files: names.join(t(lang, 'separator')) })
        : t(lang, 'decisionProvidedNoFiles');
    }
    case 'eLicence':
      return decision.licenceNo
        ? t(lang, 'decisionLicenceNo', { no: decision.licenceNo })
        : t(lang, 'decisionELicence');
    case 'deferred':
      return t(lang, 'decisionDeferred', { signer: decision.signer, at: decision.signedAt });
    case 'committed':
      return t(lang, 'decisionCommitted', { signer: decision.signer, at: decision.signedAt });
  }
}
