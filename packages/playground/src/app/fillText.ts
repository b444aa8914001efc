/**
 * A UI text with its `{name}` placeholders filled from `params`; unknown placeholders stay as they are,
 * so a missing parameter shows up instead of vanishing. Every message table of the app uses it.
 *
 * @example
 * fillText('第 {n} 步', { n: 3 }); // '第 3 步'
 */
export function fillText(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
