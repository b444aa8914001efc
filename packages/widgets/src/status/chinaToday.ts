/**
 * The date (YYYY-MM-DD) of `now` in China Standard Time, through Intl. Only for display, when the host
 * gives no `today`: working-day countdowns are shown from it, never decided.
 */
export function chinaToday(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
