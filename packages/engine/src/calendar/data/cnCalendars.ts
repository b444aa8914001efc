import type { CalendarYear } from '../types.js';
import { cn2025 } from './cn2025.js';
import { cn2026 } from './cn2026.js';

/**
 * The built-in State Council holiday notices, oldest first. A new notice appears each November:
 * add a `cnYYYY.ts` beside these and list it here, or pass it to `createWorkCalendar` directly.
 */
export const cnCalendars: readonly CalendarYear[] = [cn2025, cn2026];
