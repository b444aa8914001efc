import type { ComponentType, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldShape } from '@onething/engine/runtime';
import { localize } from '@onething/engine/runtime';
import type { ControlProps } from './types.js';
import { controlAttributes } from './controlAttributes.js';
import { groupBlurHandler } from './groupBlurHandler.js';
import { subFieldControl } from './subFieldControl.js';
import { t } from '../i18n/messages.js';

type Row = Record<string, unknown>;
/** The buttons of a row, by their class suffix (`ot-repeat-up`…). */
type RowButton = 'up' | 'down' | 'remove';
/** Where focus goes once the form shows the value a button reported. */
export interface PendingFocus {
  rows: Row[];
  index: number;
  button: RowButton | 'add';
}

/**
 * A repeating group (family members, shareholders, employees): an array of objects shown as numbered
 * rows of the entry's sub-fields, with buttons to add, remove and reorder rows. The value is the array
 * (no rows → undefined). Named like the radio group: `role="group"` with `aria-labelledby="<id>-label"`;
 * a sub-field's input is `<id>-<row>-<sub-field>`. After a move, focus follows the moved row (its same
 * button, or the other move button at an edge); after a removal it goes to the next row's remove button,
 * else to the add button; both are announced politely.
 */
export function RepeatGroupControl(props: ControlProps) {
  const group = useRef<HTMLDivElement>(null);
  const pending = useRef<(PendingFocus & { from: Element | null }) | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const rows = rowsOf(props.field.value);
  // Once the engine's value is the one reported, the rows are redrawn: move focus then.
  useEffect(() => {
    const focus = pending.current;
    if (!focus || !group.current || JSON.stringify(focus.rows) !== JSON.stringify(rows)) return;
    pending.current = undefined;
    // If the user has gone on to another control before the rows were redrawn, leave focus there.
    const now = activeElementOf(group.current);
    if (now && now !== focus.from && now.isConnected) return;
    focusTarget(group.current, focus);
  });
  return (
    <RepeatGroup
      {...props}
      groupRef={group}
      announcement={announcement}
      onRearrange={(focus, message) => {
        pending.current = { ...focus, from: group.current ? activeElementOf(group.current) : null };
        setAnnouncement(message);
      }}
    />
  );
}

export interface RepeatGroupProps extends ControlProps {
  groupRef?: Ref<HTMLDivElement>;
  /** What the polite live region says. */
  announcement?: string;
  /** After a move or a removal: where focus should go once the new rows show, and what to announce. */
  onRearrange?(focus: PendingFocus, message: string): void;
}

