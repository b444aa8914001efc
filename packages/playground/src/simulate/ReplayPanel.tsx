import type { Lang } from '@onething/engine';
import { useState } from 'preact/hooks';
import type { TraceStepper } from './loadTrace.js';
import { simText } from './simulateMessages.js';

export interface ReplayPanelProps {
  stepper: TraceStepper;
  /** Name of the loaded file. */
  fileName: string;
  lang: Lang;
  onClose: () => void;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Step through a loaded trace: each step's input, effects, state summary and replay verdict. */
export function ReplayPanel({ stepper, fileName, lang, onClose }: ReplayPanelProps) {
  const t = (key: Parameters<typeof simText>[0], params?: Record<string, unknown>) =>
    simText(key, lang, params);
  const [, setPosition] = useState(stepper.position);
  const move = (action: () => unknown) => () => {
    action();
    setPosition(stepper.position);
  };
  const step = stepper.current();
  const total = stepper.steps.length;
  return (
    <section class="sim-replay" aria-labelledby="sim-replay-title">
      <h3 id="sim-replay-title">
        {t('replay')}: {fileName}
      </h3>
      <p class={stepper.ok ? 'sim-ok' : 'sim-error'} role="status">
        {stepper.summary(lang)}
      </p>
      {stepper.problems.length > 0 && (
        <ul class="sim-problems">
          {stepper.problems.map((p, i) => (
            <li key={i} class={`sim-${p.severity}`}>
              <code>{p.code}</code>
              {p.line !== undefined ? ` (${p.line}) ` : ' '}
              {p.messages[lang]}
            </li>
          ))}
        </ul>
      )}
      <div class="sim-buttons">
        <button type="button" disabled={stepper.position === 0} onClick={move(stepper.toStart)}>
          {t('toStart')}
        </button>
        <button type="button" disabled={stepper.position === 0} onClick={move(stepper.back)}>
          {t('back')}
        </button>
        <button type="button" disabled={stepper.position >= total} onClick={move(stepper.forward)}>
          {t('forward')}
        </button>
        <button type="button" disabled={stepper.position >= total} onClick={move(stepper.toEnd)}>
          {t('toEnd')}
        </button>
        <button type="button" onClick={onClose}>
          {t('closeReplay')}
        </button>
      </div>
      <p aria-live="polite">{t('stepOf', { n: stepper.position, total })}</p>
      {step && (
        <div class={`sim-step sim-verdict-${step.verdict}`}>
          <p>
            <strong>{t(`verdict_${step.verdict}`)}</strong> · {step.text}
          </p>
          <dl class="sim-step-summary">
            <dt>{t('application')}</dt>
            <dd>{step.state.status}</dd>
            <dt>{t('status')}</dt>
            <dd>
              {Object.entries(step.state.items)
                .map(([item, status]) => `${item}: ${status}`)
                .join(' · ')}
            </dd>
            <dt>{t('timers')}</dt>
            <dd>{step.state.timers.join(', ') || '—'}</dd>
          </dl>
          {step.diff && (
            <details open>
              <summary>{t('diff')}</summary>
              <pre>{step.diff}</pre>
            </details>
          )}
          <details>
            <summary>{t('input')}</summary>
            <pre>{json(step.input)}</pre>
          </details>
          <details>
            <summary>
              {t('effects')} ({step.effects.length})
            </summary>
            <pre>{json(step.effects)}</pre>
          </details>
        </div>
      )}
    </section>
  );
}
