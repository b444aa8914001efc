import type { Lang } from '@onething/engine';
import { OUTCOME_RESULTS, type ItemOutcome, type OutcomeResult } from './ItemOutcome.js';
import type { SimulatedItem } from './SimulationSnapshot.js';
import { simText } from './simulateMessages.js';

export interface OutcomePickerProps {
  items: readonly SimulatedItem[];
  lang: Lang;
  onChange: (item: string, outcome: ItemOutcome) => void;
}

/** A whole number from a number input, or undefined when it is empty or not a number. */
function wholeNumber(value: string): number | undefined {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Pick per item what its simulated department does: outcome, review time, outage, slow reply. */
export function OutcomePicker({ items, lang, onChange }: OutcomePickerProps) {
  const t = (key: Parameters<typeof simText>[0]) => simText(key, lang);
  const change = (item: SimulatedItem, patch: Partial<ItemOutcome>) => {
    const next: ItemOutcome = { ...item.outcome, ...patch };
    for (const key of ['reviewDays', 'outageAttempts', 'slowSeconds'] as const)
      if (next[key] === undefined) delete next[key];
    onChange(item.id, next);
  };
  return (
    <fieldset class="sim-outcomes">
      <legend>{t('outcomes')}</legend>
      <table class="sim-table">
        <thead>
          <tr>
            <th scope="col">{t('item')}</th>
            <th scope="col">{t('result')}</th>
            <th scope="col">{t('reviewDays')}</th>
            <th scope="col">{t('outageAttempts')}</th>
            <th scope="col">{t('slowSeconds')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const id = `sim-outcome-${item.id}`;
            const disabled = !item.outcomeEditable;
            return (
              <tr key={item.id}>
                <th scope="row">
                  <label for={id}>{item.name}</label>
                  <span class="sim-muted"> · {item.department}</span>
                  {disabled && <span class="sim-muted sim-block">{t('outcomeLocked')}</span>}
                </th>
                <td>
                  <select
                    id={id}
                    value={item.outcome.result}
                    disabled={disabled}
                    onChange={(e) => change(item, { result: e.currentTarget.value as OutcomeResult })}
                  >
                    {OUTCOME_RESULTS.map((result) => (
                      <option key={result} value={result}>
                        {t(`outcome_${result}`)}
                      </option>
                    ))}
                  </select>
                </td>
                {(['reviewDays', 'outageAttempts', 'slowSeconds'] as const).map((key) => (
                  <td key={key}>
                    <input
                      type="number"
                      min={0}
                      step={1}
                      inputMode="numeric"
                      aria-label={`${item.name}: ${t(key)}`}
                      value={item.outcome[key] ?? ''}
                      disabled={disabled}
                      onInput={(e) => change(item, { [key]: wholeNumber(e.currentTarget.value) })}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
