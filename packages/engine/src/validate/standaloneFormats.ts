import type { Format } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { formats } from './formats.js';

/**
 * Every format a precompiled validator may call: ajv-formats' full set plus the `cn-*` formats.
 *
 * Generated standalone modules (see `compileStandalone` in `@onething/engine/node`) import this
 * object from `@onething/engine`, so they work in the browser without `new Function`.
 */
export const standaloneFormats: Record<string, Format> = { ...fullFormats, ...formats };
