import type { Lang, Verification } from '@onething/engine/runtime';
import { ts } from '../i18n/statusMessages.js';

/** The state of one 告知承诺 check (核查) in words, with its due date while pending. */
export function verificationText(verification: Verification, lang: Lang): string {
  switch (verification.status) {
    case 'pending':
      return verification.due
        ? ts(lang, 'verificationPendingDue', { due: verification.due })
        : ts(lang, 'verificationPending');
    case 'verified':
      return ts(lang, 'verificationVerified');
    case 'breached':
      return ts(lang, 'verificationBreached');
    case 'exempt':
      return ts(lang, 'verificationExempt');
    default:
      return String((verification as { status: unknown }).status);
  }
}
