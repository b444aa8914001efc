import { readFileSync } from 'node:fs';
import { h, type ComponentType, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import {
  compileBundle,
  createFormState,
  loadBundle,
  type Diagnostic,
  type FieldDefinition,
  type FieldState,
} from '../../../engine/src/index.js';
import type { ControlProps } from './types.js';
import { createControlRegistry } from './createControlRegistry.js';
import { defaultControls } from './defaultControls.js';
import { AddressControl } from './AddressControl.js';
import { CheckboxGroupControl } from './CheckboxGroupControl.js';
import { DateControl } from './DateControl.js';
import { DateTimeControl } from './DateTimeControl.js';
import { FallbackControl } from './FallbackControl.js';
import { IdCardControl } from './IdCardControl.js';
import { MobileControl } from './MobileControl.js';
import { NumberControl } from './NumberControl.js';
import { RadioGroupControl } from './RadioGroupControl.js';
import { RegionControl } from './RegionControl.js';
import { RepeatGroup, RepeatGroupControl } from './RepeatGroupControl.js';
import { SelectControl } from './SelectControl.js';
import { SwitchControl } from './SwitchControl.js';
import { TextControl } from './TextControl.js';
import { TextareaControl } from './TextareaControl.js';
import { TextInput, type TextInputProps } from './TextInput.js';

const XSS = '<img src=x onerror=alert(1)>';
const label = { 'zh-CN': '字段', en: 'Field' };
const error = {
  code: 'FIELD_REQUIRED',
  severity: 'error',
  path: '/f',
  message: '',
  messages: { 'zh-CN': '', en: '' },
  params: {},
} as unknown as Diagnostic;

/** Props for a control, with a field state that the test overrides. */
function props(
  definition: FieldDefinition,
  field: Partial<FieldState> = {},
  changes: unknown[] = [],
): ControlProps {
  return {
    field: {
      key: 'f',
      value: undefined,
      visible: true,
      required: false,
      readOnly: false,
      computed: false,
      touched: false,
      errors: [],
      departments: [],
      ...field,
    },
    definition,
    lang: 'zh-CN',
    id: 'ot-f',
    describedBy: 'ot-f-help',
    onChange: (value) => changes.push(value),
    onBlur: () => {},
  };
}

const render = (Control: ComponentType<ControlProps>, p: ControlProps) => renderToString(h(Control, p));

/** Every element of a vnode tree whose props match; components are not expanded. */
function findAll(
  node: unknown,
  match: (props: Record<string, unknown>) => boolean,
): VNode<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap((n) => findAll(n, match));
  if (typeof node !== 'object' || node === null || !('props' in node)) return [];
  const vnode = node as VNode<Record<string, unknown>>;
  return [...(match(vnode.props) ? [vnode] : []), ...findAll(vnode.props.children, match)];
}

const options = [
  { value: '1', label: { 'zh-CN': '男', en: 'Male' } },
  { value: '2', label: { 'zh-CN': '女' } },
];

