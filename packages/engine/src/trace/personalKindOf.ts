import type { FieldShape, PersonalDataKind } from '../bundle/types.js';

/**
 * The personal-data category of a field shape: its `personal` setting, else `idNumber` for
 * `cn-id-card` and `phone` for `cn-mobile` (personal by format without saying so).
 *
 * @example personalKindOf({ type: 'string', label, format: 'cn-mobile' }) // 'phone'
 */
export function personalKindOf(shape: Pick<FieldShape, 'personal' | 'format'>): PersonalDataKind | undefined {
  if (shape.personal) return shape.personal;
  if (shape.format === 'cn-id-card') return 'idNumber';
  if (shape.format === 'cn-mobile') return 'phone';
  return undefined;
}
