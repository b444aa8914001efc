/** One top-level declaration of a generated module: its name and its text (TSDoc included). */
export interface Declaration {
  name: string;
  text: string;
}

const DECLARED = /^export (?:declare )?(?:interface|type|enum|const enum) ([A-Za-z_$][\w$]*)/;

/** Whether `line` (inside a top-level declaration) is its last line, given the line after it. */
function endsDeclaration(line: string, next: string | undefined): boolean {
  if (/^\};?$/.test(line)) return true;
  // `export type X = ...;` (one line or several): the next line starts at column 0 and is not its `}`.
  return (
    line.endsWith(';') && (next === undefined || next === '' || (/^\S/.test(next) && !next.startsWith('}')))
  );
}

/**
 * Split generated declarations (Prettier's output: each top-level declaration with its TSDoc, one after
 * the other) into the banner and the named declarations.
 */
export function splitDeclarations(code: string): { banner: string; declarations: Declaration[] } {
  const lines = code.split('\n');
  const declarations: Declaration[] = [];
  const banner: string[] = [];
  let current: string[] = [];
  let name: string | undefined;
  lines.forEach((line, i) => {
    if (name === undefined && line === '') {
      if (declarations.length === 0) banner.push(...current);
      current = [];
      return;
    }
    current.push(line);
    name ??= DECLARED.exec(line)?.[1];
    if (name !== undefined && endsDeclaration(line, lines[i + 1])) {
      declarations.push({ name, text: current.join('\n') });
      current = [];
      name = undefined;
    }
  });
  return { banner: banner.join('\n'), declarations };
}

/**
 * The part of a generated module that declares `name`, with the declarations it uses (transitively) and
 * the banner: what the types view shows when one interface is chosen. The whole module when `name` is
 * not declared in it.
 *
 * @example
 * pickDeclarations(code, 'BirthRegPayload');
 */
export function pickDeclarations(code: string, name: string): string {
  const { banner, declarations } = splitDeclarations(code);
  const byName = new Map(declarations.map((d) => [d.name, d]));
  if (!byName.has(name)) return code;
  const wanted = new Set([name]);
  const queue = [name];
  while (queue.length > 0) {
    const text = byName.get(queue.shift()!)!.text.replace(/\/\*\*[\s\S]*?\*\//g, '');
    for (const other of byName.keys()) {
      if (!wanted.has(other) && new RegExp(`\\b${other}\\b`).test(text)) {
        wanted.add(other);
        queue.push(other);
      }
    }
  }
  const parts = declarations.filter((d) => wanted.has(d.name)).map((d) => d.text);
  return `${banner ? `${banner}\n\n` : ''}${parts.join('\n')}\n`;
}
