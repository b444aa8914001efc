import { describe, expect, it } from 'vitest';
import { diffJson } from './diffJson.js';

describe('diffJson', () => {
  it('is empty for equal values, whatever the key order', () => {
    expect(diffJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe('');
  });

  it('names each changed path with - expected and + actual', () => {
    expect(diffJson({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 3], d: true })).toBe(
      ['/b/1', '- 2', '+ 3', '/c', '- "x"', '/d', '+ true'].join('\n'),
    );
  });

  it('shows a changed type as a whole value and escapes pointer segments', () => {
    expect(diffJson({ 'a/b': { x: 1 } }, { 'a/b': [1] })).toBe(['/a~1b', '- {"x":1}', '+ [1]'].join('\n'));
    expect(diffJson(1, 2)).toBe('(root)\n- 1\n+ 2');
  });

  it('bounds the number of changes and the length of values', () => {
    const a = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${String(i).padStart(2, '0')}`, i]));
    const text = diffJson(a, {}, { maxChanges: 3 });
    expect(text.split('\n')).toEqual(['/k00', '- 0', '/k01', '- 1', '/k02', '- 2', '… and 27 more']);
    expect(diffJson('x'.repeat(500), 'y', { maxValueChars: 10 })).toContain(`- "${'x'.repeat(9)}…`);
  });
});
