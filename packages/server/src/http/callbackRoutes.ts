import { DEPARTMENT_UPDATE_STATUSES, type DepartmentUpdate } from '@onething/engine';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorResponses } from './apiSchemas.js';
import { checkCallback, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './callbackSignature.js';
import type { HttpContext } from './HttpContext.js';
import { errorBody, httpDiagnostic } from './httpDiagnostics.js';

interface CallbackBody {
  applicationId: string;
  item: string;
  eventId: string;
  update: DepartmentUpdate;
}

const text = { type: 'string', minLength: 1, maxLength: 200 } as const;

/**
 * `POST /api/callbacks/:department`: a department's status update (受理, 补正, 办结, licence issued).
 * Authenticated by `X-Onething-Signature` (HMAC-SHA256 of `<timestamp>.<raw body>` with the
 * department's secret) and `X-Onething-Timestamp` within ±5 minutes; de-duplicated by the
 * department's `eventId` in the inbox, in the same transaction as the state change, so a replayed
 * delivery answers 200 with `duplicate: true` and changes nothing.
 */
export function callbackRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.post<{ Params: { department: string }; Body: CallbackBody }>(
    '/api/callbacks/:department',
    {
      bodyLimit: 256 * 1024,
      // The signature is checked before the body is parsed against the schema: a forged request
      // learns nothing about the expected shape.
      preValidation: async (req, reply) => {
        const department = (req.params as { department: string }).department;
        const secret = Object.hasOwn(ctx.callbackSecrets, department)
          ? ctx.callbackSecrets[department]
          : undefined;
        const raw = (req as unknown as { rawBody?: string }).rawBody ?? '';
        const problem = secret
          ? checkCallback(
              secret,
              raw,
              {
                signature: req.headers[SIGNATURE_HEADER] as string | undefined,
                timestamp: req.headers[TIMESTAMP_HEADER] as string | undefined,
              },
              ctx.now(),
              ctx.callbackToleranceMs,
            )
          : 'signature';
        if (problem === 'timestamp')
          return reply
            .status(401)
            .send(
              errorBody('stale or missing timestamp', [
                httpDiagnostic(
                  'HTTP_STALE_TIMESTAMP',
                  { minutes: ctx.callbackToleranceMs / 60_000 },
                  `/headers/${TIMESTAMP_HEADER}`,
                ),
              ]),
            );
        if (problem === 'signature')
          return reply
            .status(401)
            .send(
              errorBody('bad signature', [
                httpDiagnostic(
                  'HTTP_SIGNATURE_INVALID',
                  { detail: secret ? 'HMAC mismatch' : 'unknown department' },
                  `/headers/${SIGNATURE_HEADER}`,
                ),
              ]),
            );
        return undefined;
      },
      schema: {
        summary: "A department's status update (HMAC-signed, timestamped, de-duplicated by eventId)",
        tags: ['departments'],
        params: { type: 'object', required: ['department'], properties: { department: text } },
        headers: {
          type: 'object',
          required: [SIGNATURE_HEADER, TIMESTAMP_HEADER],
          properties: {
            [SIGNATURE_HEADER]: {
              type: 'string',
              description: 'sha256=<hex HMAC of "<timestamp>.<raw body>">',
            },
            [TIMESTAMP_HEADER]: { type: 'string', description: 'Unix seconds, within ±5 minutes' },
          },
        },
        body: {
          type: 'object',
          required: ['applicationId', 'item', 'eventId', 'update'],
          additionalProperties: false,
          properties: {
            applicationId: text,
            item: text,
            eventId: text,
            update: {
              type: 'object',
              required: ['status'],
              additionalProperties: true,
              properties: {
                status: {
                  type: 'string',
                  enum: [...DEPARTMENT_UPDATE_STATUSES],
                },
              },
            },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['revision', 'duplicate', 'diagnostics'],
            properties: {
              revision: { type: 'integer' },
              duplicate: { type: 'boolean', description: 'The eventId was received before: nothing changed' },
              diagnostics: { type: 'array', items: { $ref: 'Diagnostic#' } },
            },
          },
          ...errorResponses(400, 401, 404, 409, 413, 415, 503),
        },
      },
    },
    async (req, reply) => {
      // A gateway pushing more than the database takes is told to come back, at once and at no cost,
      // instead of every delivery waiting in line past its timeout and being sent (and processed) again.
      const release = await ctx.callbackGate.enter();
      if (!release)
        return reply
          .status(503)
          .header('retry-after', '1')
          .send(errorBody('too many callbacks at once: deliver again', [httpDiagnostic('HTTP_BUSY', {})]));
      try {
        return await receive(req.params.department, req.body, reply);
      } finally {
        release();
      }
    },
  );

  async function receive(department: string, body: CallbackBody, reply: FastifyReply) {
    const seen = await ctx.storage.getForCallback(body.applicationId, department, body.eventId);
    const { application } = seen;
    const item =
      application &&
      ctx.bundles.get(application.bundleId)?.compiled.bundle.items.find((i) => i.id === body.item);
    const notFound = () =>
      reply
        .status(404)
        .send(
          errorBody('no such application item for this department', [
            httpDiagnostic(
              'HTTP_NOT_FOUND',
              { what: 'application item of this department' },
              '/applicationId',
            ),
          ]),
        );
    if (!application || !item || String(item.department) !== department) return notFound();
    const result = await ctx.service.receive({
      source: department,
      eventId: body.eventId,
      applicationId: application.id,
      seen: { application, received: seen.received },
      event: {
        type: 'departmentUpdate',
        item: body.item,
        eventId: `${department}:${body.eventId}`,
        update: body.update,
      },
    });
    if (!result.found) return notFound();
    if (result.notYet)
      return reply
        .status(409)
        .header('retry-after', '1')
        .send(
          errorBody('the submission of this item is not settled yet: deliver again', [
            httpDiagnostic('HTTP_TOO_EARLY', { item: body.item }, '/item'),
          ]),
        );
    if (result.changed) ctx.onWork?.();
    return {
      revision: result.revision,
      duplicate: result.duplicate === true,
      diagnostics: result.decision?.diagnostics ?? [],
    };
  }
}
