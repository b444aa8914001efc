import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { createDataDiagnostic, maskPersonalData, type FlowEvent } from '@onething/engine';
import type { BundleRegistry } from '../bundles/loadBundles.js';
import type { ApplicationService } from '../service/createApplicationService.js';
import { summary } from '../service/createApplicationService.js';
import type { Storage } from '../storage/types.js';

export interface HttpAppOptions {
  service: ApplicationService;
  storage: Storage;
  bundles: BundleRegistry;
  /** Department id → shared secret of its callbacks (HMAC-SHA256 of the raw body). */
  callbackSecrets: Record<string, string>;
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Log requests (personal data masked); default off. */
  logger?: boolean;
  /** Called after a change that created jobs, so an in-process worker can start at once. */
  onWork?: () => void;
}

/** Events an applicant may send (the rest come from departments, timers and operators). */
const APPLICANT_EVENTS = new Set(['supply', 'answerCorrection', 'withdraw', 'verificationResult']);

const bearer = (header: string | undefined): string | undefined =>
  header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;

/** `sha256=<hex>` over the raw body with the department's secret, compared in constant time. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(header.slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The HTTP API (fastify). Errors are data: every 4xx carries `{ error, diagnostics }`, never a stack.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const { service, bundles, storage } = options;
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    logger: options.logger
      ? {
          serializers: {
            req: (req: { method: string; url: string }) => ({
              method: req.method,
              url: maskPersonalData(req.url),
            }),
          },
        }
      : false,
  });
  // Keep the raw body of JSON requests: callbacks are signed over it.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    (req as unknown as { rawBody: string }).rawBody = body as string;
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch {
      const error = new Error('malformed JSON') as Error & { statusCode: number };
      error.statusCode = 400;
      done(error, undefined);
    }
  });
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (!error.statusCode || error.statusCode >= 500) req.log.error({ err: error }, 'request failed');
    if (process.env.ONETHING_DEBUG) console.error(error);
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    void reply.status(status).send({
      error: status >= 500 ? 'internal error' : error.message,
      ...(error.code ? { code: error.code } : {}),
    });
  });

  app.get('/api/health', async () => ({ ok: true, storage: storage.kind }));

  app.get('/api/bundles', async () =>
    bundles.list().map((b) => ({ id: b.id, version: b.version, title: b.compiled.bundle.title })),
  );
  app.get<{ Params: { id: string } }>('/api/bundles/:id', async (req, reply) => {
    const served = bundles.get(req.params.id);
    if (!served) return reply.status(404).send({ error: 'unknown bundle', diagnostics: [] });
    return { id: served.id, version: served.version, bundle: served.compiled.bundle };
  });

  app.post<{ Body: { bundleId?: unknown; data?: unknown; materials?: unknown } }>(
    '/api/applications',
    async (req, reply) => {
      const body = req.body;
      if (typeof body !== 'object' || body === null || typeof body.bundleId !== 'string')
        return reply.status(400).send({
          error: 'expected { bundleId, data, materials }',
          diagnostics: [createDataDiagnostic('DATA_NOT_OBJECT', { path: '' })],
        });
      const result = await service.create({
        bundleId: body.bundleId,
        data: body.data,
        materials: body.materials,
      });
      if (!result.ok)
        return reply.status(result.status).send({
          error: result.status === 404 ? 'unknown bundle' : 'invalid application',
          diagnostics: result.diagnostics,
        });
      options.onWork?.();
      return reply.status(201).send({
        id: result.application.id,
        token: result.token,
        revision: result.application.revision,
        state: summary(result.application.state),
      });
    },
  );

  app.get<{ Params: { id: string } }>('/api/applications/:id', async (req, reply) => {
    const application = await service.get(req.params.id);
    // The same answer for "no such application" and "not yours": ids are not probed.
    if (!application || !service.owns(application, bearer(req.headers.authorization)))
      return reply.status(404).send({ error: 'no such application', diagnostics: [] });
    return {
      id: application.id,
      bundleId: application.bundleId,
      revision: application.revision,
      state: application.state,
    };
  });

  app.post<{ Params: { id: string }; Body: FlowEvent }>(
    '/api/applications/:id/events',
    async (req, reply) => {
      const application = await service.get(req.params.id);
      if (!application || !service.owns(application, bearer(req.headers.authorization)))
        return reply.status(404).send({ error: 'no such application', diagnostics: [] });
      const event = req.body;
      if (typeof event !== 'object' || event === null || !APPLICANT_EVENTS.has(String(event.type)))
        return reply
          .status(400)
          .send({ error: `expected one of ${[...APPLICANT_EVENTS].join(', ')}`, diagnostics: [] });
      const result = await service.send(application.id, event);
      const diagnostics = result.decision?.diagnostics ?? [];
      if (result.revision === application.revision && diagnostics.length > 0)
        return reply.status(409).send({ error: 'not allowed now', diagnostics });
      options.onWork?.();
      return { revision: result.revision, state: summary(result.decision!.state), diagnostics };
    },
  );

  app.post<{
    Params: { department: string };
    Body: { applicationId?: unknown; item?: unknown; eventId?: unknown; update?: unknown };
  }>('/api/callbacks/:department', async (req, reply) => {
    const secret = Object.hasOwn(options.callbackSecrets, req.params.department)
      ? options.callbackSecrets[req.params.department]
      : undefined;
    const raw = (req as unknown as { rawBody?: string }).rawBody ?? '';
    if (!secret || !verifySignature(secret, raw, req.headers['x-onething-signature'] as string | undefined))
      return reply.status(401).send({ error: 'bad signature', diagnostics: [] });
    const body = req.body;
    if (
      typeof body !== 'object' ||
      body === null ||
      typeof body.applicationId !== 'string' ||
      typeof body.item !== 'string' ||
      typeof body.eventId !== 'string'
    )
      return reply
        .status(400)
        .send({ error: 'expected { applicationId, item, eventId, update }', diagnostics: [] });
    const application = await service.get(body.applicationId);
    const item =
      application && bundles.get(application.bundleId)?.compiled.bundle.items.find((i) => i.id === body.item);
    if (!application || !item || String(item.department) !== req.params.department)
      return reply
        .status(404)
        .send({ error: 'no such application item for this department', diagnostics: [] });
    const result = await service.send(application.id, {
      type: 'departmentUpdate',
      item: body.item,
      eventId: `${req.params.department}:${body.eventId}`,
      update: body.update as never,
    });
    options.onWork?.();
    // A replayed event id is accepted and changes nothing (the state's inbox de-duplicates).
    return { revision: result.revision, diagnostics: result.decision?.diagnostics ?? [] };
  });

  return app;
}
