import type { Lang } from '@onething/engine';
import type { SimulationSnapshot } from './SimulationSnapshot.js';
import { simText } from './simulateMessages.js';

export interface SimulationPanelsProps {
  snapshot: SimulationSnapshot;
  lang: Lang;
  onSupply: (material: string) => void;
  onVerify: (item: string, material: string, result: 'verified' | 'breached') => void;
}

/**
 * The lists beside the state table: the one-time notice of a refused submission, 容缺 supply
 * deadlines, 告知承诺 verifications, SLA warnings and the licences issued.
 */
export function SimulationPanels({ snapshot, lang, onSupply, onVerify }: SimulationPanelsProps) {
  const t = (key: Parameters<typeof simText>[0]) => simText(key, lang);
  const { notice, supplies, verifications, warnings, licences, busy } = snapshot;
  return (
    <div class="sim-panels">
      {notice && (
        <section class="sim-notice" aria-labelledby="sim-notice-title">
          <h3 id="sim-notice-title">{t('notice')}</h3>
          {notice.map((group) => (
            <div key={group.department}>
              <h4>{group.department}</h4>
              <ul>
                {group.entries.map((entry) => (
                  <li key={entry.key}>
                    <strong>{entry.label}</strong>: {entry.reasons.join('；')}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      {supplies.length > 0 && (
        <section aria-labelledby="sim-supplies-title">
          <h3 id="sim-supplies-title">{t('supplies')}</h3>
          <ul>
            {supplies.map((s) => (
              <li key={s.material} class={s.suspended ? 'sim-overdue' : undefined}>
                <strong>{s.name}</strong>
                {s.due && ` · ${t('supplyDue')} ${s.due}`}
                {s.graceDue && ` · ${t('graceDue')} ${s.graceDue}`}{' '}
                <button type="button" disabled={busy} onClick={() => onSupply(s.material)}>
                  {t('supply')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {verifications.length > 0 && (
        <section aria-labelledby="sim-verifications-title">
          <h3 id="sim-verifications-title">{t('verifications')}</h3>
          <ul>
            {verifications.map((v) => (
              <li key={`${v.item}/${v.material}`}>
                <strong>{v.name}</strong> · {v.itemName}
                {v.due && ` · ${t('verificationDue')} ${v.due}`} · {v.status}{' '}
                {v.status === 'pending' && (
                  <>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => onVerify(v.item, v.material, 'verified')}
                    >
                      {t('verified')}
                    </button>{' '}
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => onVerify(v.item, v.material, 'breached')}
                    >
                      {t('breached')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {warnings.length > 0 && (
        <section aria-labelledby="sim-warnings-title">
          <h3 id="sim-warnings-title">{t('warnings')}</h3>
          <ul>
            {warnings.map((w) => (
              <li
                key={`${w.item}/${w.kind}/${w.at}`}
                class={w.kind === 'overdue' ? 'sim-overdue' : 'sim-warned'}
              >
                <strong>{t(w.kind)}</strong> · {w.itemName} · {t('due')} {w.due} (
                {w.at.replace('T', ' ').slice(0, 16)})
              </li>
            ))}
          </ul>
        </section>
      )}
      {licences.length > 0 && (
        <section aria-labelledby="sim-licences-title">
          <h3 id="sim-licences-title">{t('licences')}</h3>
          <ul>
            {licences.map((l) => (
              <li key={l.item}>
                <strong>{l.name ?? l.itemName}</strong> · {t('licenceNo')} {l.no}
                {l.electronic && ` · ${t('electronic')}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
