import type { CompiledBundle, MemoryItemScript, MemoryScript, MemoryStep } from '@onething/engine';
import type { ItemOutcome, ItemOutcomes } from './ItemOutcome.js';
import { sampleOutputs } from './sampleOutputs.js';
import { SIMULATE_MESSAGES } from './simulateMessages.js';

const HOUR_MS = 3_600_000;

/** The outcome of an item the user has not picked: approved, decided in its default review time. */
export const DEFAULT_OUTCOME: ItemOutcome = { result: 'approve' };

/** When the decision comes, after acceptance or after a 补正 answer. */
function decisionDelay(compiled: CompiledBundle, itemId: string, outcome: ItemOutcome) {
  const limit = compiled.bundle.items.find((i) => i.id === itemId)?.promisedLimitDays ?? 1;
  const days = outcome.reviewDays ?? (limit === 0 ? 0 : 1);
  return days > 0 ? { afterDays: days } : { afterMs: HOUR_MS / 2 };
}

/**
 * One item's `MemoryItemScript` from the outcome picked in the simulator: intake (受理 / 不予受理),
 * review steps (审查, 补正, 批准 or 不予许可, 出证 with sample outputs), outages and slow replies.
 *
 * @example
 * itemScript(compiled, 'birthReg', { result: 'correction', outageAttempts: 2 }, '2025-03-17');
 */
export function itemScript(
  compiled: CompiledBundle,
  itemId: string,
  outcome: ItemOutcome,
  date: string,
): MemoryItemScript {
  const script: MemoryItemScript = {};
  if (outcome.outageAttempts && outcome.outageAttempts > 0)
    script.outage = { failures: Math.floor(outcome.outageAttempts) };
  if (outcome.slowSeconds && outcome.slowSeconds > 0) script.slowMs = Math.round(outcome.slowSeconds * 1000);
  if (outcome.result === 'refuse') {
    script.intake = { outcome: 'refuse', reasons: [SIMULATE_MESSAGES.refuseReason] };
    script.steps = [];
    return script;
  }
  script.intake = { outcome: 'accept' };
  const delay = decisionDelay(compiled, itemId, outcome);
  const outputs = sampleOutputs(compiled, itemId, date);
  const issue: MemoryStep = { status: 'issued', afterMs: HOUR_MS, ...(outputs ? { outputs } : {}) };
  const steps: MemoryStep[] = [{ status: 'inReview' }];
  if (outcome.result === 'deny')
    steps.push({ status: 'denied', reasons: [SIMULATE_MESSAGES.denyReason], ...delay });
  if (outcome.result === 'correction')
    steps.push(
      { status: 'correctionRequested', reasons: [SIMULATE_MESSAGES.correctionReason], ...delay },
      { status: 'approved', ...delay },
      issue,
    );
  if (outcome.result === 'approve') steps.push({ status: 'approved', ...delay }, issue);
  script.steps = steps;
  return script;
}

/**
 * The `MemoryScript` the simulated departments follow: every item of the bundle scripted from its
 * picked outcome (approved when none is picked).
 */
export function outcomeScript(compiled: CompiledBundle, outcomes: ItemOutcomes, date: string): MemoryScript {
  const items: Record<string, MemoryItemScript> = {};
  for (const item of compiled.bundle.items)
    items[item.id] = itemScript(compiled, item.id, outcomes[item.id] ?? DEFAULT_OUTCOME, date);
  return { items };
}
