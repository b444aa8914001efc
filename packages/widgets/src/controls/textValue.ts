/** The input text for a value: empty for undefined/null, the value as text otherwise. */
export function textOf(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** An empty input means "not given" (undefined), so the engine's required check sees no value. */
export function textValue(text: string): string | undefined {
  return text === '' ? undefined : text;
}
