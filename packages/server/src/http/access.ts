import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredApplication } from '../storage/types.js';
import type { HttpContext } from './HttpContext.js';
import { errorBody, httpDiagnostic } from './httpDiagnostics.js';

/** The token of `Authorization: Bearer <token>`. */
export const bearer = (header: string | undefined): string | undefined =>
  header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Two secrets compared in constant time (hashed first, so their lengths do not leak either). */
export const sameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

/**
 * The application, when the request may act on it: its token (`Authorization: Bearer`, or
 * `?token=` on GET requests, for `EventSource` and `<onething-status src>` which cannot send
 * headers) or the host's `authorize` hook. Otherwise answers 404, the same as for an id that does
 * not exist, so ids cannot be probed.
 */
export async function ownedApplication(
  ctx: HttpContext,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
): Promise<StoredApplication | undefined> {
  const application = await ctx.service.get(request.params.id);
  if (application) {
    const query = request.query as { token?: unknown } | undefined;
    const token =
      bearer(request.headers.authorization) ??
      (request.method === 'GET' && typeof query?.token === 'string' ? query.token : undefined);
    if (ctx.service.owns(application, token)) return application;
    if (ctx.authorize && (await ctx.authorize(request, application))) return application;
  }
  await reply
    .status(404)
    .send(errorBody('no such application', [httpDiagnostic('HTTP_NOT_FOUND', { what: 'application' })]));
  return undefined;
}

/**
 * Whether the request carries the operator credential (`Authorization: Bearer <operator token>`);
 * answers 404 when no operator token is configured (the endpoints do not exist) and 401 otherwise.
 */
export async function isOperator(
  ctx: HttpContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<boolean> {
  if (!ctx.operatorToken) {
    await reply
      .status(404)
      .send(errorBody('not found', [httpDiagnostic('HTTP_NOT_FOUND', { what: 'route' })]));
    return false;
  }
  const token = bearer(request.headers.authorization);
  if (token && sameSecret(token, ctx.operatorToken)) return true;
  await reply
    .status(401)
    .header('www-authenticate', 'Bearer realm="onething-operator"')
    .send(
      errorBody('operator credential required', [httpDiagnostic('HTTP_FORBIDDEN', { detail: 'operator' })]),
    );
  return false;
}
