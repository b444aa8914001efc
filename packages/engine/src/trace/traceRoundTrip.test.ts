// Record a real run of examples/newborn, check every line against the published schema, and replay it.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Bundle, PersonalDataKind } from '../bundle/types.js';
import { loadBundle } from '../bundle/loadBundle.js';
import { compileBundle } from '../compile/compileBundle.js';
import { createAjv } from '../validate/createAjv.js';
import { expectTraceReplays } from '../../test/fixtures/expectTraceReplays.js';
import { createFlow, newbornCompiled, newbornData, runNewborn } from '../../test/fixtures/newbornRun.js';
import { createTraceRecorder } from './createTraceRecorder.js';
import { replayTrace } from './replayTrace.js';

const root = new URL('../../../../', import.meta.url).pathname;
const schema = JSON.parse(
  readFileSync(join(root, 'packages/engine/schema/trace.schema.json'), 'utf8'),
) as object;

function recordNewborn(tokenise = true, compiled = newbornCompiled()): string {
  const flow = createFlow(compiled);
  const recorder = createTraceRecorder({
    flow,
    applicationId: 'A1',
    startedAt: '2025-03-20T09:00:00+08:00',
    tokenise,
    key: 'test-key',
    createdBy: 'traceRoundTrip.test',
  });
  runNewborn(flow, (input, decision) => recorder.record(input, decision));
  return recorder.toJsonl();
}

describe('trace of examples/newborn', () => {
  const text = recordNewborn();

  it('conforms line by line to schema/trace.schema.json', () => {
    const validate = createAjv().compile(schema);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const [index, line] of lines.entries()) {
      const ok = validate(JSON.parse(line));
      expect(ok, `line ${index + 1}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('holds no ID number or mobile of the applicant', () => {
    const data = newbornData();
    for (const key of [
      'motherIdNumber',
      'fatherIdNumber',
      'householderIdNumber',
      'motherMobile',
      'fatherMobile',
    ]) {
      expect(text).not.toContain(data[key] as string);
    }
  });

  it('replays, tokenised or not', () => {
    expect(replayTrace(newbornCompiled(), text)).toMatchObject({ ok: true, diagnostics: [] });
    expect(replayTrace(newbornCompiled(), recordNewborn(false))).toMatchObject({ ok: true, diagnostics: [] });
  });

  it('names a tampered line', () => {
    const lines = text.split('\n');
    const index = lines.findIndex((l) => l.includes('"receiptNo":"R-vaccineCert"'));
    lines[index] = lines[index]!.replace('"receiptNo":"R-vaccineCert"', '"receiptNo":"R-forged"');
    const result = replayTrace(newbornCompiled(), lines.join('\n'));
    expect(result.divergence).toMatchObject({ line: index + 1, step: index, what: 'state' });
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([['TRACE_DIVERGED', index + 1]]);
  });

  it('refuses to replay against another version of the bundle', () => {
    const changed = readFileSync(join(root, 'examples/newborn/bundle.yaml'), 'utf8').replace(
      /^version: .*$/m,
      'version: 9.9.9',
    );
    const result = replayTrace(compileBundle(loadBundle(changed)), text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TRACE_BUNDLE_MISMATCH']);
    expect(result.diagnostics[0]!.messages.en).toContain('version 1.');
  });

  it('expectTraceReplays finds the bundle next to the traces folder and reports a divergence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onething-trace-'));
    copyFileSync(join(root, 'examples/newborn/bundle.yaml'), join(dir, 'bundle.yaml'));
    mkdirSync(join(dir, 'traces'));
    writeFileSync(join(dir, 'traces/happy-path.jsonl'), text);
    await expect(expectTraceReplays(join(dir, 'traces/happy-path.jsonl'))).resolves.toMatchObject({
      ok: true,
    });
    writeFileSync(
      join(dir, 'traces/tampered.jsonl'),
      text.replace('"status":"completed"', '"status":"withdrawn"'),
    );
    await expect(expectTraceReplays(join(dir, 'traces/tampered.jsonl'))).rejects.toThrow(
      /TRACE_DIVERGED[\s\S]*- "withdrawn"\n\s+\+ "completed"/,
    );
  });
});

describe('trace of examples/newborn with names, addresses and accounts marked personal', () => {
  const bundle = parse(readFileSync(join(root, 'examples/newborn/bundle.yaml'), 'utf8')) as Bundle;
  const marks: Record<string, PersonalDataKind> = {
    babyName: 'name',
    motherName: 'name',
    fatherName: 'name',
    householderName: 'name',
    bankAccountName: 'name',
    hukouAddress: 'address',
    residenceAddress: 'address',
    mailingAddress: 'address',
    birthPlaceDetail: 'address',
    bankAccountNo: 'account',
  };
  for (const [key, kind] of Object.entries(marks)) bundle.fields[key]!.personal = kind;
  const loaded = loadBundle(JSON.stringify(bundle));
  const compiled = compileBundle(loaded);
  const text = recordNewborn(true, compiled);

  it('tokenises them and still replays (patterns and cross-field rules hold on the tokens)', () => {
    expect(loaded.ok).toBe(true);
    const data = newbornData();
    for (const key of Object.keys(marks)) expect(text).not.toContain(data[key] as string);
    const submit = JSON.parse(text.split('\n')[2]!) as { input: { event: { data: Record<string, string> } } };
    expect(submit.input.event.data.bankAccountName).toBe(submit.input.event.data.motherName);
    expect(submit.input.event.data.hukouAddress!.startsWith('某地址')).toBe(true);
    expect(replayTrace(compiled, text)).toMatchObject({ ok: true, diagnostics: [] });
  });
});