describe('common attributes', () => {
  const all: Array<[string, ComponentType<ControlProps>, FieldDefinition]> = [
    ['text', TextControl, { type: 'string', label }],
    ['textarea', TextareaControl, { type: 'string', label }],
    ['address', AddressControl, { type: 'string', label }],
    ['number', NumberControl, { type: 'number', label }],
    ['date', DateControl, { type: 'date', label }],
    ['datetime', DateTimeControl, { type: 'datetime', label }],
    ['select', SelectControl, { type: 'string', label, options }],
    ['radio', RadioGroupControl, { type: 'string', label, options }],
    ['checkbox', CheckboxGroupControl, { type: 'array', label, items: { type: 'string', label, options } }],
    ['switch', SwitchControl, { type: 'boolean', label }],
    ['id-card', IdCardControl, { type: 'string', label }],
    ['mobile', MobileControl, { type: 'string', label }],
    ['region', RegionControl, { type: 'string', label }],
    [
      'repeat',
      RepeatGroupControl,
      { type: 'array', label, items: { type: 'object', label, properties: {} } },
    ],
    ['fallback', FallbackControl, { type: 'object', label }],
  ];

  it.each(all)(
    '%s carries id, aria-describedby, aria-invalid and aria-required',
    (_name, Control, definition) => {
      const html = render(Control, props(definition, { required: true, touched: true, errors: [error] }));
      expect(html).toContain('id="ot-f"');
      expect(html).toContain('aria-describedby="ot-f-help"');
      expect(html).toContain('aria-invalid="true"');
      expect(html).toContain('aria-required="true"');
    },
  );

  it.each(all)('%s is not marked invalid before the field is touched', (_name, Control, definition) => {
    const html = render(Control, props(definition, { required: true, errors: [error] }));
    expect(html).not.toContain('aria-invalid');
    expect(html).toContain('aria-required="true"');
  });

  it.each(all)(
    '%s leaves aria-invalid and aria-required out when the engine has no say',
    (_name, Control, definition) => {
      const html = render(Control, props(definition, { errors: [{ ...error, severity: 'warning' }] }));
      expect(html).not.toContain('aria-invalid');
      expect(html).not.toContain('aria-required');
    },
  );

  it.each(all)(
    '%s shows XSS strings in labels, options and placeholders as text',
    (name, Control, definition) => {
      const xssOptions = [{ value: XSS, label: { 'zh-CN': XSS } }];
      const withXss: FieldDefinition = {
        ...definition,
        label: { 'zh-CN': XSS },
        placeholder: { 'zh-CN': XSS },
        ...(definition.options ? { options: xssOptions } : {}),
        ...(definition.items
          ? {
              items: {
                ...definition.items,
                options: xssOptions,
                properties: { name: { type: 'string', label: { 'zh-CN': XSS } } },
              },
            }
          : {}),
      };
      const value =
        definition.type === 'array' ? (definition.items?.type === 'object' ? [{ name: XSS }] : [XSS]) : XSS;
      const html = render(Control, props(withXss, { value }));
      expect(html).not.toMatch(/<img/i);
      // Switches, date pickers and the region drop-downs (their names come from the region data) show
      // no bundle text of their own (the FieldRow shows the label).
      if (!['switch', 'date', 'datetime', 'region'].includes(name)) expect(html).toContain('&lt;img');
    },
  );
});

describe('text-like controls', () => {
  it('text: a text input with the bundle’s maxLength and placeholder', () => {
    const html = render(
      TextControl,
      props(
        { type: 'string', label, maxLength: 50, placeholder: { 'zh-CN': '如：王小明' } },
        { value: '王小明' },
      ),
    );
    expect(html).toMatch(/^<input [^>]*type="text"/);
    expect(html).toContain('maxlength="50"');
    expect(html).toContain('placeholder="如：王小明"');
    expect(html).toContain('value="王小明"');
  });

  it('text: read-only when the engine says so', () => {
    expect(render(TextControl, props({ type: 'string', label }, { readOnly: true }))).toContain('readonly');
  });

  it('text: reports what was typed, and empty input as undefined', () => {
    const changes: unknown[] = [];
    const input = TextInput({ props: props({ type: 'string', label }, {}, changes) }) as VNode<
      Record<string, unknown>
    >;
    const onInput = input.props.onInput as (e: unknown) => void;
    onInput({ currentTarget: { value: '王' } });
    onInput({ currentTarget: { value: '' } });
    expect(changes).toEqual(['王', undefined]);
  });

  it('textarea and address: a textarea, the address one with street-address autofill', () => {
    expect(render(TextareaControl, props({ type: 'string', label }, { value: 'a' }))).toMatch(
      /^<textarea [^>]*>a<\/textarea>$/,
    );
    expect(render(AddressControl, props({ type: 'string', label }))).toContain(
      'autocomplete="street-address"',
    );
  });

  it('number: a text input with a numeric keypad and the engine’s value', () => {
    const integer = render(NumberControl, props({ type: 'integer', label, minimum: 300 }, { value: 3200 }));
    expect(integer).toContain('inputmode="numeric"');
    expect(integer).toContain('value="3200"');
    expect(render(NumberControl, props({ type: 'number', label, minimum: 25 }))).toContain(
      'inputmode="decimal"',
    );
    expect(render(NumberControl, props({ type: 'number', label }))).toContain('inputmode="text"');
  });

  it('date and datetime: native pickers with canonical values shown in Beijing time', () => {
    expect(render(DateControl, props({ type: 'date', label }, { value: '2025-03-14' }))).toContain(
      'type="date"',
    );
    expect(render(DateControl, props({ type: 'date', label }, { value: '2025-03-14' }))).toContain(
      'value="2025-03-14"',
    );
    const dt = render(
      DateTimeControl,
      props({ type: 'datetime', label }, { value: '2025-03-14T08:35:00+08:00' }),
    );
    expect(dt).toContain('type="datetime-local"');
    expect(dt).toContain('value="2025-03-14T08:35"');
  });

  it('id-card: 18 characters, text keypad, upper-case X as typed', () => {
    const changes: unknown[] = [];
    const html = render(IdCardControl, props({ type: 'string', label }));
    expect(html).toContain('maxlength="18"');
    expect(html).toContain('inputmode="text"');
    const { options: idOptions } = (IdCardControl(props({ type: 'string', label })) as VNode<TextInputProps>)
      .props;
    const input = TextInput({
      props: props({ type: 'string', label }, {}, changes),
      options: idOptions,
    }) as VNode<Record<string, unknown>>;
    (input.props.onInput as (e: unknown) => void)({ currentTarget: { value: '35020319900101123x ' } });
    expect(changes).toEqual(['35020319900101123X']);
  });

  it('mobile: a telephone input of 11 digits', () => {
    const html = render(MobileControl, props({ type: 'string', label }));
    expect(html).toContain('type="tel"');
    expect(html).toContain('inputmode="tel"');
    expect(html).toContain('maxlength="11"');
  });

  it('region: before its data arrives, three labelled drop-downs, disabled, with a loading status', () => {
    const html = render(RegionControl, props({ type: 'string', label }, { value: '440305' }));
    expect(html.match(/<select/g)).toHaveLength(3);
    expect(html.match(/disabled/g)).toHaveLength(3);
    expect(html).toContain('aria-labelledby="ot-f-label ot-f-province-label"');
    expect(html).toContain('id="ot-f-prefecture"');
    expect(html).toContain('aria-labelledby="ot-f-label ot-f-county-label"');
    expect(html).toContain('>省（自治区、直辖市）</label>');
    expect(html).toContain('role="status"');
    expect(html).toContain('正在加载行政区划…');
  });

  it('fallback: text for scalars, read-only JSON for structured values', () => {
    expect(render(FallbackControl, props({ type: 'string', label }, { value: 'x' }))).toContain('value="x"');
    const json = render(FallbackControl, props({ type: 'object', label }, { value: { a: 1 } }));
    expect(json).toContain('readonly');
    expect(json).toContain('value="{&quot;a&quot;:1}"');
  });
});

