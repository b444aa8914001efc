import type { Lang } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';
import type { Problem } from './types.js';

export interface ProblemAlertProps {
  id: string;
  lang: Lang;
  problem: Problem | undefined;
}

/** Why the last action made no decision, announced as it appears. */
export function ProblemAlert({ id, lang, problem }: ProblemAlertProps) {
  if (!problem) return null;
  return (
    <p class="ot-error" id={id} role="alert">
      {t(lang, problem.key, problem.params)}
    </p>
  );
}
