import type { MaterialDecisions } from '../form/types.js';
import { applyItemEvent, sendSupplied } from './applyItemEvent.js';
import { cancelTimer, diagnose, itemDraft, notify, type FlowContext } from './flowContext.js';
import { ENDED_STATUSES } from './itemStatusSets.js';
import type { FlowEvent, MaterialSource, Verification } from './types.js';

/** The applicant's events: precheck and submit (一次性告知), withdrawal, 容缺 supply, 补正 answers. */

/**
 * The decisions worth keeping in the state: for the bundle's own materials, of a known kind, with only
 * the fields that kind has. Whatever else an input carries is dropped, not persisted.
 */
function knownDecisions(ctx: FlowContext, decisions: Record<string, unknown>): MaterialDecisions {
  const known: MaterialDecisions = {};
  const materials = ctx.settings.compiled.bundle.materials ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : undefined);
  for (const [id, raw] of Object.entries(decisions)) {
    if (!Object.hasOwn(materials, id) || typeof raw !== 'object' || raw === null) continue;
    const d = raw as Record<string, unknown>;
    const licenceNo = text(d.licenceNo);
    if (d.kind === 'provided') {
      const files = Array.isArray(d.files)
        ? d.files.slice(0, 50).flatMap((f: unknown) => {
            const file = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
            const name = text(file.name);
            const type = text(file.type);
            if (name === undefined || typeof file.size !== 'number') return [];
            return [{ name, size: file.size, ...(type !== undefined ? { type } : {}) }];
          })
        : undefined;
      known[id] = files ? { kind: 'provided', files } : { kind: 'provided' };
    } else if (d.kind === 'eLicence')
      known[id] = licenceNo ? { kind: 'eLicence', licenceNo } : { kind: 'eLicence' };
    else if (d.kind === 'deferred' || d.kind === 'committed') {
      known[id] = { kind: d.kind, signer: text(d.signer) ?? '', signedAt: text(d.signedAt) ?? '' };
    }
  }
  return known;
}

function check(ctx: FlowContext, data: Record<string, unknown>, materials: MaterialDecisions) {
  const result = ctx.settings.validate(ctx.settings.compiled, data, {
    materials,
    today: () => ctx.today,
    lang: ctx.settings.lang,
  });
  if (!result.ok) ctx.state.notice = result.notice;
  return result;
}

function refuseSubmission(ctx: FlowContext, result: ReturnType<typeof check>): void {
  notify(ctx, { kind: 'notice', notice: result.notice });
  const diagnostics = result.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  diagnose(ctx, 'FLOW_SUBMISSION_INVALID', '/event/data', { count: errors.length });
  ctx.diagnostics.push(...diagnostics);
}

/** `precheck` (一次性告知 only) and `submit` (checked the same way, then every item starts). */
export function onCheck(
  ctx: FlowContext,
  event: Extract<FlowEvent, { type: 'precheck' | 'submit' }>,
): boolean {
  const from = ctx.state.status;
  const step = ctx.settings.stepApplication(from, { type: event.type });
  if (!step) {
    diagnose(ctx, 'FLOW_EVENT_NOT_ALLOWED', '/event', { event: event.type, status: from, hint: '' });
    return false;
  }
  const materials = knownDecisions(ctx, event.materials ?? {});
  const result = check(ctx, event.data, materials);
  if (event.type === 'precheck') {
    ctx.state.notice = result.notice;
    notify(ctx, { kind: 'notice', notice: result.notice });
    ctx.diagnostics.push(...result.diagnostics);
    return true;
  }
  if (!result.ok) {
    refuseSubmission(ctx, result);
    return true;
  }
  ctx.state.status = step.value;
  ctx.state.submittedAt = ctx.at;
  ctx.state.data = result.values;
  ctx.state.materials = materials;
  delete ctx.state.notice;
  notify(ctx, { kind: 'applicationStatus', from, to: step.value });
  const byMaterial = new Map(result.materials.map((m) => [m.id, m]));
  const bundle = ctx.settings.compiled.bundle;
  for (const id of ctx.settings.order) {
    if (!result.isItemApplicable(id)) {
      applyItemEvent(ctx, id, { type: 'skip' });
      continue;
    }
    const item = itemDraft(ctx, id);
    const sources: MaterialSource[] = [];
    const outstanding: string[] = [];
    const verifications: Verification[] = [];
    for (const materialId of ctx.settings.profiles.get(id)!.item.materials ?? []) {
      const state = byMaterial.get(materialId);
      const material = bundle.materials?.[materialId];
      if (!state || !material || !state.satisfiedBy) continue;
      const source: MaterialSource = { material: materialId, source: state.satisfiedBy };
      const decision = materials[materialId];
      if (state.satisfiedBy === 'fromOutput' && material.fromOutput) {
        source.item = material.fromOutput.item;
        if (material.fromOutput.field !== undefined) source.field = material.fromOutput.field;
      } else if (decision?.kind === 'eLicence' && decision.licenceNo !== undefined) {
        source.licenceNo = decision.licenceNo;
      }
      sources.push(source);
      if (state.satisfiedBy === 'deferred') outstanding.push(materialId);
      if (state.satisfiedBy === 'committed') {
        const check = material.commitment?.verification;
        const verification: Verification = {
          material: materialId,
          status: check?.exempt ? 'exempt' : 'pending',
        };
        if (check?.method) verification.method = check.method;
        verifications.push(verification);
      }
    }
    item.sources = sources;
    item.outstanding = outstanding;
    item.verifications = verifications;
  }
  return true;
}

