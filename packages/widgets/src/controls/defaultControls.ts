import type { FieldDefinition } from '@onething/engine/runtime';
import type { ControlEntry } from './types.js';
import { AddressControl } from './AddressControl.js';
import { CheckboxGroupControl } from './CheckboxGroupControl.js';
import { DateControl } from './DateControl.js';
import { DateTimeControl } from './DateTimeControl.js';
import { FallbackControl } from './FallbackControl.js';
import { IdCardControl } from './IdCardControl.js';
import { MobileControl } from './MobileControl.js';
import { NumberControl } from './NumberControl.js';
import { RadioGroupControl } from './RadioGroupControl.js';
import { RegionControl, createRegionControl, type RegionControlOptions } from './RegionControl.js';
import { RepeatGroupControl } from './RepeatGroupControl.js';
import { SelectControl } from './SelectControl.js';
import { SwitchControl } from './SwitchControl.js';
import { TextControl } from './TextControl.js';
import { TextareaControl } from './TextareaControl.js';
import { fieldOptions } from './fieldOptions.js';

/** How well a control fits, strongest first: the bundle's `widget` hint, its `format`, options, type. */
export const RANK = { widget: 50, format: 40, options: 30, type: 20, fallback: 0, never: -1 } as const;

/** Radio buttons for this many options or fewer, a drop-down beyond. */
const MAX_RADIO_OPTIONS = 4;

/** An array of objects (family members, shareholders). */
const isObjectArray = (d: FieldDefinition) => d.type === 'array' && d.items?.type === 'object';
/** A scalar field with options (arrays with options are checkbox groups). */
const optionCount = (d: FieldDefinition) => (d.type === 'array' ? 0 : fieldOptions(d).length);

/** The widget hint, else the format, else the type: the first clause that holds gives the rank. */
function ranker(clauses: {
  widget: string;
  format?: string;
  options?(d: FieldDefinition): boolean;
  type?(d: FieldDefinition): boolean;
}): ControlEntry['rank'] {
  return (d) => {
    if (d.widget === clauses.widget) return RANK.widget;
    if (clauses.format !== undefined && d.format === clauses.format) return RANK.format;
    if (clauses.options?.(d)) return RANK.options;
    if (clauses.type?.(d)) return RANK.type;
    return RANK.never;
  };
}

/**
 * The built-in controls with their ranks. A host extends or overrides them with
 * `createControlRegistry(defaultControls).with(...)`.
 *
 * @example
 * const registry = createControlRegistry(defaultControls);
 * registry.pick(bundle.fields.babyGender, 'babyGender')?.name; // 'radio'
 */
export const defaultControls: readonly ControlEntry[] = [
  { name: 'text', rank: ranker({ widget: 'text', type: (d) => d.type === 'string' }), Control: TextControl },
  { name: 'textarea', rank: ranker({ widget: 'textarea' }), Control: TextareaControl },
  {
    name: 'number',
    rank: ranker({ widget: 'number', type: (d) => d.type === 'number' || d.type === 'integer' }),
    Control: NumberControl,
  },
  {
    name: 'date',
    rank: ranker({ widget: 'date', format: 'date', type: (d) => d.type === 'date' }),
    Control: DateControl,
  },
  {
    name: 'datetime',
    rank: ranker({ widget: 'datetime', format: 'date-time', type: (d) => d.type === 'datetime' }),
    Control: DateTimeControl,
  },
  {
    name: 'select',
    rank: ranker({ widget: 'select', options: (d) => optionCount(d) > MAX_RADIO_OPTIONS }),
    Control: SelectControl,
  },
  {
    name: 'radio',
    rank: ranker({
      widget: 'radio',
      options: (d) => optionCount(d) > 0 && optionCount(d) <= MAX_RADIO_OPTIONS,
    }),
    Control: RadioGroupControl,
  },
  {
    name: 'checkbox',
    rank: ranker({ widget: 'checkbox', options: (d) => d.type === 'array' && fieldOptions(d).length > 0 }),
    Control: CheckboxGroupControl,
  },
  {
    name: 'switch',
    rank: ranker({ widget: 'switch', type: (d) => d.type === 'boolean' }),
    Control: SwitchControl,
  },
  {
    name: 'id-card',
    rank: ranker({ widget: 'id-card', format: 'cn-id-card' }),
    Control: IdCardControl,
    liveErrors: (value) => typeof value === 'string' && value.length >= 18,
  },
  {
    name: 'mobile',
    rank: ranker({ widget: 'mobile', format: 'cn-mobile' }),
    Control: MobileControl,
    liveErrors: (value) => typeof value === 'string' && value.length >= 11,
  },
  { name: 'region', rank: ranker({ widget: 'region', format: 'cn-region-code' }), Control: RegionControl },
  { name: 'address', rank: ranker({ widget: 'address' }), Control: AddressControl },
  { name: 'repeat', rank: ranker({ widget: 'repeat', type: isObjectArray }), Control: RepeatGroupControl },
  { name: 'fallback', rank: () => RANK.fallback, Control: FallbackControl },
];

/**
 * The region cascader's entry with its own data location, for a host that serves `regions.json` itself
 * (the `region-data` attribute of `<onething-form>` does the same per form). Added after the defaults,
 * it wins the tie with the built-in entry.
 *
 * @example
 * const registry = createControlRegistry(defaultControls).with(regionControlEntry({ dataUrl: '/static/regions.json' }));
 */
export function regionControlEntry(options: RegionControlOptions): ControlEntry {
  return {
    name: 'region',
    rank: ranker({ widget: 'region', format: 'cn-region-code' }),
    Control: createRegionControl(options),
  };
}
