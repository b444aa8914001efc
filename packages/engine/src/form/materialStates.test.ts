import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../bundle/loadBundle.js';
import { compileBundle } from '../compile/compileBundle.js';
import { validateApplication } from './validateApplication.js';
import type { MaterialDecision } from './types.js';

const root = new URL('../../../../', import.meta.url);
const compiled = compileBundle(
  loadBundle(readFileSync(new URL('examples/newborn/bundle.yaml', root), 'utf8')),
);
const data = JSON.parse(readFileSync(new URL('examples/newborn/data/valid-complete.json', root), 'utf8'));
const base = JSON.parse(readFileSync(new URL('examples/newborn/scenarios/happy-path.json', root), 'utf8'))
  .materials as Record<string, MaterialDecision>;

const check = (m_hukouBook: unknown) =>
  validateApplication(compiled, data, {
    today: () => '2025-03-17',
    materials: { ...base, m_hukouBook: m_hukouBook as MaterialDecision },
  });

// Issue #3: 容缺 needs the applicant to opt in and sign; 告知承诺 needs the commitment signed.
describe('signed deferrals and commitments', () => {
  it('accepts a deferral with a signer and an instant', () => {
    expect(check({ kind: 'deferred', signer: '陈雅婷', signedAt: '2025-03-17T09:00:00+08:00' }).ok).toBe(
      true,
    );
  });

  it.each([
    { kind: 'deferred' },
    { kind: 'deferred', signer: '', signedAt: '2025-03-17T09:00:00+08:00' },
    { kind: 'deferred', signer: '   ', signedAt: '2025-03-17T09:00:00+08:00' },
    { kind: 'deferred', signer: '陈雅婷', signedAt: 'yesterday' },
    { kind: 'deferred', signer: '陈雅婷' },
    { kind: 'committed', signer: '陈雅婷', signedAt: '2025-03-17T09:00:00+08:00' }, // not allowed for this material
  ])('leaves the material missing for %j', (decision) => {
    const result = check(decision);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.path)).toContain('/materials/m_hukouBook');
  });
});