export function onWithdraw(ctx: FlowContext): boolean {
  const from = ctx.state.status;
  const step = ctx.settings.stepApplication(from, { type: 'withdraw' });
  if (!step) {
    diagnose(ctx, 'FLOW_EVENT_NOT_ALLOWED', '/event', { event: 'withdraw', status: from, hint: '' });
    return false;
  }
  ctx.state.status = step.value;
  notify(ctx, { kind: 'applicationStatus', from, to: step.value });
  for (const id of ctx.settings.order) {
    const dispatched = ctx.state.items[id]!.attempts > 0;
    applyItemEvent(ctx, id, { type: 'withdraw', dispatched });
  }
  return true;
}

/** A 容缺 material supplied: every item awaiting it gets it, suspended items resume. */
export function onSupply(ctx: FlowContext, material: string): boolean {
  const awaiting = ctx.settings.order.filter((id) => {
    const item = ctx.state.items[id]!;
    return !ENDED_STATUSES.has(item.status) && item.outstanding.includes(material);
  });
  if (awaiting.length === 0) {
    diagnose(ctx, 'FLOW_EVENT_NOT_ALLOWED', '/event/material', {
      event: 'supply',
      status: ctx.state.status,
      hint: material,
    });
    return false;
  }
  ctx.state.materials = { ...ctx.state.materials, [material]: { kind: 'provided' } };
  for (const id of awaiting) {
    const item = itemDraft(ctx, id);
    item.outstanding = item.outstanding.filter((m) => m !== material);
    item.sources = item.sources.map((s) => (s.material === material ? { ...s, suppliedAt: ctx.at } : s));
    if (item.attempts > 0) sendSupplied(ctx, id, [material]);
    if (item.outstanding.length > 0) continue;
    cancelTimer(ctx, `supplyDue:${id}`);
    delete item.supplyDue;
    if (item.status === 'suspended') {
      const resumeTo = item.suspendedFrom ?? (item.decidedOn !== undefined ? 'approved' : 'inReview');
      applyItemEvent(ctx, id, { type: 'supplied', outstanding: 0, resumeTo });
    }
  }
  return true;
}

/** 补正: the corrected data is checked like a submission; then the item's review resumes. */
export function onAnswerCorrection(
  ctx: FlowContext,
  event: Extract<FlowEvent, { type: 'answerCorrection' }>,
): boolean {
  const status = ctx.state.items[event.item]!.status;
  if (status !== 'correction') {
    diagnose(ctx, 'FLOW_EVENT_NOT_ALLOWED', '/event', {
      event: 'answerCorrection',
      status: `${event.item}: ${status}`,
      hint: '',
    });
    return false;
  }
  const data = { ...ctx.state.data, ...event.data };
  const materials = { ...ctx.state.materials, ...knownDecisions(ctx, event.materials ?? {}) };
  const result = check(ctx, data, materials);
  if (!result.ok) {
    refuseSubmission(ctx, result);
    return true;
  }
  ctx.state.data = result.values;
  ctx.state.materials = materials;
  return applyItemEvent(
    ctx,
    event.item,
    { type: 'answered' },
    { materials: Object.keys(event.materials ?? {}) },
  );
}
