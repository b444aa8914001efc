import type { MaterialDecision } from '@onething/engine/runtime';
import { fileProblem } from './fileProblem.js';
import type { FileInfo, Problem } from './types.js';

/** What the applicant did on a material card, before it becomes a decision. */
export type DecisionRequest =
  | { kind: 'provided'; files: FileInfo[]; accept?: string[]; maxSizeMB?: number }
  | { kind: 'eLicence'; licenceNo?: string }
  | { kind: 'deferred' | 'committed'; agreed: boolean; signer: string };

export type DecisionResult = { decision: MaterialDecision } | { problem: Problem };

/**
 * The material decision an applicant's action makes, or the reason it makes none (a wrong file, an
 * unticked commitment, no signer). Files are described, never read; `now` stamps signatures.
 *
 * @example
 * decisionFor({ kind: 'committed', agreed: true, signer: ' 张三 ' }, () => '2024-05-01T08:00:00Z');
 * // → { decision: { kind: 'committed', signer: '张三', signedAt: '2024-05-01T08:00:00Z' } }
 */
export function decisionFor(request: DecisionRequest, now: () => string): DecisionResult {
  switch (request.kind) {
    case 'provided': {
      if (request.files.length === 0) return { problem: { key: 'fileNone' } };
      for (const file of request.files) {
        const problem = fileProblem(file, request.accept, request.maxSizeMB);
        if (problem) return { problem };
      }
      const files = request.files.map(({ name, size, type }) =>
        type ? { name, size, type } : { name, size },
      );
      return { decision: { kind: 'provided', files } };
    }
    case 'eLicence':
      return {
        decision: request.licenceNo
          ? { kind: 'eLicence', licenceNo: request.licenceNo }
          : { kind: 'eLicence' },
      };
    default: {
      if (!request.agreed) return { problem: { key: 'signNotAgreed' } };
      const signer = request.signer.trim();
      if (signer === '') return { problem: { key: 'signerMissing' } };
      return { decision: { kind: request.kind, signer, signedAt: now() } };
    }
  }
}
