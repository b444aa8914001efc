import type { Problem } from './types.js';

/** Looks up the applicant's electronic licence for a material (免证); undefined when there is none. */
export type ELicenceProvider = (materialId: string) => Promise<{ licenceNo: string } | undefined>;

/**
 * Asks the provider for a material's electronic licence. Without a provider the applicant's
 * confirmation is enough (the department fetches the licence itself); none found or a failed lookup
 * is a problem to show, never an exception.
 */
export async function lookupLicence(
  provider: ELicenceProvider | undefined,
  materialId: string,
): Promise<{ kind: 'eLicence'; licenceNo?: string } | { problem: Problem }> {
  if (!provider) return { kind: 'eLicence' };
  try {
    const found = await provider(materialId);
    return found
      ? { kind: 'eLicence', licenceNo: found.licenceNo }
      : { problem: { key: 'eLicenceNotFound' } };
  } catch {
    return { problem: { key: 'eLicenceFailed' } };
  }
}
