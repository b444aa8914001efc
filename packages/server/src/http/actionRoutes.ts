import type { FlowEvent, MaterialDecisions } from '@onething/engine';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { summary, type Rating } from '../service/createApplicationService.js';
import type { StoredApplication } from '../storage/types.js';
import { ownedApplication } from './access.js';
import { applicantHeaders, errorResponses } from './apiSchemas.js';
import type { HttpContext } from './HttpContext.js';
import { errorBody, httpDiagnostic, type HttpDiagnostic } from './httpDiagnostics.js';

const key = { type: 'string', minLength: 1, maxLength: 200 } as const;
const params = (...names: string[]) => ({
  type: 'object',
  required: names,
  properties: Object.fromEntries(names.map((n) => [n, key])),
});
const changeResponses = { 200: { $ref: 'ChangeResult#' }, ...errorResponses(400, 404, 409, 413, 415, 422) };
const level = { type: 'integer', minimum: 1, maximum: 5 } as const;
const reasons = {
  type: 'array',
  maxItems: 4,
  uniqueItems: true,
  items: { type: 'string', enum: ['efficiency', 'attitude', 'guide', 'platform'] },
} as const;

/** Feed an applicant's event and answer what it changed: 409 when not allowed now, 422 when refused. */
async function act(
  ctx: HttpContext,
  reply: FastifyReply,
  application: StoredApplication,
  event: FlowEvent,
): Promise<unknown> {
  const result = await ctx.service.send(application.id, event);
  if (!result.found || !result.decision)
    return reply
      .status(404)
      .send(errorBody('no such application', [httpDiagnostic('HTTP_NOT_FOUND', { what: 'application' })]));
  const diagnostics = result.decision.diagnostics;
  if (diagnostics.some((d) => d.code === 'FLOW_SUBMISSION_INVALID'))
    return reply.status(422).send(errorBody('invalid answer', diagnostics));
  // The decider ignores an event that does not apply now, with a diagnostic saying why.
  if (!result.changed && diagnostics.length > 0)
    return reply.status(409).send(errorBody('not allowed now', diagnostics));
  if (result.changed) ctx.onWork?.();
  return { revision: result.revision, state: summary(result.decision.state), diagnostics };
}

/** Why a rating is refused: unknown or skipped items, a low level without a reason. */
function ratingProblems(application: StoredApplication, rating: Rating): HttpDiagnostic[] {
  const problems: HttpDiagnostic[] = [];
  const lowWithoutReason = (lvl: number, given: string[] | undefined) => lvl < 3 && !given?.length;
  for (const [item, lvl] of Object.entries(rating.items ?? {})) {
    const state = application.state.items[item];
    if (!state || state.status === 'skipped')
      problems.push(httpDiagnostic('HTTP_UNKNOWN_ITEM', { item }, `/items/${item}`));
    else if (lowWithoutReason(lvl, rating.reasons?.items?.[item]))
      problems.push(
        httpDiagnostic(
          'HTTP_INVALID_REQUEST',
          { location: 'body', detail: `item ${item}: a level below 3 needs a reason` },
          `/reasons/items/${item}`,
        ),
      );
  }
  if (lowWithoutReason(rating.overall, rating.reasons?.overall))
    problems.push(
      httpDiagnostic(
        'HTTP_INVALID_REQUEST',
        { location: 'body', detail: 'a level below 3 needs a reason' },
        '/reasons/overall',
      ),
    );
  return problems;
}

/**
 * The applicant's actions, one route each: supply a 容缺 material, answer a 补正 request, sign a
 * 告知承诺 commitment in its answer, withdraw, rate (好差评); and the generic `events` route.
 */
