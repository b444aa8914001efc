// A bare API for the http*.test.ts files: SQLite in a temporary folder, the example bundles, the
// service on a settable clock, and no worker, so each test moves the flow itself.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  createApplicationService,
  createHttpApp,
  createSqliteStorage,
  loadBundles,
  type ApplicationService,
  type HttpAppOptions,
  type SqliteStorage,
} from '../src/index.js';

export const root = join(__dirname, '../../..');
export const newbornData = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, 'examples/newborn/data/valid-complete.json'), 'utf8')) as Record<
    string,
    unknown
  >;
export const newbornMaterials = (): Record<string, unknown> =>
  (
    JSON.parse(readFileSync(join(root, 'examples/newborn/scenarios/happy-path.json'), 'utf8')) as {
      materials: Record<string, unknown>;
    }
  ).materials;

export const CALLBACK_SECRET = 'police-secret-for-tests';
const bundles = loadBundles(join(root, 'examples'));

export interface TestApi {
  app: FastifyInstance;
  storage: SqliteStorage;
  service: ApplicationService;
  clock: { ms: number; now(): number };
  /** Create a newborn application through the API; its id and token. */
  submit(headers?: Record<string, string>): Promise<{ id: string; token: string }>;
  /** Answer every dispatch in flight as accepted (what a worker would do), so items are in review. */
  acceptDispatches(id: string): Promise<void>;
  /** Accept the first dispatches and issue 出生医学证明 (birthCert), so 出生登记 (birthReg) is in review. */
  reachBirthRegReview(id: string): Promise<void>;
  close(): Promise<void>;
}

export async function createTestApi(options: Partial<HttpAppOptions> = {}): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'onething-http-'));
  const storage = createSqliteStorage(join(dir, 'onething.db'));
  const clock = {
    ms: Date.parse('2025-03-20T09:30:00+08:00'),
    now() {
      return this.ms;
    },
  };
  const service = createApplicationService({ storage, bundles, clock });
  const app = await createHttpApp({
    service,
    storage,
    bundles,
    callbackSecrets: { police: CALLBACK_SECRET },
    ...options,
  });
  async function acceptDispatches(id: string) {
    const application = await service.get(id);
    for (const [callId, call] of Object.entries(application!.state.pending))
      if (call.type === 'dispatch')
        await service.send(id, {
          type: 'adapterResult',
          item: call.item,
          callId,
          result: { status: 'accepted', receiptNo: `R-${call.item}` },
        });
  }
  return {
    app,
    storage,
    service,
    clock,
    async submit(headers = {}) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/applications',
        headers,
        payload: { bundleId: 'newborn', data: newbornData(), materials: newbornMaterials() },
      });
      if (res.statusCode !== 201) throw new Error(`submit: ${res.statusCode} ${res.body}`);
      return res.json() as { id: string; token: string };
    },
    acceptDispatches,
    async reachBirthRegReview(id) {
      await acceptDispatches(id);
      await service.send(id, {
        type: 'departmentUpdate',
        item: 'birthCert',
        eventId: 'health:birthCert-issued',
        update: { status: 'issued', outputs: { birthCertNo: 'O350123456' } },
      });
      await acceptDispatches(id);
    },
    async close() {
      await app.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every 4xx of the API: `{ error, diagnostics }` with at least one diagnostic, and no stack. */
export function expectErrorBody(body: string): {
  error: string;
  diagnostics: Array<{ code: string; path: string; params: Record<string, unknown> }>;
} {
  const parsed = JSON.parse(body) as { error: unknown; diagnostics: unknown };
  if (
    typeof parsed.error !== 'string' ||
    !Array.isArray(parsed.diagnostics) ||
    parsed.diagnostics.length === 0
  )
    throw new Error(`not an error body: ${body}`);
  for (const d of parsed.diagnostics as Array<Record<string, unknown>>)
    for (const key of ['code', 'severity', 'path', 'message', 'messages', 'params'])
      if (!(key in d)) throw new Error(`diagnostic without ${key}: ${JSON.stringify(d)}`);
  if (/\bat .*\(.*:\d+:\d+\)|node_modules|\.ts:\d+/.test(body)) throw new Error(`stack trace in ${body}`);
  return parsed as ReturnType<typeof expectErrorBody>;
}
