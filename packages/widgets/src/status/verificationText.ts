import type { Lang, Verification } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';

/** The state of one 告知承诺 check (核查) in words, with its due date while pending. */
export function verificationText(verification: Verification, lang: Lang): string {
  switch (verification.status) {
    case 'pending':
      return verification.due
        ? t(lang, 'verificationPendingDue', { due: verification.due })
        : t(lang, 'verificationPending');
    case 'verified':
      return t(lang, 'verificationVerified');
    case 'breached':
      return t(lang, 'verificationBreached');
    case 'exempt':
      return t(lang, 'verificationExempt');
    default:
      return String((verification as { status: unknown }).status);
  }
}
