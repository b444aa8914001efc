import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { LoadedBundle } from '../bundle/loadBundle.js';
import { compileBundle } from '../compile/compileBundle.js';
import { validateApplication } from '../form/validateApplication.js';
import { itemSchemas } from '../merge/itemSchemas.js';
import { readBundleFile, FileReadError } from './readBundleFile.js';
import { formatDiagnostics } from './formatDiagnostics.js';
import { compileBundleModule, type BundleModuleStats } from './compileBundleModule.js';
import { generateTypes } from './generateTypes.js';
import { summarizeBundle } from './summarizeBundle.js';
import { replayCommand, simulateCommand } from './flowCommands.js';

const USAGE = `Usage: onething <command> <bundle.yaml|bundle.json> [options]

Commands:
  validate <bundle> [--json] [--lang zh-CN|en]     diagnose a bundle
  summary  <bundle> [--lang zh-CN|en]              print the merged form (一表) summary
  compile  <bundle> --out <dir>                    write bundle.js (for the browser runtime), merged.schema.json, items/<id>.schema.json
  split    <bundle> --data <merged.json> [--today YYYY-MM-DD]
                                                   print each item's payload in its department's field names
  typegen  <bundle> [--out <file.ts>]              TypeScript types for the merged data and each item
  simulate <bundle> --data <merged.json> [--materials <decisions.json>] [--script <outcomes.json>]
           [--json] [--record <trace.jsonl>]       run one application through the flow with in-memory
                                                   departments on a virtual clock; print the timeline
  replay   <trace.jsonl...> [--bundle <file>]      replay recorded traces through the decider
                                                   (the bundle defaults to ../bundle.yaml of each trace)
  serve    [--bundles <dir>] [--port 8080]         the API and a worker (SQLite in ./data, or DATABASE_URL)
  worker                                           an extra worker process (PostgreSQL: DATABASE_URL)

Exit codes: 0 fine (warnings allowed), 1 the bundle or data has errors (replay: a trace diverges),
2 usage or I/O error (replay: a trace file is unreadable, malformed or of another bundle).`;

class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Run the CLI; resolves to the exit code. Never throws for bad input. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`onething: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof FileReadError) {
      io.err(`onething: cannot read ${error.message}`);
      return 2;
    }
    io.err(`onething: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

/** `serve` and `worker` live in the server package, installed beside the engine (not a dependency of it). */
const SERVER_COMMANDS = new Set(['serve', 'worker']);
const SERVER_CLI = '@onething/server/cli';

