import type { CompiledBundle, Lang, MaterialDecisions } from '@onething/engine';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createSimulation, type Simulation } from './createSimulation.js';
import type { SimulationSnapshot } from './SimulationSnapshot.js';

/**
 * A simulation of the given form data and materials, recreated when they change or `generation`
 * moves on (start over), and its current snapshot; the component re-renders on every change.
 */
export function useSimulation(
  compiled: CompiledBundle,
  data: Record<string, unknown>,
  materials: MaterialDecisions,
  lang: Lang,
  generation: number,
): { sim: Simulation; snapshot: SimulationSnapshot } {
  // `lang` is left out on purpose: a new language re-labels the run (setLang below), it does not restart it.
  const sim = useMemo(
    () => createSimulation(compiled, { data, materials, lang }),
    [compiled, data, materials, generation],
  );
  const [, setVersion] = useState(0);
  useEffect(() => {
    const unsubscribe = sim.subscribe(() => setVersion((v) => v + 1));
    return () => {
      unsubscribe();
      sim.dispose();
    };
  }, [sim]);
  useEffect(() => sim.setLang(lang), [sim, lang]);
  return { sim, snapshot: sim.getSnapshot() };
}
