import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { createWorkCalendar, maskPersonalData, type WorkCalendar } from '@onething/engine';
import type { BundleRegistry } from '../bundles/loadBundles.js';
import type { ApplicationService } from '../service/createApplicationService.js';
import type { Storage } from '../storage/types.js';
import { actionRoutes } from './actionRoutes.js';
import { SHARED_SCHEMAS } from './apiSchemas.js';
import { applicationRoutes } from './applicationRoutes.js';
import { buildBundleScripts } from './buildBundleScripts.js';
import { bundleRoutes } from './bundleRoutes.js';
import { callbackRoutes } from './callbackRoutes.js';
import { createAdmission } from './createAdmission.js';
import type { AuthorizeHook, HttpContext, OperatorQueries } from './HttpContext.js';
import { errorBody, httpDiagnostic, type HttpDiagnostic } from './httpDiagnostics.js';
import { operatorRoutes } from './operatorRoutes.js';
import { streamRoute } from './streamRoute.js';

export { verifySignature, signCallback } from './callbackSignature.js';

export interface HttpAppOptions {
  service: ApplicationService;
  storage: Storage;
  bundles: BundleRegistry;
  /** Department id → shared secret of its callbacks (HMAC-SHA256 of `<timestamp>.<raw body>`). */
  callbackSecrets: Record<string, string>;
  /** How far a callback's timestamp may be from now (default 5 minutes). */
  callbackToleranceMs?: number;
  /**
   * Callbacks processed at once (default 16) and waiting for their turn (default 128); a delivery
   * beyond both is answered 503 with `Retry-After: 1` at once (departments deliver again).
   */
  callbackLimit?: { concurrency?: number; queue?: number };
  /** Largest request body in bytes (default 1 MiB; callbacks 256 KiB, ratings 16 KiB). */
  bodyLimit?: number;
  /**
   * Log requests: `true` for JSON lines on stdout, or where to write them. Every line goes through
   * the engine's `maskPersonalData` (ID and mobile numbers masked) and URLs lose their `token`.
   */
  logger?: boolean | { stream: { write(line: string): unknown }; level?: string };
  /** Called after a change that created jobs, so an in-process worker can start at once. */
  onWork?: () => void;
  /** A host's check of applicants, tried when a request has no valid application token. */
  authorize?: AuthorizeHook;
  /** The operators' bearer token (default `ONETHING_OPERATOR_TOKEN`); none: no operator endpoints. */
  operatorToken?: string;
  /** Dead jobs and open applications for the operators (default: the storage's own, if it has them). */
  operatorQueries?: OperatorQueries;
  /** Requests per IP and window (default 100,000 a minute: protection from floods, not from load). */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** Working-day calendar of the deadlines shown (default: the engine's). */
  calendar?: WorkCalendar;
  /** How often an event stream looks for new revisions (default 250 ms) and sends a heartbeat (15 s). */
  streamPollMs?: number;
  heartbeatMs?: number;
  /** Wall clock of transport checks (callback timestamps); default `Date.now`. */
  now?: () => number;
}

/** A URL for the logs: without the query's token, personal numbers masked. */
const logUrl = (url: string): string => maskPersonalData(url.replace(/([?&]token=)[^&#]*/g, '$1…'));

/** The diagnostics of a failed request, from fastify's error (never its stack). */
function errorDiagnostics(
  error: FastifyError & { after?: string },
  status: number,
  limit: number,
  contentType: string,
): HttpDiagnostic[] {
  if (error.validation)
    return error.validation.map((v) =>
      httpDiagnostic(
        'HTTP_INVALID_REQUEST',
        { location: error.validationContext ?? 'body', detail: v.message ?? v.keyword, ...v.params },
        v.instancePath,
      ),
    );
  if (error.code === 'HTTP_MALFORMED_JSON') return [httpDiagnostic('HTTP_MALFORMED_JSON')];
  if (error.code === 'HTTP_NUL_CHARACTER') return [httpDiagnostic('HTTP_NUL_CHARACTER')];
  if (status === 413) return [httpDiagnostic('HTTP_BODY_TOO_LARGE', { limit })];
  if (status === 415)
    return [httpDiagnostic('HTTP_UNSUPPORTED_MEDIA_TYPE', { contentType: contentType.slice(0, 100) })];
  if (status === 429) return [httpDiagnostic('HTTP_RATE_LIMITED', { after: error.after ?? '' })];
  return [httpDiagnostic('HTTP_ERROR', { status })];
}

/**
 * The HTTP API (fastify 5), every route with JSON schemas (validated by ajv, listed in the OpenAPI
 * document at `GET /api/openapi.json`). Errors are data: every 4xx carries `{ error, diagnostics }`,
 * never a stack.
 *
 * @example
 * const app = await createHttpApp({ service, storage, bundles, callbackSecrets: { hospital: secret } });
 * await app.listen({ port: 8080 });
 */
export async function createHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const logger = options.logger;
  const out = typeof logger === 'object' ? logger.stream : process.stdout;
  const app = Fastify({
    bodyLimit,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
    logger: logger
      ? {
          level: (typeof logger === 'object' && logger.level) || 'info',
          stream: { write: (line: string) => out.write(maskPersonalData(line)) },
          serializers: {
            req: (req: { method: string; url: string }) => ({ method: req.method, url: logUrl(req.url) }),
          },
        }
      : false,
  });
  const ctx: HttpContext = {
    service: options.service,
    storage: options.storage,
    bundles: options.bundles,
    calendar: options.calendar ?? createWorkCalendar(),
    now: options.now ?? Date.now,
    ...(options.authorize ? { authorize: options.authorize } : {}),
    ...(options.onWork ? { onWork: options.onWork } : {}),
    callbackSecrets: options.callbackSecrets,
    callbackToleranceMs: options.callbackToleranceMs ?? 5 * 60_000,
    callbackGate: createAdmission({
      concurrency: options.callbackLimit?.concurrency ?? 16,
      queue: options.callbackLimit?.queue ?? 128,
    }),
    ...((options.operatorToken ?? process.env.ONETHING_OPERATOR_TOKEN)
      ? { operatorToken: (options.operatorToken ?? process.env.ONETHING_OPERATOR_TOKEN)! }
      : {}),
    operatorQueries: options.operatorQueries ?? (options.storage as OperatorQueries),
    streamPollMs: options.streamPollMs ?? 250,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    streams: new Set(),
  };

  // JSON only (anything else is 415), parsed by fastify's prototype-poisoning-safe parser; the raw
  // text is kept, since callbacks are signed over it. A parse error never echoes the body.
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    (req as unknown as { rawBody: string }).rawBody = body as string;
    if (body === '') return done(null, undefined);
    // U+0000 is no text any form needs, and PostgreSQL cannot store it in JSONB: refused up front.
    if ((body as string).includes('\\u0000')) {
      const error = Object.assign(new Error('NUL character in the body'), {
        statusCode: 400,
        code: 'HTTP_NUL_CHARACTER',
      });
      return done(error, undefined);
    }
    parseJson(req, body as string, (error, value) => {
      if (!error) return done(null, value);
      const malformed = Object.assign(new Error('malformed JSON'), {
        statusCode: 400,
        code: 'HTTP_MALFORMED_JSON',
      });
      done(malformed, undefined);
    });
  });

  app.setErrorHandler((error: FastifyError & { after?: string }, req, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    void reply
      .status(status)
      .send(
        errorBody(
          status >= 500 ? 'internal error' : error.message,
          errorDiagnostics(error, status, bodyLimit, req.headers['content-type'] ?? ''),
        ),
      );
  });
  app.setNotFoundHandler((_req, reply) => {
    void reply
      .status(404)
      .send(errorBody('not found', [httpDiagnostic('HTTP_NOT_FOUND', { what: 'route' })]));
  });

  if (options.rateLimit !== false)
    await app.register(rateLimit, {
      max: options.rateLimit?.max ?? 100_000,
      timeWindow: options.rateLimit?.timeWindowMs ?? 60_000,
      errorResponseBuilder: (_req, context) =>
        Object.assign(new Error(`rate limit exceeded, retry in ${context.after}`), {
          statusCode: 429,
          after: context.after,
        }),
    });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'onething server',
        version: '0.1.0',
        description:
          'Durable 一件事 applications: bundles, applications, status stream, department callbacks.',
      },
      components: {
        securitySchemes: {
          applicationToken: { type: 'http', scheme: 'bearer', description: 'The token answered on create' },
          operatorToken: { type: 'http', scheme: 'bearer', description: 'ONETHING_OPERATOR_TOKEN' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  app.get(
    '/api/openapi.json',
    { schema: { summary: 'This document (OpenAPI 3)', tags: ['meta'] } },
    async () => app.swagger(),
  );
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Liveness, and which storage answers',
        tags: ['meta'],
        response: {
          200: {
            type: 'object',
            required: ['ok', 'storage'],
            properties: { ok: { type: 'boolean' }, storage: { type: 'string' } },
          },
        },
      },
    },
    async () => ({ ok: true, storage: ctx.storage.kind }),
  );

  bundleRoutes(app, ctx, await buildBundleScripts(ctx.bundles));
  applicationRoutes(app, ctx);
  actionRoutes(app, ctx);
  streamRoute(app, ctx);
  callbackRoutes(app, ctx);
  operatorRoutes(app, ctx);

  // Before the server waits for its connections: an open event stream would keep it waiting.
  app.addHook('preClose', async () => {
    for (const close of [...ctx.streams]) close();
  });
  return app;
}
