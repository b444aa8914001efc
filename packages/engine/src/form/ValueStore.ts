import { isEmpty } from './isEmpty.js';

/**
 * The form's values: the caller's initial object, read in place, with every later change in a Map
 * on top. Copying a large application into a fresh store would cost more than validating it.
 * Empty values (`''`, `null`, `[]`) read as `undefined`.
 */
export class ValueStore {
  readonly #base: Readonly<Record<string, unknown>>;
  readonly #keys: readonly string[];
  readonly #changes = new Map<string, unknown>();

  /** `keys` are the only keys ever read from `base` (the form's field keys). */
  constructor(base: Readonly<Record<string, unknown>>, keys: readonly string[]) {
    this.#base = base;
    this.#keys = keys;
  }

  get(key: string): unknown {
    const value = this.#changes.has(key) ? this.#changes.get(key) : this.#base[key];
    return isEmpty(value) ? undefined : value;
  }

  /** Set a value; an empty one removes it. */
  set(key: string, value: unknown): void {
    this.#changes.set(key, isEmpty(value) ? undefined : value);
  }

  delete(key: string): void {
    this.#changes.set(key, undefined);
  }

  /** Whether anything was set or deleted since construction. */
  get changed(): boolean {
    return this.#changes.size > 0;
  }

  /** Non-empty values in field order. */
  *entries(): IterableIterator<[string, unknown]> {
    for (const key of this.#keys) {
      const value = this.get(key);
      if (value !== undefined) yield [key, value];
    }
  }

  toObject(): Record<string, unknown> {
    return Object.fromEntries(this.entries());
  }
}
