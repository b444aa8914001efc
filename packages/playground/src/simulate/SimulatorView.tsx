import type { CompiledBundle, Lang, MaterialDecisions } from '@onething/engine';
import { useMemo, useState } from 'preact/hooks';
import { downloadText } from './downloadText.js';
import { ItemStateTable } from './ItemStateTable.js';
import { loadTrace } from './loadTrace.js';
import { OutcomePicker } from './OutcomePicker.js';
import { ReplayPanel } from './ReplayPanel.js';
import { SimulationPanels } from './SimulationPanels.js';
import { simText } from './simulateMessages.js';
import { useSimulation } from './useSimulation.js';
import './simulate.css';

export interface SimulatorViewProps {
  compiled: CompiledBundle;
  /** The merged form's values, as previewed. */
  data: Record<string, unknown>;
  /** The material decisions made in the form (uploaded, 容缺 deferred, 告知承诺 signed). */
  materials: MaterialDecisions;
  lang: Lang;
}

/**
 * The simulator (办件模拟): pick each department's outcome, submit the previewed application, move the
 * virtual clock on by working days, act for the applicant and the 核查 office, watch statuses,
 * deadlines and warnings, download the run as a trace, or load a trace and replay it step by step.
 *
 * @example
 * <SimulatorView compiled={compiled} data={form.values()} materials={form.materials()} lang="zh-CN" />
 */
export function SimulatorView({ compiled, data, materials, lang }: SimulatorViewProps) {
  const [generation, setGeneration] = useState(0);
  const { sim, snapshot } = useSimulation(compiled, data, materials, lang, generation);
  const [days, setDays] = useState(1);
  const [trace, setTrace] = useState<{ name: string; text: string } | undefined>();
  const stepper = useMemo(() => trace && loadTrace(trace.text, compiled, { lang }), [trace, compiled, lang]);
  const t = (key: Parameters<typeof simText>[0]) => simText(key, lang);
  const { busy } = snapshot;
  const latest = snapshot.timeline.at(-1);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setTrace({ name: file.name, text: await file.text() });
    input.value = '';
  };

  return (
    <section class="sim" aria-labelledby="sim-title" lang={lang}>
      <h2 id="sim-title">{t('title')}</h2>
      <p class="sim-muted">{t('intro')}</p>
      <OutcomePicker
        items={snapshot.items}
        lang={lang}
        onChange={(item, outcome) => sim.setOutcome(item, outcome)}
      />

      <div class="sim-buttons" role="group" aria-label={t('actions')}>
        <button type="button" disabled={busy || !snapshot.canSubmit} onClick={() => void sim.submit()}>
          {t('submit')}
        </button>
        <label class="sim-days">
          <span>{t('daysToAdvance')}</span>
          <input
            type="number"
            min={1}
            max={366}
            step={1}
            inputMode="numeric"
            value={days}
            onInput={(e) => setDays(Number.parseInt(e.currentTarget.value, 10))}
          />
        </label>
        <button
          type="button"
          disabled={busy || snapshot.status === 'draft'}
          onClick={() => void sim.advanceWorkingDays(days)}
        >
          {t('advance')} {Number.isFinite(days) ? days : ''} {t('workingDays')}
        </button>
        <button
          type="button"
          disabled={busy || !snapshot.nextTimerAt}
          onClick={() => void sim.advanceToNextTimer()}
        >
          {t('nextTimer')}
        </button>
        <button
          type="button"
          disabled={busy || snapshot.status !== 'inProgress'}
          onClick={() => void sim.runUntilSettled()}
        >
          {t('runToEnd')}
        </button>
        <button type="button" disabled={busy || !snapshot.canWithdraw} onClick={() => void sim.withdraw()}>
          {t('withdraw')}
        </button>
        <button type="button" disabled={busy} onClick={() => setGeneration((g) => g + 1)}>
          {t('reset')}
        </button>
      </div>

      <p class="sim-now" role="status" aria-live="polite">
        {t('now')}: <time dateTime={snapshot.now}>{snapshot.now.replace('T', ' ').slice(0, 16)}</time> ·{' '}
        {t('application')}: <strong>{snapshot.statusText}</strong>
        {busy ? ` · ${t('busy')}` : latest ? ` · ${latest.text}` : ''}
      </p>

      {snapshot.messages.length > 0 && (
        <ul class="sim-problems" aria-label={t('problems')}>
          {snapshot.messages.map((m, i) => (
            <li key={i} class={`sim-${m.severity}`} role={m.severity === 'error' ? 'alert' : undefined}>
              <code>{m.code}</code> {m.text}
            </li>
          ))}
        </ul>
      )}

      <ItemStateTable
        items={snapshot.items}
        lang={lang}
        busy={busy}
        onAnswerCorrection={(item) => void sim.answerCorrection(item)}
        onRetry={(item) => void sim.retry(item)}
      />
      <SimulationPanels
        snapshot={snapshot}
        lang={lang}
        onSupply={(material) => void sim.supply(material)}
        onVerify={(item, material, result) => void sim.verify(item, material, result)}
      />

      <section aria-labelledby="sim-timeline-title">
        <h3 id="sim-timeline-title">{t('timeline')}</h3>
        {snapshot.timeline.length === 0 ? (
          <p class="sim-muted">{t('noSteps')}</p>
        ) : (
          <ol class="sim-timeline">
            {snapshot.timeline.map((entry) => (
              <li key={entry.n}>{entry.text}</li>
            ))}
          </ol>
        )}
      </section>

      <div class="sim-buttons">
        <button
          type="button"
          disabled={busy || snapshot.timeline.length === 0}
          onClick={() =>
            downloadText(
              `${compiled.bundle.id}-${snapshot.applicationId}.jsonl`,
              sim.traceText(),
              'application/x-ndjson',
            )
          }
        >
          {t('downloadTrace')}
        </button>
        <label class="sim-file">
          <span>{t('loadTrace')}</span>
          <input
            type="file"
            accept=".jsonl,.ndjson,.txt,application/x-ndjson,text/plain"
            onChange={(e) => void onFile(e.currentTarget)}
          />
        </label>
      </div>
      {stepper && trace && (
        <ReplayPanel
          key={trace.text}
          stepper={stepper}
          fileName={trace.name}
          lang={lang}
          onClose={() => setTrace(undefined)}
        />
      )}
    </section>
  );
}
