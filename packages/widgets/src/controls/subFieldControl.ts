import type { ComponentType } from 'preact';
import type { FieldShape } from '@onething/engine/runtime';
import type { ControlProps } from './types.js';
import { DateControl } from './DateControl.js';
import { DateTimeControl } from './DateTimeControl.js';
import { IdCardControl } from './IdCardControl.js';
import { MobileControl } from './MobileControl.js';
import { NumberControl } from './NumberControl.js';
import { RegionControl } from './RegionControl.js';
import { SelectControl } from './SelectControl.js';
import { SwitchControl } from './SwitchControl.js';
import { TextControl } from './TextControl.js';
import { fieldOptions } from './fieldOptions.js';

/** The simple control for a sub-field of a repeating group, by its options, format and type. */
export function subFieldControl(shape: FieldShape): ComponentType<ControlProps> {
  if (shape.type !== 'array' && fieldOptions(shape).length > 0) return SelectControl;
  if (shape.format === 'cn-id-card') return IdCardControl;
  if (shape.format === 'cn-mobile') return MobileControl;
  if (shape.format === 'cn-region-code') return RegionControl;
  switch (shape.type) {
    case 'integer':
    case 'number':
      return NumberControl;
    case 'date':
      return DateControl;
    case 'datetime':
      return DateTimeControl;
    case 'boolean':
      return SwitchControl;
    default:
      return TextControl;
  }
}
