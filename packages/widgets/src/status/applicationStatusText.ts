import type { ApplicationStatus, Lang } from '@onething/engine/runtime';
import { ts, type StatusMessageKey } from '../i18n/statusMessages.js';

const TEXTS: Record<ApplicationStatus, StatusMessageKey> = {
  draft: 'applicationDraft',
  inProgress: 'applicationInProgress',
  completed: 'applicationCompleted',
  partiallyCompleted: 'applicationPartiallyCompleted',
  unsuccessful: 'applicationUnsuccessful',
  withdrawn: 'applicationWithdrawn',
};

/** The status of a whole application (一件事 办件) in words. */
export function applicationStatusText(status: ApplicationStatus, lang: Lang): string {
  return Object.hasOwn(TEXTS, status) ? ts(lang, TEXTS[status]) : String(status);
}
