import type { ApplicationStatus, Lang } from '@onething/engine/runtime';
import { t, type MessageKey } from '../i18n/messages.js';

const TEXTS: Record<ApplicationStatus, MessageKey> = {
  draft: 'applicationDraft',
  inProgress: 'applicationInProgress',
  completed: 'applicationCompleted',
  partiallyCompleted: 'applicationPartiallyCompleted',
  unsuccessful: 'applicationUnsuccessful',
  withdrawn: 'applicationWithdrawn',
};

/** The status of a whole application (一件事 办件) in words. */
export function applicationStatusText(status: ApplicationStatus, lang: Lang): string {
  return Object.hasOwn(TEXTS, status) ? t(lang, TEXTS[status]) : String(status);
}