describe('choice controls', () => {
  it('select: a placeholder entry and the options labelled in the language, zh-CN as fallback', () => {
    const p = { ...props({ type: 'string', label, options }, { value: '2' }), lang: 'en' as const };
    const html = render(SelectControl, p);
    expect(html).toMatch(/^<select /);
    expect(html).toContain('<option value>Choose…</option>');
    expect(html).toContain('<option value="1">Male</option>');
    expect(html).toContain('<option selected value="2">女</option>');
  });

  it('select: reports the option value in its own type, and undefined for the placeholder', () => {
    const changes: unknown[] = [];
    const numeric = [
      { value: 1, label },
      { value: 2, label },
    ];
    const select = SelectControl(props({ type: 'integer', label, options: numeric }, {}, changes)) as VNode<
      Record<string, unknown>
    >;
    const onChange = select.props.onChange as (e: unknown) => void;
    onChange({ currentTarget: { value: '2' } });
    onChange({ currentTarget: { value: '' } });
    expect(changes).toEqual([2, undefined]);
  });

  it('radio: a radiogroup named by the FieldRow label, one radio per option', () => {
    const html = render(RadioGroupControl, props({ type: 'string', label, options }, { value: '1' }));
    expect(html).toContain('role="radiogroup"');
    expect(html).toContain('aria-labelledby="ot-f-label"');
    expect(html).toContain('id="ot-f-0" name="ot-f" value="1" checked');
    expect(html).toContain('id="ot-f-1" name="ot-f" value="2"/>');
  });

  it('radio: disabled when read-only; choosing reports the option value', () => {
    const changes: unknown[] = [];
    const group = RadioGroupControl(props({ type: 'string', label, options }, { readOnly: true }, changes));
    const radios = findAll(group, (p) => p.type === 'radio');
    expect(radios.map((r) => r.props.disabled)).toEqual([true, true]);
    (radios[1]!.props.onChange as () => void)();
    expect(changes).toEqual(['2']);
  });

  it('checkbox: reports the checked values in option order, undefined when none is left', () => {
    const changes: unknown[] = [];
    const three = [...options, { value: '3', label }];
    const definition: FieldDefinition = {
      type: 'array',
      label,
      items: { type: 'string', label, options: three },
    };
    const group = CheckboxGroupControl(props(definition, { value: ['3'] }, changes));
    const boxes = findAll(group, (p) => p.type === 'checkbox');
    expect(boxes.map((b) => b.props.checked)).toEqual([false, false, true]);
    (boxes[0]!.props.onChange as (e: unknown) => void)({ currentTarget: { checked: true } });
    (boxes[2]!.props.onChange as (e: unknown) => void)({ currentTarget: { checked: false } });
    expect(changes).toEqual([['1', '3'], undefined]);
  });

  it('switch: a role=switch button that toggles the boolean', () => {
    const changes: unknown[] = [];
    const off = render(SwitchControl, props({ type: 'boolean', label }, { value: false }));
    expect(off).toMatch(/^<button [^>]*type="button" role="switch" aria-checked="false"/);
    const button = SwitchControl(props({ type: 'boolean', label }, { value: true }, changes)) as VNode<
      Record<string, unknown>
    >;
    (button.props.onClick as () => void)();
    expect(changes).toEqual([false]);
    expect(render(SwitchControl, props({ type: 'boolean', label }, { readOnly: true }))).toContain(
      'disabled',
    );
  });
});

