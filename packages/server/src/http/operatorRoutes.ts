import type { FastifyInstance } from 'fastify';
import { summary } from '../service/createApplicationService.js';
import { isOperator } from './access.js';
import { errorResponses } from './apiSchemas.js';
import { chinaDate, overdueItems } from './applicationView.js';
import type { HttpContext } from './HttpContext.js';
import { errorBody, httpDiagnostic } from './httpDiagnostics.js';

const text = { type: 'string', minLength: 1, maxLength: 200 } as const;
const operatorHeaders = {
  type: 'object',
  properties: { authorization: { type: 'string', description: 'Bearer <operator token>' } },
} as const;
const security = [{ operatorToken: [] }];
const OVERDUE_SCAN_LIMIT = 10_000;

/**
 * Operator endpoints, behind their own credential (`Authorization: Bearer <operator token>`,
 * `ONETHING_OPERATOR_TOKEN`): retry a failed item, list items past their promised limit, list the
 * jobs that gave up. With no operator token configured they do not exist (404).
 */
export function operatorRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const tags = ['operators'];
  const guard = async (req: Parameters<typeof isOperator>[1], reply: Parameters<typeof isOperator>[2]) => {
    if (!(await isOperator(ctx, req, reply))) return reply;
    return undefined;
  };

  app.post<{ Params: { id: string; item: string } }>(
    '/api/operator/applications/:id/items/:item/retry',
    {
      onRequest: guard,
      schema: {
        summary: 'Retry a failed item (its retry budget was spent): engine event operatorRetry',
        tags,
        security,
        headers: operatorHeaders,
        params: { type: 'object', required: ['id', 'item'], properties: { id: text, item: text } },
        response: {
          200: { $ref: 'ChangeResult#' },
          ...errorResponses(400, 401, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const result = await ctx.service.send(req.params.id, { type: 'operatorRetry', item: req.params.item });
      if (!result.found || !result.decision)
        return reply
          .status(404)
          .send(
            errorBody('no such application', [httpDiagnostic('HTTP_NOT_FOUND', { what: 'application' })]),
          );
      const diagnostics = result.decision.diagnostics;
      if (!result.changed) return reply.status(409).send(errorBody('not allowed now', diagnostics));
      ctx.onWork?.();
      return { revision: result.revision, state: summary(result.decision.state), diagnostics };
    },
  );

  app.get<{ Reply: unknown }>(
    '/api/operator/overdue',
    {
      onRequest: guard,
      schema: {
        summary: 'Items past their promised limit (限时办结) and not yet decided, most overdue first',
        tags,
        security,
        headers: operatorHeaders,
        response: {
          200: {
            type: 'object',
            required: ['today', 'items'],
            properties: {
              today: { type: 'string' },
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: [
                    'applicationId',
                    'bundleId',
                    'item',
                    'status',
                    'due',
                    'limitDays',
                    'workingDaysOverdue',
                  ],
                  properties: {
                    applicationId: { type: 'string' },
                    bundleId: { type: 'string' },
                    item: { type: 'string' },
                    status: { type: 'string' },
                    due: { type: 'string' },
                    limitDays: { type: 'integer' },
                    workingDaysOverdue: { type: 'integer' },
                  },
                },
              },
            },
          },
          ...errorResponses(401, 404, 501),
        },
      },
    },
    async (_req, reply) => {
      const open = ctx.operatorQueries.openApplications;
      if (!open)
        return reply
          .status(501)
          .send(
            errorBody('this storage cannot list open applications', [
              httpDiagnostic('HTTP_ERROR', { status: 501 }),
            ]),
          );
      const today = chinaDate(ctx.service.now());
      const applications = await open.call(ctx.operatorQueries, OVERDUE_SCAN_LIMIT);
      return { today, items: overdueItems(applications, today, ctx.calendar) };
    },
  );

  app.get<{ Reply: unknown }>(
    '/api/operator/dead-jobs',
    {
      onRequest: guard,
      schema: {
        summary: 'Jobs that gave up after their retries (dead letters)',
        tags,
        security,
        headers: operatorHeaders,
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'job', 'attempts'],
              properties: {
                id: { type: 'string' },
                job: { type: 'object', additionalProperties: true },
                attempts: { type: 'integer' },
                error: { type: ['string', 'null'] },
              },
            },
          },
          ...errorResponses(401, 404, 501),
        },
      },
    },
    async (_req, reply) => {
      const dead = ctx.operatorQueries.deadJobs;
      if (!dead)
        return reply
          .status(501)
          .send(
            errorBody('this storage cannot list dead jobs', [httpDiagnostic('HTTP_ERROR', { status: 501 })]),
          );
      return dead.call(ctx.operatorQueries);
    },
  );
}
