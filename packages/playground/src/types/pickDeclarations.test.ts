import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileBundle, loadBundle } from '@onething/engine';
import { generateBundleTypes, typeSchemasOf } from './generateBundleTypes.js';
import { pickDeclarations, splitDeclarations } from './pickDeclarations.js';

const text = readFileSync(new URL('../../../../examples/newborn/bundle.yaml', import.meta.url), 'utf8');
const code = await generateBundleTypes(
  typeSchemasOf(compileBundle(loadBundle(text, { fileName: 'bundle.yaml' }))),
);

describe('splitDeclarations', () => {
  it('finds the banner and one declaration per interface, losing no text', () => {
    const { banner, declarations } = splitDeclarations(code);
    expect(banner).toContain('Data types of the "newborn" bundle');
    expect(declarations.map((d) => d.name)).toContain('NewbornApplication');
    expect(declarations.map((d) => d.name)).toContain('BirthRegPayload');
    const lines = (text: string) => text.split('\n').filter(Boolean);
    expect([banner, ...declarations.map((d) => d.text)].flatMap(lines)).toEqual(lines(code));
  });
});

describe('pickDeclarations', () => {
  it('keeps the banner and the chosen interface only', () => {
    const picked = pickDeclarations(code, 'BirthRegPayload');
    expect(picked).toContain('export interface BirthRegPayload {');
    expect(picked).not.toContain('export interface NewbornApplication');
    expect(picked).not.toContain('export interface SsCardPayload');
    expect(picked.startsWith('/**\n * Data types of the "newborn" bundle')).toBe(true);
  });

  it('brings along the declarations the chosen one uses', () => {
    const synthetic = `/** banner */\n\nexport interface A {\n  b: B;\n}\nexport type B = C[];\n/**\n * doc of C\n */\nexport type C =\n  | "x"\n  | "y";\nexport interface D {\n  /** mentions A */\n  d: string;\n}\n`;
    expect(pickDeclarations(synthetic, 'A')).toBe(
      `/** banner */\n\nexport interface A {\n  b: B;\n}\nexport type B = C[];\n/**\n * doc of C\n */\nexport type C =\n  | "x"\n  | "y";\n`,
    );
    expect(pickDeclarations(synthetic, 'D')).not.toContain('interface A');
  });

  it('returns the whole module for a name it does not declare', () => {
    expect(pickDeclarations(code, 'NoSuchPayload')).toBe(code);
  });
});
