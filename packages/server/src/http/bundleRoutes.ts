import type { FastifyInstance } from 'fastify';
import { errorResponses } from './apiSchemas.js';
import type { BundleScript } from './buildBundleScripts.js';
import type { HttpContext } from './HttpContext.js';
import { errorBody, httpDiagnostic } from './httpDiagnostics.js';

const bundleParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

const unknownBundle = (bundleId: string) =>
  errorBody('unknown bundle', [httpDiagnostic('HTTP_UNKNOWN_BUNDLE', { bundleId }, '/id')]);

/** Whether `If-None-Match` names `etag` (or `*`). */
const matches = (header: string | undefined, etag: string): boolean =>
  header !== undefined &&
  header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });

/** `GET /api/bundles`, `GET /api/bundles/:id` and the browser module `GET /api/bundles/:id/bundle.js`. */
export function bundleRoutes(
  app: FastifyInstance,
  ctx: HttpContext,
  scripts: Map<string, BundleScript>,
): void {
  app.get(
    '/api/bundles',
    {
      schema: {
        summary: 'The bundles (一件事) this server takes applications for',
        tags: ['bundles'],
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'version', 'title'],
              properties: {
                id: { type: 'string' },
                version: { type: 'string' },
                title: { type: 'object', additionalProperties: true },
                script: { type: 'string', description: 'URL of the compiled module for <onething-form>' },
              },
            },
          },
        },
      },
    },
    async () =>
      ctx.bundles.list().map((b) => ({
        id: b.id,
        version: b.version,
        title: b.compiled.bundle.title,
        script: `/api/bundles/${encodeURIComponent(b.id)}/bundle.js`,
      })),
  );

  app.get<{ Params: { id: string } }>(
    '/api/bundles/:id',
    {
      schema: {
        summary: 'One bundle: the checked, merged bundle the widgets render',
        tags: ['bundles'],
        params: bundleParams,
        response: {
          200: {
            type: 'object',
            required: ['id', 'version', 'bundle', 'script'],
            properties: {
              id: { type: 'string' },
              version: { type: 'string' },
              script: { type: 'string' },
              bundle: { type: 'object', additionalProperties: true },
            },
          },
          ...errorResponses(400, 404),
        },
      },
    },
    async (req, reply) => {
      const served = ctx.bundles.get(req.params.id);
      if (!served) return reply.status(404).send(unknownBundle(req.params.id));
      return {
        id: served.id,
        version: served.version,
        script: `/api/bundles/${encodeURIComponent(served.id)}/bundle.js`,
        bundle: served.compiled.bundle,
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/bundles/:id/bundle.js',
    {
      schema: {
        summary: 'The bundle compiled for <onething-form>: one ES module (artifact + precompiled validators)',
        description: 'Built once per bundle at startup; revalidate with If-None-Match.',
        tags: ['bundles'],
        params: bundleParams,
        headers: { type: 'object', properties: { 'if-none-match': { type: 'string' } } },
        produces: ['text/javascript'],
        response: {
          200: {
            description: 'An ES module',
            content: { 'text/javascript': { schema: { type: 'string' } } },
          },
          304: { description: 'Not modified', type: 'null' },
          ...errorResponses(400, 404),
        },
      },
    },
    async (req, reply) => {
      const script = scripts.get(req.params.id);
      if (!script) return reply.status(404).send(unknownBundle(req.params.id));
      void reply.header('etag', script.etag).header('cache-control', 'no-cache');
      if (matches(req.headers['if-none-match'], script.etag)) return reply.status(304).send();
      return reply.type('text/javascript; charset=utf-8').send(script.code);
    },
  );
}
