import { createHash } from 'node:crypto';
import { canonicalJson } from '@onething/engine';
import type { FastifyInstance } from 'fastify';
import { ownedApplication } from './access.js';
import { applicantHeaders, errorResponses, idParams } from './apiSchemas.js';
import { applicationView, chinaDate, publicState } from './applicationView.js';
import type { HttpContext } from './HttpContext.js';
import { errorBody, httpDiagnostic } from './httpDiagnostics.js';

interface CreateBody {
  bundleId: string;
  data: Record<string, unknown>;
  materials?: Record<string, unknown>;
}

const tokenQuery = {
  type: 'object',
  properties: {
    token: { type: 'string', description: 'The application token, for clients that cannot send headers' },
  },
} as const;

/** `POST /api/applications` (idempotent with a key), `GET /api/applications/:id` and its `/state`. */
export function applicationRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.post<{ Body: CreateBody; Headers: { 'idempotency-key'?: string } }>(
    '/api/applications',
    {
      schema: {
        summary: 'Submit an application: checked by the engine exactly as in the browser',
        description:
          'Hidden or tampered fields are refused with 422 and diagnostics, and nothing is stored. With an ' +
          'Idempotency-Key, a retry of the same request gets the first answer back (Idempotent-Replayed: true); ' +
          'the same key with another request is refused with 422.',
        tags: ['applications'],
        headers: {
          type: 'object',
          properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200 } },
        },
        body: {
          type: 'object',
          required: ['bundleId', 'data'],
          additionalProperties: false,
          properties: {
            bundleId: { type: 'string', minLength: 1, maxLength: 200 },
            data: { type: 'object', additionalProperties: true, description: "The form's data" },
            materials: { $ref: 'MaterialDecisions#' },
          },
        },
        response: {
          201: {
            type: 'object',
            required: ['id', 'token', 'revision', 'state'],
            properties: {
              id: { type: 'string' },
              token: { type: 'string', description: 'The applicant token: Authorization: Bearer <token>' },
              revision: { type: 'integer' },
              state: { $ref: 'StateSummary#' },
            },
          },
          ...errorResponses(400, 404, 413, 415, 422, 429),
        },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const { bundleId, data, materials } = req.body;
      const result = await ctx.service.create({
        bundleId,
        data,
        materials,
        ...(key !== undefined
          ? {
              idempotencyKey: key,
              requestHash: createHash('sha256').update(canonicalJson(req.body)).digest('hex'),
            }
          : {}),
      });
      if (!result.ok) {
        if (result.reason === 'idempotencyKeyReused')
          return reply
            .status(422)
            .send(
              errorBody('idempotency key reused', [
                httpDiagnostic('HTTP_IDEMPOTENCY_KEY_REUSED', { key }, '/headers/idempotency-key'),
              ]),
            );
        if (result.status === 404)
          return reply
            .status(404)
            .send(
              errorBody('unknown bundle', [httpDiagnostic('HTTP_UNKNOWN_BUNDLE', { bundleId }, '/bundleId')]),
            );
        return reply.status(422).send(errorBody('invalid application', result.diagnostics));
      }
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      else ctx.onWork?.();
      return reply.status(201).send(result.created);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/applications/:id',
    {
      schema: {
        summary: "Read an application: each item's status, deadlines in working days, the one-time notice",
        tags: ['applications'],
        params: idParams,
        headers: applicantHeaders,
        querystring: tokenQuery,
        response: { 200: { $ref: 'ApplicationView#' }, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const application = await ownedApplication(ctx, req, reply);
      if (!application) return reply;
      return applicationView(application, chinaDate(ctx.service.now()), ctx.calendar);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/applications/:id/state',
    {
      schema: {
        summary: 'The flow state alone: the `src` of <onething-status>',
        tags: ['applications'],
        params: idParams,
        headers: applicantHeaders,
        querystring: tokenQuery,
        response: { 200: { $ref: 'FlowState#' }, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const application = await ownedApplication(ctx, req, reply);
      if (!application) return reply;
      void reply.header('cache-control', 'no-store');
      return publicState(application.state);
    },
  );
}
