import { readFile, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import type { LoadedBundle } from '../bundle/loadBundle.js';
import { compileBundle } from '../compile/compileBundle.js';
import type { Lang } from '../diagnostics/types.js';
import { createFlow } from '../flow/createFlow.js';
import type { MaterialDecisions } from '../form/types.js';
import { describeStep } from '../runner/describeStep.js';
import { checkSimulationScript } from '../runner/checkSimulationScript.js';
import { simulateApplication } from '../runner/simulateApplication.js';
import type { SimulationScript } from '../runner/SimulationScript.js';
import { createTraceRecorder } from '../trace/createTraceRecorder.js';
import { parseTrace } from '../trace/parseTrace.js';
import { replayTrace } from '../trace/replayTrace.js';
import { formatDiagnostics } from './formatDiagnostics.js';
import { readBundleFile, FileReadError } from './readBundleFile.js';

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FileReadError(`${file}: ${(error as NodeJS.ErrnoException).code ?? 'cannot read'}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FileReadError(`${file}: ${what} is not JSON (${(error as Error).message})`);
  }
}

export interface SimulateArgs {
  data: string;
  materials?: string;
  script?: string;
  record?: string;
  json: boolean;
  lang: Lang;
}

/** `onething simulate`: run one application through the flow with in-memory departments on a virtual clock. */
export async function simulateCommand(
  loaded: LoadedBundle,
  args: SimulateArgs,
  io: CommandIo,
): Promise<number> {
  const data = await readJson(args.data, 'the data');
  const materials = args.materials ? await readJson(args.materials, 'the materials') : undefined;
  const script = (args.script ? await readJson(args.script, 'the script') : {}) as SimulationScript;
  const scriptProblems = checkSimulationScript(script).filter((d) => d.severity === 'error');
  if (scriptProblems.length > 0) {
    io.err(formatDiagnostics(args.script ?? 'script', scriptProblems));
    return 1;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    io.err(`${args.data}: the data must be a JSON object of field values`);
    return 1;
  }
  const flow = createFlow(compileBundle(loaded), { lang: args.lang });
  const result = await simulateApplication(flow, {
    data: data as Record<string, unknown>,
    materials: (materials ?? script.materials ?? {}) as MaterialDecisions,
    script,
  });
  const first = result.steps[0];
  if (args.record && first) {
    const recorder = createTraceRecorder({
      flow,
      applicationId: result.state.applicationId,
      startedAt: result.state.createdAt,
      idSource: randomUUID,
      createdBy: 'onething simulate',
    });
    for (const step of result.steps) recorder.record(step.input, step.decision);
    try {
      await writeFile(args.record, recorder.toJsonl());
    } catch (error) {
      throw new FileReadError(`${args.record}: ${(error as NodeJS.ErrnoException).code ?? 'cannot write'}`);
    }
  }
  if (args.json) {
    const items = Object.fromEntries(Object.entries(result.state.items).map(([id, item]) => [id, item]));
    io.out(
      JSON.stringify(
        { status: result.state.status, items, outputs: result.state.outputs, notice: result.state.notice },
        null,
        2,
      ),
    );
  } else {
    for (const step of result.steps) io.out(describeStep(flow, step, args.lang));
    io.out(args.lang === 'en' ? `final: ${result.state.status}` : `结果：${result.state.status}`);
    const notice = result.state.notice;
    if (result.state.status === 'draft' && notice) {
      io.out(args.lang === 'en' ? 'One-time notice (not submitted):' : '一次性告知（未提交）：');
      const text = (t: { 'zh-CN': string; en?: string }) =>
        args.lang === 'en' ? (t.en ?? t['zh-CN']) : t['zh-CN'];
      for (const group of notice.byDepartment) {
        io.out(`  ${text(group.name)}`);
        for (const entry of group.entries) {
          const why = entry.diagnostics.map((d) =>
            args.lang === 'en' ? d.messages.en : d.messages['zh-CN'],
          );
          io.out(`    - ${text(entry.label)}: ${why.join('; ')}`);
        }
      }
    }
    if (args.record) io.out(args.lang === 'en' ? `recorded ${args.record}` : `已记录 ${args.record}`);
  }
  return result.state.status === 'draft' ? 1 : 0;
}

/**
 * `onething replay <trace...>`: replay each trace through the decider. Exit 0 when all reproduce,
 * 1 when one diverges (the step is named), 2 when a file is unreadable, malformed or of another bundle.
 */
export async function replayCommand(
  traces: string[],
  bundleFile: string | undefined,
  lang: Lang,
  io: CommandIo,
): Promise<number> {
  let worst = 0;
  for (const file of traces) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.err(`${file}: ${(error as NodeJS.ErrnoException).code ?? 'cannot read'}`);
      worst = 2;
      continue;
    }
    const parsed = parseTrace(text);
    if (!parsed.ok) {
      io.err(formatDiagnostics(file, parsed.diagnostics));
      worst = 2;
      continue;
    }
    const bundlePath = bundleFile ?? (await findBundle(file));
    let loaded: LoadedBundle;
    try {
      loaded = await readBundleFile(bundlePath, { lang });
    } catch (error) {
      io.err(
        `${file}: cannot read the bundle ${bundlePath} (${(error as Error).message}); pass --bundle <file>`,
      );
      worst = 2;
      continue;
    }
    if (!loaded.ok) {
      io.err(formatDiagnostics(bundlePath, loaded.diagnostics));
      worst = 2;
      continue;
    }
    const result = replayTrace(compileBundle(loaded), parsed, { flowOptions: { lang } });
    if (result.ok) {
      io.out(
        lang === 'en' ? `${file}: ${result.steps} steps reproduce` : `${file}：${result.steps} 步全部重现`,
      );
      continue;
    }
    if (result.divergence) {
      const { step, line, what, diff } = result.divergence;
      io.err(
        lang === 'en'
          ? `${file}:${line}: step ${step} diverges (${what})\n${diff}`
          : `${file}:${line}：第 ${step} 步不一致（${what}）\n${diff}`,
      );
      worst = Math.max(worst, 1);
    } else {
      io.err(formatDiagnostics(file, result.diagnostics));
      worst = 2;
    }
  }
  return worst;
}

/** The bundle of a trace in `examples/<name>/traces/`: `../bundle.yaml` (or `.json`). */
async function findBundle(traceFile: string): Promise<string> {
  const dir = resolve(dirname(traceFile), '..');
  for (const name of ['bundle.yaml', 'bundle.yml', 'bundle.json']) {
    const candidate = join(dir, name);
    try {
      await readFile(candidate);
      return candidate;
    } catch {
      // try the next name
    }
  }
  return join(dir, 'bundle.yaml');
}
