import type { CompiledBundle } from '../compile/compileBundle.js';
import type { MaterialDecisions, MaterialState } from './types.js';

/**
 * The materials of the applicable items and how each stands. A decision only counts when the bundle
 * allows it (a deferral needs `acceptMissing`, a commitment needs `commitment`, …).
 */
export function materialStates(
  compiled: CompiledBundle,
  state: {
    applicable: (item: string) => boolean;
    materialRequired: Map<string, boolean>;
    decisions: MaterialDecisions;
  },
): MaterialState[] {
  const { bundle } = compiled;
  const usedBy = new Map<string, string[]>();
  for (const item of bundle.items) {
    if (!state.applicable(item.id)) continue;
    for (const id of item.materials ?? []) {
      const items = usedBy.get(id);
      if (items) items.push(item.id);
      else usedBy.set(id, [item.id]);
    }
  }
  const out: MaterialState[] = [];
  for (const [id, items] of usedBy) {
    const material = bundle.materials?.[id];
    if (!material) continue;
    const required =
      material.requiredIf !== undefined
        ? state.materialRequired.get(id) === true
        : (material.required ?? true);
    const options = {
      acceptMissing: !!material.acceptMissing,
      commitment: !!material.commitment,
      eLicence: !!material.eLicence,
    };
    const decision = state.decisions[id];
    const entry: MaterialState = { id, name: material.name, items, required, options };
    const producer = material.fromOutput?.item;
    if (producer !== undefined && state.applicable(producer)) entry.satisfiedBy = 'fromOutput';
    else if (decision) {
      const allowed =
        decision.kind === 'provided' ||
        (decision.kind === 'eLicence' && options.eLicence) ||
        (decision.kind === 'deferred' && options.acceptMissing && isSigned(decision)) ||
        (decision.kind === 'committed' && options.commitment && isSigned(decision));
      if (allowed) entry.satisfiedBy = decision.kind;
    }
    out.push(entry);
  }
  return out;
}

/**
 * A 容缺 deferral or a 告知承诺 commitment counts only when signed: a signer's name and an instant.
 * An unsigned one leaves the material missing, so the one-time notice still lists it.
 */
function isSigned(decision: { signer?: unknown; signedAt?: unknown }): boolean {
  const { signer, signedAt } = decision;
  return (
    typeof signer === 'string' &&
    signer.trim() !== '' &&
    signer.length <= 100 &&
    typeof signedAt === 'string' &&
    /^\d{4}-\d{2}-\d{2}T/.test(signedAt) &&
    !Number.isNaN(Date.parse(signedAt))
  );
}