/** The repeating group as drawn, without the focus bookkeeping of {@link RepeatGroupControl}. */
export function RepeatGroup(props: RepeatGroupProps) {
  const { field, definition, lang, id, onChange, onBlur, groupRef, announcement, onRearrange } = props;
  const rows = rowsOf(field.value);
  const subFields = Object.entries(definition.items?.properties ?? {});
  const requiredSubFields = definition.items?.required ?? [];
  const locked = field.readOnly;
  const report = (next: Row[]) => onChange(next.length > 0 ? next : undefined);
  const move = (from: number, to: number, button: RowButton) => {
    const next = [...rows];
    const [row] = next.splice(from, 1);
    next.splice(to, 0, row!);
    onRearrange?.({ rows: next, index: to, button }, t(lang, 'repeatMoved', { from: from + 1, to: to + 1 }));
    report(next);
  };
  const remove = (index: number) => {
    const next = rows.filter((_r, i) => i !== index);
    onRearrange?.(
      index < next.length
        ? { rows: next, index, button: 'remove' }
        : { rows: next, index: -1, button: 'add' },
      t(lang, 'repeatRemoved', { n: index + 1, count: next.length }),
    );
    report(next);
  };
  const full = definition.maxItems !== undefined && rows.length >= definition.maxItems;
  return (
    <div
      {...controlAttributes(props)}
      ref={groupRef}
      class="ot-repeat"
      role="group"
      aria-labelledby={`${id}-label`}
      tabIndex={-1}
      onFocusOut={groupBlurHandler(onBlur)}
    >
      {rows.length > 0 ? (
        <ol class="ot-repeat-rows">
          {rows.map((row, index) => {
            const n = index + 1;
            return (
              <li class="ot-repeat-row" key={index} data-row={index}>
                <fieldset class="ot-repeat-entry">
                  <legend class="ot-repeat-legend">{t(lang, 'repeatEntry', { n })}</legend>
                  {subFields.map(([name, shape]) => (
                    <SubField
                      key={name}
                      field={field}
                      lang={lang}
                      onBlur={onBlur}
                      id={`${id}-${index}-${name}`}
                      path={`/${field.key}/${index}/${name}`}
                      shape={shape}
                      value={row[name]}
                      required={requiredSubFields.includes(name)}
                      onChange={(value) =>
                        report(rows.map((r, i) => (i === index ? withCell(r, name, value) : r)))
                      }
                    />
                  ))}
                  <div class="ot-repeat-actions">
                    <button
                      type="button"
                      class="ot-button ot-repeat-up"
                      disabled={locked || index === 0}
                      onClick={() => move(index, index - 1, 'up')}
                    >
                      {t(lang, 'repeatMoveUp', { n })}
                    </button>
                    <button
                      type="button"
                      class="ot-button ot-repeat-down"
                      disabled={locked || index === rows.length - 1}
                      onClick={() => move(index, index + 1, 'down')}
                    >
                      {t(lang, 'repeatMoveDown', { n })}
                    </button>
                    <button
                      type="button"
                      class="ot-button ot-repeat-remove"
                      disabled={locked}
                      onClick={() => remove(index)}
                    >
                      {t(lang, 'repeatRemove', { n })}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      ) : null}
      <button
        type="button"
        class="ot-button ot-repeat-add"
        disabled={locked || full}
        onClick={() => report([...rows, {}])}
      >
        {t(lang, 'repeatAdd')}
      </button>
      <p class="ot-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

interface SubFieldProps extends Pick<ControlProps, 'field' | 'lang' | 'id' | 'onChange' | 'onBlur'> {
  /** JSON Pointer of the sub-field in the data (`/family/0/name`). */
  path: string;
  shape: FieldShape;
  value: unknown;
  required: boolean;
}

/** One sub-field of a row: its label and a simple control chosen by the sub-field's type. */
function SubField({ path, shape, value, required, field, lang, id, onChange, onBlur }: SubFieldProps) {
  const Control: ComponentType<ControlProps> = subFieldControl(shape);
  // The engine reports a sub-field's problems on the array field, with a pointer into the row.
  const errors = !field.touched
    ? []
    : field.errors.filter((d) => d.path === path || d.path.startsWith(`${path}/`));
  return (
    <div class="ot-repeat-field">
      <label class="ot-label" id={`${id}-label`} for={id}>
        {localize(shape.label, lang)}
      </label>
      <Control
        field={{ ...field, key: path, value, required, errors, computed: false, departments: [] }}
        definition={shape}
        lang={lang}
        id={id}
        describedBy=""
        onChange={onChange}
        onBlur={onBlur}
      />
    </div>
  );
}

/** The focused element in the group's tree (its shadow root or the document); none if it is the body. */
function activeElementOf(node: HTMLElement): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  return active && active !== node.ownerDocument.body ? active : null;
}

/** Focus a row's button (at an edge, the enabled one next to it), or the add button. */
function focusTarget(group: HTMLElement, { index, button }: PendingFocus) {
  const find = (name: string) =>
    group.querySelector<HTMLButtonElement>(
      name === 'add' ? ':scope > .ot-repeat-add' : `[data-row="${index}"] .ot-repeat-${name}`,
    );
  const order =
    button === 'up' ? ['up', 'down', 'remove'] : button === 'down' ? ['down', 'up', 'remove'] : [button];
  const target = order.map(find).find((b) => b && !b.disabled) ?? find('add');
  target?.focus();
}

function rowsOf(value: unknown): Row[] {
  return Array.isArray(value) ? value.map(asRow) : [];
}

function asRow(entry: unknown): Row {
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Row) : {};
}

/** A copy of the row with one sub-field set; an emptied sub-field is dropped, not kept as undefined. */
function withCell(row: Row, name: string, value: unknown): Row {
  const { [name]: _old, ...rest } = row;
  return value === undefined ? rest : { ...rest, [name]: value };
}