describe('repeat group', () => {
  const definition: FieldDefinition = {
    type: 'array',
    label,
    maxItems: 3,
    items: {
      type: 'object',
      label,
      required: ['name'],
      properties: {
        name: { type: 'string', label: { 'zh-CN': '姓名' } },
        share: { type: 'number', label: { 'zh-CN': '持股比例' } },
        role: { type: 'string', label: { 'zh-CN': '职务' }, options },
      },
    },
  };
  const rows = [{ name: '甲', share: 60 }, { name: '乙' }];

  it('renders numbered rows of sub-field inputs with labelled buttons', () => {
    const html = render(RepeatGroupControl, props(definition, { key: 'holders', value: rows }));
    expect(html).toContain('<legend class="ot-repeat-legend">第 1 项</legend>');
    expect(html).toContain('<label class="ot-label" id="ot-f-0-name-label" for="ot-f-0-name">姓名</label>');
    expect(html).toMatch(/<input [^>]*id="ot-f-0-share"[^>]*value="60"/);
    expect(html).toMatch(/<select [^>]*id="ot-f-1-role"/);
    expect(html).toMatch(/id="ot-f-0-name" aria-required="true"/);
    expect(html).toContain('上移第 2 项');
    expect(html).toContain('删除第 2 项');
    expect(html).toContain('添加一项');
  });

  it('adds, removes and reorders rows, reporting the whole array', () => {
    const changes: unknown[] = [];
    const group = RepeatGroup(props(definition, { key: 'holders', value: rows }, changes));
    const click = (cls: string, index = 0) =>
      (findAll(group, (p) => String(p.class).includes(cls))[index]!.props.onClick as () => void)();
    click('ot-repeat-add');
    click('ot-repeat-down', 0);
    click('ot-repeat-up', 1);
    click('ot-repeat-remove', 0);
    expect(changes).toEqual([[...rows, {}], [rows[1], rows[0]], [rows[1], rows[0]], [rows[1]]]);
  });

  it('marks the sub-field the engine reports an error on', () => {
    const subError = { ...error, path: '/holders/1/name' };
    const html = render(
      RepeatGroupControl,
      props(definition, { key: 'holders', value: rows, touched: true, errors: [subError] }),
    );
    expect(html).toMatch(/id="ot-f-1-name"[^>]*aria-invalid="true"/);
    expect(html).not.toMatch(/id="ot-f-0-name"[^>]*aria-invalid/);
  });

  it('cannot grow past maxItems or change when read-only', () => {
    const full = RepeatGroup(props(definition, { value: [{}, {}, {}] }));
    expect(findAll(full, (p) => p.class === 'ot-button ot-repeat-add')[0]!.props.disabled).toBe(true);
    const locked = RepeatGroup(props(definition, { value: rows, readOnly: true }));
    expect(findAll(locked, (p) => p.type === 'button').every((b) => b.props.disabled === true)).toBe(true);
  });
});

describe('the newborn form', () => {
  const yaml = readFileSync(new URL('../../../../examples/newborn/bundle.yaml', import.meta.url), 'utf8');
  const state = createFormState(compileBundle(loadBundle(yaml, { fileName: 'bundle.yaml' })), {
    today: () => '2025-03-20',
  });
  const registry = createControlRegistry(defaultControls);

  it('renders every field with the control the registry picks', () => {
    state.setValue('motherIdNumber', '35020319900101123x');
    for (const key of Object.keys(state.compiled.bundle.fields)) {
      const definition = state.compiled.form.fields[key]!.definition;
      const Control = registry.pick(definition, key)!.Control;
      const html = renderToString(
        h(Control, { ...props(definition), field: state.getField(key), id: `ot-${key}` }),
      );
      expect(html, key).toContain(`id="ot-${key}"`);
    }
  });
});
