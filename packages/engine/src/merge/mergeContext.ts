import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { LocalizedText } from '../bundle/types.js';
import type { MergeNode, Side } from './mergeNode.js';

/** Shared state of one `mergeForms` run: collected diagnostics and compiled patterns. */
export interface MergeContext {
  diagnostics: Diagnostic[];
  /** Who stands behind a side (`Side.item`): the item's department, or the field dictionary. */
  ownerOf(item: string): LocalizedText;
  /** Compile a pattern once (unicode mode, like ajv); `undefined` when it is not a valid regex. */
  regex(pattern: string): RegExp | undefined;
}

const DICTIONARY: LocalizedText = { 'zh-CN': '字段字典', en: 'the field dictionary' };

/**
 * A fresh context with an empty pattern cache. `departmentOf` names an item's department (by item id or
 * `/items/<index>`) for conflict messages, so policy staff see which departments disagree.
 */
export function createMergeContext(
  departmentOf: (item: string) => LocalizedText | undefined = () => undefined,
): MergeContext {
  const cache = new Map<string, RegExp | undefined>();
  return {
    diagnostics: [],
    ownerOf: (item) =>
      item.startsWith('/fields/') ? DICTIONARY : (departmentOf(item) ?? { 'zh-CN': item, en: item }),
    regex(pattern) {
      if (cache.has(pattern)) return cache.get(pattern);
      let compiled: RegExp | undefined;
      try {
        compiled = new RegExp(pattern, 'u');
      } catch {
        compiled = undefined;
      }
      cache.set(pattern, compiled);
      return compiled;
    },
  };
}

type ConflictCode = Extract<
  DiagnosticCode,
  'MERGE_TYPE_CONFLICT' | 'MERGE_FORMAT_CONFLICT' | 'MERGE_ENUM_EMPTY' | 'MERGE_CONSTRAINT_EMPTY'
>;

/**
 * Report two incompatible definitions of one field. The diagnostic sits on side B (the later
 * one) and points back at side A through `related`, so an editor can show both places.
 */
export function reportConflict(
  ctx: MergeContext,
  code: ConflictCode,
  node: MergeNode,
  a: { side: Side; value: unknown },
  b: { side: Side; value: unknown },
): void {
  ctx.diagnostics.push(
    createDiagnostic(code, {
      path: b.side.path,
      params: {
        field: node.label,
        itemA: a.side.item,
        departmentA: ctx.ownerOf(a.side.item),
        pathA: a.side.path,
        itemB: b.side.item,
        departmentB: ctx.ownerOf(b.side.item),
        pathB: b.side.path,
        a: a.value,
        b: b.value,
      },
      related: [{ path: a.side.path }],
    }),
  );
}