export function actionRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const tags = ['applicant actions'];

  app.post<{ Params: { id: string }; Body: { material: string } }>(
    '/api/applications/:id/supply',
    {
      schema: {
        summary: 'Supply a 容缺 material accepted missing (the suspended items resume)',
        tags,
        params: params('id'),
        headers: applicantHeaders,
        body: {
          type: 'object',
          required: ['material'],
          additionalProperties: false,
          properties: { material: key },
        },
        response: changeResponses,
      },
    },
    async (req, reply) => {
      const application = await ownedApplication(ctx, req, reply);
      if (!application) return reply;
      return act(ctx, reply, application, { type: 'supply', material: req.body.material });
    },
  );

  app.post<{
    Params: { id: string; item: string };
    Body: { data?: Record<string, unknown>; materials?: MaterialDecisions };
  }>(
    '/api/applications/:id/items/:item/correction',
    {
      schema: {
        summary:
          'Answer a 补正 (correction) request: corrected fields and materials, checked like a submission',
        tags,
        params: params('id', 'item'),
        headers: applicantHeaders,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            data: { type: 'object', additionalProperties: true },
            materials: { $ref: 'MaterialDecisions#' },
          },
        },
        response: changeResponses,
      },
    },
    async (req, reply) => {
      const application = await ownedApplication(ctx, req, reply);
      if (!application) return reply;
      const { data, materials } = req.body;
      return act(ctx, reply, application, {
        type: 'answerCorrection',
        item: req.params.item,
        ...(data ? { data } : {}),
        ...(materials ? { materials } : {}),
      });
    },
  );

  app.post<{ Params: { id: string; item: string }; Body: { material: string; signer: string } }>(
    '/api/applications/:id/items/:item/commitment',
    {
      schema: {
        summary: 'Sign a 告知承诺 commitment in place of a material a correction asks for',
        description:
          'Answers the item’s 补正 request with the material committed (signed now); the bundle must allow a ' +
          'commitment for it, and a 核查 verification follows the decision.',
        tags,
        params: params('id', 'item'),
        headers: applicantHeaders,
        body: {
          type: 'object',
          required: ['material', 'signer'],
          additionalProperties: false,
          properties: { material: key, signer: key },
        },
        response: changeResponses,
      },
    },
    async (req, reply) => {
      const application = await ownedApplication(ctx, req, reply);
      if (!application) return reply;
      const { material, signer } = req.body;
      const signedAt = new Date(ctx.service.now()).toISOString();
      return act(ctx, reply, application, {
        type: 'answerCorrection',
        item: req.params.item,
        materials: { [material]: { kind: 'committed', signer, signedAt } },
      });
    },
  );

  app.post<{ Params: { id: string }; Body: { reason?: string } | undefined }>(
    '/api/applications/:id/withdraw',
    {
      // A withdrawal needs no body: none is an empty one.
      preValidation: async (req) => {
        req.body ??= {};
      },
      schema: {
        summary: 'Withdraw the application (departments already reached are told)',
        tags,
        params: params('id'),
        headers: applicantHeaders,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { reason: { type: 'string', maxLength: 500 } },
        },
        response: changeResponses,
      },
    },
    async (req, reply) => {
      const application = await ownedApplication(ctx, req, reply);
      if (!application) return reply;
      const reason = req.body?.reason;
      return act(ctx, reply, application, { type: 'withdraw', ...(reason ? { reason } : {}) });
    },
  );

  app.post<{ Params: { id: string }; Body: Rating }>(
    '/api/applications/:id/rating',
    {
      bodyLimit: 16 * 1024,
      schema: {
        summary: '好差评: rate the whole and each item on the five national levels (once)',
        description:
          '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意; a level below 3 needs a reason. The detail ' +
          'of <onething-rating>’s onething-rate event is this body.',
        tags,
        params: params('id'),
        headers: applicantHeaders,
        body: {
          type: 'object',
          required: ['overall'],
          additionalProperties: false,
          properties: {
            overall: level,
            items: { type: 'object', maxProperties: 100, additionalProperties: level },
            reasons: {
              type: 'object',
              additionalProperties: false,
              properties: {
                overall: reasons,
                items: { type: 'object', maxProperties: 100, additionalProperties: reasons },
              },
            },
            comment: { type: 'string', maxLength: 500 },
          },
        },
        response: {
          201: { type: 'object', required: ['rated'], properties: { rated: { type: 'boolean' } } },
          ...errorResponses(400, 404, 409, 413, 415, 422),
        },
      },
    },
    async (req, reply) => {
      const application = await ownedApplication(ctx, req, reply);
      if (!application) return reply;
      const problems = ratingProblems(application, req.body);
      if (problems.length > 0) return reply.status(422).send(errorBody('invalid rating', problems));
      const result = await ctx.service.rate(application.id, req.body);
      if (result.alreadyRated)
        return reply.status(409).send(errorBody('already rated', [httpDiagnostic('HTTP_ALREADY_RATED')]));
      return reply.status(201).send({ rated: true });
    },
  );

  app.post<{ Params: { id: string }; Body: FlowEvent }>(
    '/api/applications/:id/events',
    {
      schema: {
        summary: 'Send one applicant event (supply, answerCorrection, withdraw) as the engine defines it',
        tags,
        params: params('id'),
        headers: applicantHeaders,
        body: {
          type: 'object',
          required: ['type'],
          additionalProperties: true,
          properties: { type: { type: 'string', enum: ['supply', 'answerCorrection', 'withdraw'] } },
        },
        response: changeResponses,
      },
    },
    async (req, reply) => {
      const application = await ownedApplication(ctx, req, reply);
      if (!application) return reply;
      return act(ctx, reply, application, req.body);
    },
  );
}
