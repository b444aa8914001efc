import type { Lang } from '@onething/engine';
import type { SimulatedItem } from './SimulationSnapshot.js';
import { simText } from './simulateMessages.js';

export interface ItemStateTableProps {
  items: readonly SimulatedItem[];
  lang: Lang;
  busy: boolean;
  onAnswerCorrection: (item: string) => void;
  onRetry: (item: string) => void;
}

/** Where each item (事项) stands: status, receipt number, 限时办结 limit, due date and days left. */
export function ItemStateTable({ items, lang, busy, onAnswerCorrection, onRetry }: ItemStateTableProps) {
  const t = (key: Parameters<typeof simText>[0]) => simText(key, lang);
  const limit = (item: SimulatedItem) =>
    item.limitDays === 0 ? t('immediate') : `${item.limitDays} ${t('days')}`;
  return (
    <table class="sim-table sim-state">
      <caption>{t('status')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('item')}</th>
          <th scope="col">{t('department')}</th>
          <th scope="col">{t('status')}</th>
          <th scope="col">{t('receiptNo')}</th>
          <th scope="col">{t('limit')}</th>
          <th scope="col">{t('due')}</th>
          <th scope="col">{t('daysLeft')}</th>
          <th scope="col">{t('attempts')}</th>
          <th scope="col">{t('reasons')}</th>
          <th scope="col">{t('actions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} class={item.overdue ? 'sim-overdue' : item.warned ? 'sim-warned' : undefined}>
            <th scope="row">{item.name}</th>
            <td>{item.department}</td>
            <td>
              <span class={`sim-status sim-status-${item.status}`}>{item.statusText}</span>
              {item.overdue && <span class="sim-badge sim-badge-overdue">{t('overdue')}</span>}
              {!item.overdue && item.warned && (
                <span class="sim-badge sim-badge-warning">{t('slaWarning')}</span>
              )}
            </td>
            <td>{item.receiptNo ?? ''}</td>
            <td>{limit(item)}</td>
            <td>{item.due ?? ''}</td>
            <td>{item.paused ? t('paused') : (item.daysLeft ?? '')}</td>
            <td>{item.attempts}</td>
            <td>{item.reasons.join('；')}</td>
            <td>
              {item.canAnswerCorrection && (
                <button type="button" disabled={busy} onClick={() => onAnswerCorrection(item.id)}>
                  {t('answerCorrection')}
                </button>
              )}
              {item.canRetry && (
                <button type="button" disabled={busy} onClick={() => onRetry(item.id)}>
                  {t('retry')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
