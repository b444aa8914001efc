/**
 * The review timeline of one accepted submission of the memory department: which scripted steps are
 * due at a given instant. Steps are materialised lazily from the runner's clock, in script order, each
 * at its scheduled instant (not at the instant someone polled), so a run is the same however often the
 * runner polls.
 */
import type { DepartmentUpdate } from '../flow/types.js';
import { fillPattern, type PatternValues } from './fillPattern.js';
import type { MemoryStep } from './MemoryScript.js';
import type { UpdateEnvelope } from './types.js';

const DAY_MS = 86_400_000;

export interface Timeline {
  values: PatternValues;
  receiptNo: string;
  steps: MemoryStep[];
  /** Index of the next step not yet materialised. */
  next: number;
  /** Instant (ms) the next step's delay counts from. */
  base: number;
  /** 容缺 materials not yet supplied: `issued` waits for them. */
  outstanding: Set<string>;
  /** When the last outstanding material was supplied (`issued` is never earlier). */
  releasedAt: number;
  /** Set while a 补正 request waits for its answer: the log length at which it was delivered. */
  awaitingAnswer?: number;
  withdrawn: boolean;
  /** Every update materialised so far, and how many of them `poll` has delivered. */
  log: UpdateEnvelope[];
  delivered: number;
}

/** A fresh timeline, counted from the acceptance instant. */
export function createTimeline(
  values: PatternValues,
  receiptNo: string,
  steps: MemoryStep[],
  deferred: string[],
  acceptedAt: number,
): Timeline {
  return {
    values,
    receiptNo,
    steps,
    next: 0,
    base: acceptedAt,
    outstanding: new Set(deferred),
    releasedAt: acceptedAt,
    withdrawn: false,
    log: [],
    delivered: 0,
  };
}

function delayOf(step: MemoryStep): number {
  return (step.afterMs ?? 0) + (step.afterDays ?? 0) * DAY_MS;
}

function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function updateOf(step: MemoryStep, values: PatternValues): DepartmentUpdate {
  switch (step.status) {
    case 'correctionRequested':
    case 'denied':
      return { status: step.status, reasons: jsonCopy(step.reasons) };
    case 'specialStep':
      return { status: 'specialStep', step: step.step };
    case 'issued': {
      const licence: NonNullable<Extract<DepartmentUpdate, { status: 'issued' }>['licence']> = {
        no: fillPattern(step.licenceNo ?? 'ZZ{seq:6}', values),
      };
      if (step.licenceName) licence.name = jsonCopy(step.licenceName);
      if (step.electronic !== undefined) licence.electronic = step.electronic;
      if (step.url !== undefined) licence.url = fillPattern(step.url, values);
      const update: DepartmentUpdate = { status: 'issued', licence };
      if (step.outputs) {
        update.outputs = {};
        for (const [name, v] of Object.entries(step.outputs))
          update.outputs[name] = typeof v === 'string' ? fillPattern(v, values) : jsonCopy(v);
      }
      return update;
    }
    default:
      return { status: step.status };
  }
}

/**
 * Materialise the steps due by `now` (ms). `nextEventId` numbers updates per application and item, so
 * ids stay unique across resubmissions of the item.
 */
export function advanceTimeline(timeline: Timeline, now: number, nextEventId: () => string): void {
  const t = timeline;
  while (!t.withdrawn && t.awaitingAnswer === undefined && t.next < t.steps.length) {
    const step = t.steps[t.next]!;
    let due = t.base + delayOf(step);
    if (step.status === 'issued') {
      // A department never issues while a 容缺 material is outstanding.
      if (t.outstanding.size > 0) break;
      due = Math.max(due, t.releasedAt);
    }
    if (due > now) break;
    const envelope: UpdateEnvelope = {
      eventId: nextEventId(),
      applicationId: t.values.applicationId,
      item: t.values.item,
      update: updateOf(step, t.values),
    };
    t.log.push(envelope);
    if (step.answerTwice) t.log.push(jsonCopy(envelope));
    t.base = due;
    t.next += 1;
    if (step.status === 'correctionRequested') t.awaitingAnswer = t.log.length;
  }
}

/**
 * Apply a `supplement` at `now`: supplied 容缺 materials release `issued`, and a 补正 request the
 * runner has seen counts as answered, the following steps counting from now.
 */
export function supplementTimeline(timeline: Timeline, materials: string[], now: number): void {
  const t = timeline;
  const hadOutstanding = t.outstanding.size > 0;
  for (const material of materials) t.outstanding.delete(material);
  if (hadOutstanding && t.outstanding.size === 0) t.releasedAt = now;
  if (t.awaitingAnswer !== undefined && t.delivered >= t.awaitingAnswer) {
    t.awaitingAnswer = undefined;
    t.base = now;
  }
}

/**
 * Every update materialised so far, oldest first, and marks them delivered. Delivery is at least
 * once: a poll whose answer is lost (the caller crashed before recording it) loses nothing, because
 * the next poll returns the same updates; the caller skips event ids it has already applied.
 */
export function takeUpdates(timeline: Timeline): UpdateEnvelope[] {
  timeline.delivered = timeline.log.length;
  return jsonCopy(timeline.log);
}
