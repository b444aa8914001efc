// Bad-input robustness at the text level: random, truncated and damaged bundle files always come back
// as well-formed diagnostics, never as an exception or a hang.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBundle } from '../src/bundle/loadBundle.js';
import {
  expectLoadContract,
  expectNoPollution,
  prototypeSnapshot,
  runs,
  seeds,
  withinMs,
} from './fixtures/hostile.js';

const SEEDS = seeds();
const texts = SEEDS.flatMap((s) => [
  { name: `${s.name}.yaml`, text: s.yaml },
  { name: `${s.name}.json`, text: s.json },
]);

/** One seed text, its file name, and a cut/edit position inside it (as a fraction). */
const seedText = fc.record({
  seed: fc.constantFrom(...texts),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
});

const offset = (text: string, at: number) => Math.min(text.length, Math.floor(at * text.length));

/** Load and check the contract; a random edit of a valid bundle may still be valid, so `ok` is allowed. */
function loadChecked(text: string, fileName: string) {
  const loaded = withinMs(2_000, () => loadBundle(text, { fileName }));
  expectLoadContract(loaded);
  return loaded;
}

describe('hostile bundle text', () => {
  const before = prototypeSnapshot();

  it('random strings give diagnostics, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 300 }), fc.json()),
        fc.constantFrom('b.yaml', 'b.json', 'bundle'),
        (text, fileName) => {
          const loaded = loadChecked(text, fileName);
          // No random string is a bundle: at least the required top-level keys are missing.
          expect(loaded.ok).toBe(false);
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('examples truncated at a random offset give diagnostics', () => {
    fc.assert(
      fc.property(seedText, ({ seed, at }) => {
        const cut = seed.text.slice(0, offset(seed.text, at));
        const loaded = loadChecked(cut, seed.name);
        // A JSON text cut anywhere before its last brace is never valid JSON.
        if (seed.name.endsWith('.json') && cut.trimEnd().length < seed.text.trimEnd().length)
          expect(loaded.ok).toBe(false);
      }),
      { numRuns: runs(25) },
    );
  });

  it('random byte flips, insertions and deletions give diagnostics', () => {
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      kind: fc.constantFrom('flip', 'insert', 'delete'),
      text: fc.oneof(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
        fc.constantFrom(
          ':',
          '- ',
          '{',
          '}',
          '[',
          ']',
          '"',
          "'",
          '&a',
          '*a',
          '!!js/function',
          '\t',
          '\n  ',
          '#',
          '<<: *a',
        ),
      ),
    });
    fc.assert(
      fc.property(seedText, fc.array(edit, { minLength: 1, maxLength: 4 }), ({ seed }, edits) => {
        let text = seed.text;
        for (const e of edits) {
          const i = offset(text, e.at);
          if (e.kind === 'delete') text = text.slice(0, i) + text.slice(i + e.text.length);
          else if (e.kind === 'insert') text = text.slice(0, i) + e.text + text.slice(i);
          else text = text.slice(0, i) + e.text + text.slice(i + e.text.length);
        }
        loadChecked(text, seed.name);
      }),
      { numRuns: runs(25) },
    );
  });

  it('random indentation damage in YAML gives diagnostics', () => {
    const yamls = texts.filter((t) => t.name.endsWith('.yaml') && !t.name.startsWith('mini'));
    fc.assert(
      fc.property(
        fc.constantFrom(...yamls),
        fc.array(fc.record({ line: fc.nat(), shift: fc.integer({ min: -4, max: 4 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (seed, damages) => {
          const lines = seed.text.split('\n');
          for (const { line, shift } of damages) {
            const i = line % lines.length;
            lines[i] =
              shift >= 0
                ? ' '.repeat(shift) + lines[i]
                : lines[i]!.replace(new RegExp(`^ {0,${-shift}}`), '');
          }
          loadChecked(lines.join('\n'), seed.name);
        },
      ),
      { numRuns: runs(20) },
    );
  });

  it('YAML-only hazards (aliases, tags, merge keys, billion laughs) give diagnostics', () => {
    const laughs = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 9 }, (_, i) => {
        const name = String.fromCharCode(98 + i);
        const prev = String.fromCharCode(97 + i);
        return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
      }),
    ].join('\n');
    const hazards = [
      laughs,
      'id: !!js/function "function(){}"\n',
      'id: !!binary aGVsbG8=\n',
      'a: &a\n  b: *a\n',
      '<<: {__proto__: {polluted: true}}\n',
      '__proto__:\n  polluted: true\n',
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      '? [a, b]\n: c\n',
      '--- a\n--- b\n',
      'x: 1\nx: 2\n',
      '%YAML 9.9\n---\na: 1\n',
      'a: ' + '9'.repeat(400) + '\n',
      'a: "' + 'x'.repeat(1_000_000) + '"\n',
    ];
    for (const text of hazards) {
      for (const fileName of ['b.yaml', 'b.json']) {
        const loaded = loadChecked(text, fileName);
        expect(loaded.ok).toBe(false);
      }
    }
  });

  it('deeply nested files (100,000 levels) give NESTING_TOO_DEEP or a syntax error', () => {
    const depth = 100_000;
    const cases = [
      { fileName: 'b.yaml', text: '['.repeat(depth) + ']'.repeat(depth) },
      { fileName: 'b.json', text: '['.repeat(depth) + ']'.repeat(depth) },
      { fileName: 'b.json', text: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) },
      { fileName: 'b.yaml', text: '{a: '.repeat(depth) + '1' + '}'.repeat(depth) },
      { fileName: 'b.yaml', text: '- '.repeat(depth) + '1\n' },
      { fileName: 'b.yaml', text: '['.repeat(depth) },
    ];
    for (const { fileName, text } of cases) {
      const loaded = withinMs(5_000, () => loadBundle(text, { fileName }));
      expectLoadContract(loaded);
      expect(loaded.ok).toBe(false);
      expect(
        loaded.diagnostics.some((d) => ['NESTING_TOO_DEEP', 'SYNTAX_JSON', 'SYNTAX_YAML'].includes(d.code)),
      ).toBe(true);
    }
  });

  it('leaves the built-in prototypes alone', () => {
    expectNoPollution(before);
  });
});
