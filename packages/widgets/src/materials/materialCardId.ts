/** The DOM id of a material's card: what the one-time notice jumps to. */
export function materialCardId(idPrefix: string, materialId: string): string {
  return `${idPrefix}-material-${materialId}`;
}
