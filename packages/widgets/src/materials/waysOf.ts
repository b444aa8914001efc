import type { MaterialState } from '@onething/engine/runtime';
import type { MessageKey } from '../i18n/messages.js';
import type { Way } from './types.js';

/** The label of each way to provide a material. */
export const WAY_LABEL: Record<Way, MessageKey> = {
  eLicence: 'wayELicence',
  provided: 'wayProvided',
  deferred: 'wayDeferred',
  committed: 'wayCommitted',
};

/**
 * The ways out the bundle allows for a material, the most convenient first: 免证 (nothing to do),
 * upload (always possible), then 容缺 and 告知承诺, which bind the applicant to a signed promise.
 */
export function waysOf(options: MaterialState['options']): Way[] {
  return [
    ...(options.eLicence ? (['eLicence'] as const) : []),
    'provided' as const,
    ...(options.acceptMissing ? (['deferred'] as const) : []),
    ...(options.commitment ? (['committed'] as const) : []),
  ];
}
