/** Opens the browser's print dialog; does nothing where there is no window (server rendering, tests). */
export function printPage(): void {
  if (typeof window !== 'undefined' && typeof window.print === 'function') window.print();
}
