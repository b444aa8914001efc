import { createWorkCalendar } from '../calendar/createWorkCalendar.js';
import type { WorkCalendar } from '../calendar/types.js';
import type { CompiledBundle } from '../compile/compileBundle.js';
import type { Lang } from '../diagnostics/types.js';
import { validateApplication } from '../form/validateApplication.js';
import { createApplicationMachine, type ApplicationMachineEvent } from './createApplicationMachine.js';
import { createItemMachine, type ItemFeatures, type ItemMachineEvent } from './createItemMachine.js';
import { createPureDecider } from './createPureDecider.js';
import { createPayloadBuilder } from '../merge/createPayloadBuilder.js';
import { decideInput } from './decideInput.js';
import type { FlowSettings, ItemProfile } from './flowContext.js';
import { FLOW_MACHINE_VERSION } from './flowMachineVersion.js';
import { stableHash } from './stableHash.js';
import type {
  ApplicationStatus,
  FlowDecision,
  FlowInput,
  FlowState,
  ItemStatus,
  RetryPolicy,
} from './types.js';

export interface FlowOptions {
  /** Working-day calendar (default: the built-in 2025 and 2026 State Council notices). */
  calendar?: WorkCalendar;
  /** Language of diagnostics (default zh-CN). */
  lang?: Lang;
  /** Overrides of the bundle's `procedures.retry`. */
  retry?: Partial<RetryPolicy>;
  /** Overrides of the bundle's `procedures`. */
  warnAtShare?: number;
  acceptMissingGraceDays?: number;
  verificationDueDays?: number;
  /**
   * The check `submit`, `precheck` and 补正 answers run (default `validateApplication`). A host that
   * has just run that very check (an API answering 422 before it submits) may pass a wrapper that
   * reuses its result for the same data object; it must give the same answers, or traces recorded
   * with it will not replay.
   */
  validateApplication?: typeof validateApplication;
}

/** A flow decider for one bundle: pure functions from (state, input) to (state, effects). */
export interface Flow {
  readonly compiled: CompiledBundle;
  /** Fingerprint of the bundle document: states and traces of another bundle are refused. */
  readonly bundleHash: string;
  readonly machineVersion: number;
  /** A new application in `draft`. */
  start(init: { applicationId: string; at: string }): FlowState;
  /** Decide one input. Never throws and never mutates `state`; bad input is a diagnostic. */
  decide(state: FlowState, input: FlowInput): FlowDecision;
}

const machineCache = new Map<string, ReturnType<typeof createPureDecider<ItemStatus, ItemMachineEvent>>>();

function itemDecider(features: ItemFeatures) {
  const key = `${features.acceptMissing ? 'M' : '-'}${features.commitment ? 'C' : '-'}`;
  let decider = machineCache.get(key);
  if (!decider) {
    decider = createPureDecider<ItemStatus, ItemMachineEvent>(createItemMachine(features));
    machineCache.set(key, decider);
  }
  return decider;
}

const bundleHashes = new WeakMap<CompiledBundle, string>();

/** The bundle's fingerprint, computed once per compiled bundle (hashing a large bundle takes milliseconds). */
function bundleHashOf(compiled: CompiledBundle): string {
  let hash = bundleHashes.get(compiled);
  if (hash === undefined) {
    hash = stableHash(compiled.bundle);
    bundleHashes.set(compiled, hash);
  }
  return hash;
}

let applicationDecider:
  ReturnType<typeof createPureDecider<ApplicationStatus, ApplicationMachineEvent>> | undefined;

/**
 * Build the flow runtime's decider for a compiled bundle (办件流转). xstate machines generated from
 * the bundle decide every status change; the decider turns their named actions into effects as data
 * (adapter calls, timers as absolute instants, notifications) for a host to perform. Time comes only
 * from each input's `at`, ids only from the application id and a counter: the same inputs always
 * give the same states and effects, which is what makes traces replayable.
 *
 * @example
 * const flow = createFlow(compileBundle(loadBundle(text)));
 * let state = flow.start({ applicationId: 'A-1', at: '2025-03-20T09:00:00+08:00' });
 * const d = flow.decide(state, { at: '2025-03-20T09:01:00+08:00', event: { type: 'submit', data, materials } });
 * state = d.state; // d.effects: [{ type: 'dispatch', item: 'birthCert', … }, …]
 */
export function createFlow(compiled: CompiledBundle, options: FlowOptions = {}): Flow {
  const { bundle } = compiled;
  const procedures = bundle.procedures ?? {};
  const profiles = new Map<string, ItemProfile>();
  bundle.items.forEach((item, index) => {
    const materials = (item.materials ?? []).map((id) => bundle.materials?.[id]);
    const features: ItemFeatures = {
      acceptMissing: materials.some((m) => !!m?.acceptMissing),
      commitment: materials.some((m) => !!m?.commitment),
    };
    const decider = itemDecider(features);
    profiles.set(item.id, {
      item,
      index,
      features,
      buildPayload: createPayloadBuilder(compiled.form, item),
      step: (status, event) => decider.step(status, event),
    });
  });
  applicationDecider ??= createPureDecider<ApplicationStatus, ApplicationMachineEvent>(
    createApplicationMachine(),
  );
  const app = applicationDecider;
  const settings: FlowSettings = {
    compiled,
    calendar: options.calendar ?? createWorkCalendar(),
    lang: options.lang ?? 'zh-CN',
    retry: {
      maxAttempts: options.retry?.maxAttempts ?? procedures.retry?.maxAttempts ?? 5,
      baseDelayMs: options.retry?.baseDelayMs ?? (procedures.retry?.baseDelaySeconds ?? 60) * 1000,
      maxDelayMs: options.retry?.maxDelayMs ?? (procedures.retry?.maxDelaySeconds ?? 3600) * 1000,
    },
    warnAtShare: options.warnAtShare ?? procedures.warnAtShare ?? 0.8,
    graceDays: options.acceptMissingGraceDays ?? procedures.acceptMissingGraceDays ?? 15,
    verificationDueDays: options.verificationDueDays ?? procedures.verificationDueDays ?? 20,
    profiles,
    validate: options.validateApplication ?? validateApplication,
    order: bundle.items.map((item) => item.id),
    stepApplication: (status, event) => app.step(status, event),
  };
  const bundleHash = bundleHashOf(compiled);
  const bundleRef = { id: bundle.id, version: bundle.version, hash: bundleHash };

  return {
    compiled,
    bundleHash,
    machineVersion: FLOW_MACHINE_VERSION,
    start({ applicationId, at }) {
      const items: FlowState['items'] = {};
      for (const id of settings.order) {
        items[id] = {
          status: 'waiting',
          attempts: 0,
          outstanding: [],
          verifications: [],
          sources: [],
          since: at,
        };
      }
      return {
        machineVersion: FLOW_MACHINE_VERSION,
        bundle: bundleRef,
        applicationId,
        status: 'draft',
        createdAt: at,
        updatedAt: at,
        data: {},
        outputs: {},
        materials: {},
        items,
        timers: {},
        pending: {},
        seen: [],
        seq: 0,
      };
    },
    decide: (state, input) => decideInput(settings, state, input),
  };
}