async function run(argv: string[], io: Io): Promise<number> {
  if (argv[0] !== undefined && SERVER_COMMANDS.has(argv[0])) {
    let server: { main(argv: string[], io: Io): Promise<number> };
    try {
      server = (await import(/* @vite-ignore */ SERVER_CLI)) as typeof server;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
        throw new UsageError(`${argv[0]} needs the server package: npm install @onething/server`);
      throw error;
    }
    return server.main(argv, io);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'zh-CN' },
        out: { type: 'string' },
        data: { type: 'string' },
        today: { type: 'string' },
        materials: { type: 'string' },
        script: { type: 'string' },
        record: { type: 'string' },
        bundle: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    throw new UsageError('missing command');
  }
  const [command, file, ...rest] = positionals;
  const lang = values.lang as Lang;
  if (lang !== 'zh-CN' && lang !== 'en')
    throw new UsageError(`--lang must be zh-CN or en, got ${String(values.lang)}`);
  if (command === 'replay') {
    if (!file) throw new UsageError('replay needs at least one trace file');
    return replayCommand([file, ...rest], values.bundle, lang, io);
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`);
  const commands = ['validate', 'summary', 'compile', 'split', 'typegen', 'simulate'];
  if (!commands.includes(command!)) throw new UsageError(`unknown command ${command}`);
  if (!file) throw new UsageError(`${command} needs a bundle file`);

  const loaded = await readBundleFile(file, { lang });
  const report = (diagnostics: Diagnostic[]) => {
    if (values.json)
      io.out(JSON.stringify({ ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics }, null, 2));
    else if (diagnostics.length > 0) io.err(formatDiagnostics(file, diagnostics));
  };

  if (command === 'validate') {
    report(loaded.diagnostics);
    if (!values.json) {
      const counts = count(loaded.diagnostics);
      io.out(
        lang === 'en'
          ? `${file}: ${counts.error} error(s), ${counts.warning} warning(s)`
          : `${file}：${counts.error} 个错误，${counts.warning} 个警告`,
      );
    }
    return loaded.ok ? 0 : 1;
  }
  if (!loaded.ok) {
    report(loaded.diagnostics);
    return 1;
  }
  switch (command) {
    case 'summary':
      io.out(summarizeBundle(loaded, lang));
      return 0;
    case 'compile':
      return compileCommand(loaded, values.out, io);
    case 'split':
      return splitCommand(loaded, values.data, values.today, lang, values.json ?? false, io);
    case 'simulate':
      if (!values.data) throw new UsageError('simulate needs --data <merged.json>');
      return simulateCommand(
        loaded,
        {
          data: values.data,
          ...(values.materials ? { materials: values.materials } : {}),
          ...(values.script ? { script: values.script } : {}),
          ...(values.record ? { record: values.record } : {}),
          json: values.json ?? false,
          lang,
        },
        io,
      );
    default:
      return typegenCommand(loaded, values.out, io);
  }
}

function count(diagnostics: Diagnostic[]) {
  return {
    error: diagnostics.filter((d) => d.severity === 'error').length,
    warning: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

async function compileCommand(loaded: LoadedBundle, out: string | undefined, io: Io): Promise<number> {
  if (!out) throw new UsageError('compile needs --out <dir>');
  const compiled = compileBundle(loaded);
  const items = itemSchemas(compiled.bundle);
  let stats: BundleModuleStats | undefined;
  try {
    await mkdir(join(out, 'items'), { recursive: true });
    await writeFile(join(out, 'merged.schema.json'), JSON.stringify(compiled.form.schema, null, 2) + '\n');
    for (const [id, schema] of Object.entries(items)) {
      await writeFile(join(out, 'items', `${id}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
    }
    const module = compileBundleModule(compiled);
    await writeFile(join(out, 'bundle.js'), module.source);
    stats = module.stats;
  } catch (error) {
    throw new FileReadError(`${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  io.out(
    `wrote ${join(out, 'bundle.js')} (${stats!.fields} fields, ${stats!.fieldValidators} distinct field validators, ${stats!.itemValidators} item validators), merged.schema.json and ${Object.keys(items).length} item schemas`,
  );
  return 0;
}

async function splitCommand(
  loaded: LoadedBundle,
  dataFile: string | undefined,
  today: string | undefined,
  lang: Lang,
  json: boolean,
  io: Io,
): Promise<number> {
  if (!dataFile) throw new UsageError('split needs --data <merged.json>');
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new UsageError('--today must be YYYY-MM-DD');
  let text: string;
  try {
    text = await readFile(dataFile, 'utf8');
  } catch (error) {
    throw new FileReadError(`${dataFile}: ${(error as NodeJS.ErrnoException).code ?? 'cannot read'}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const diagnostic = {
      code: 'SYNTAX_JSON',
      severity: 'error',
      path: '',
      message: `${lang === 'en' ? 'JSON syntax error' : 'JSON 语法错误'}: ${(error as Error).message}`,
    };
    if (json) io.out(JSON.stringify({ ok: false, diagnostics: [diagnostic] }, null, 2));
    else io.err(`${dataFile}  error  SYNTAX_JSON  ${diagnostic.message}`);
    return 1;
  }
  const compiled = compileBundle(loaded);
  const result = validateApplication(compiled, data, {
    lang,
    checkMaterials: false,
    ...(today ? { today: () => today } : {}),
  });
  if (!result.ok) {
    if (json) io.out(JSON.stringify({ ok: false, diagnostics: result.diagnostics }, null, 2));
    else io.err(formatDiagnostics(dataFile, result.diagnostics));
    return 1;
  }
  io.out(JSON.stringify(result.payloads, null, 2));
  return 0;
}

async function typegenCommand(loaded: LoadedBundle, out: string | undefined, io: Io): Promise<number> {
  const compiled = compileBundle(loaded);
  const source = await generateTypes({
    merged: compiled.form.schema,
    items: itemSchemas(compiled.bundle),
    bundleId: compiled.bundle.id,
  });
  if (!out) {
    io.out(source);
    return 0;
  }
  try {
    await writeFile(out, source);
  } catch (error) {
    throw new FileReadError(`${out}: ${(error as NodeJS.ErrnoException).code ?? 'cannot write'}`);
  }
  io.out(`wrote ${out}`);
  return 0;
}
