/** How a quantifier repeats what precedes it. */
type Repeat = 'none' | 'fixed' | 'optional' | 'many';

/** The quantifier starting at `i` (after an atom or a group), and where it ends. */
function quantifierAt(pattern: string, i: number): { repeat: Repeat; end: number } {
  const c = pattern[i];
  if (c === '+' || c === '*') return { repeat: 'many', end: i + 1 };
  if (c === '?') return { repeat: 'optional', end: i + 1 };
  const braces = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
  if (!braces) return { repeat: 'none', end: i };
  const min = Number(braces[1]);
  const max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
  const repeat: Repeat = max > 1 ? (min === max ? 'fixed' : 'many') : min === max ? 'none' : 'optional';
  return { repeat, end: i + braces[0].length };
}

/**
 * Whether a regular expression has a ReDoS shape: a repeated group whose body can match the same
 * text in several ways, because it holds a variable quantifier or an alternation — `(a+)+`,
 * `(a|aa)*`, `((ab)?c)+`, `(\w|a){2,}`. JavaScript's backtracking engine can take exponential time
 * on them with a near-miss input, so a bundle may not use them on applicant data. Conservative:
 * harmless shapes like `(a|b)+` are flagged too (the rewrite is a character class, `[ab]+`).
 *
 * @example isUnsafePattern('^(a+)+$') // true
 * @example isUnsafePattern('^\\d{17}[\\dX]$') // false
 */
export function isUnsafePattern(pattern: string): boolean {
  // One entry per open group: whether its body so far can match in several ways.
  const ambiguous: boolean[] = [];
  const markAmbiguous = () => {
    if (ambiguous.length > 0) ambiguous[ambiguous.length - 1] = true;
  };
  let inClass = false;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      i += 2;
    } else if (inClass) {
      if (c === ']') inClass = false;
      i++;
    } else if (c === '[') {
      inClass = true;
      i++;
    } else if (c === '(') {
      ambiguous.push(false);
      i += pattern[i + 1] === '?' ? 2 : 1; // `(?:`, `(?=`, `(?<name>`: the `?` is not a quantifier
    } else if (c === '|') {
      markAmbiguous();
      i++;
    } else if (c === ')') {
      const body = ambiguous.pop() ?? false;
      const q = quantifierAt(pattern, i + 1);
      // `(x){3}` on an ambiguous body multiplies the ways to match as much as `(x)+` does.
      if (body && (q.repeat === 'many' || q.repeat === 'fixed')) return true;
      if (body || q.repeat === 'many' || q.repeat === 'optional') markAmbiguous();
      i = q.end;
    } else {
      const q = quantifierAt(pattern, i);
      if (q.repeat === 'many' || q.repeat === 'optional') {
        markAmbiguous();
        i = q.end;
      } else i++;
    }
  }
  return false;
}
