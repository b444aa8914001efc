// The OpenAPI document lists every route with its schemas, and those schemas compile with ajv; the
// bundle module for <onething-form> is one browser-ready ES module, revalidated with its ETag.
import { createAjv } from '@onething/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './httpFixture.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
  components: { schemas: Record<string, unknown> };
}

/** `"$ref": "#/components/schemas/X"` → `X`, the component registered under its name. */
const rebase = (value: unknown): object =>
  JSON.parse(
    JSON.stringify(value).replace(/"\$ref":"#\/components\/schemas\/([^"]+)"/g, '"$ref":"$1"'),
  ) as object;

describe('GET /api/openapi.json', () => {
  let doc: OpenApiDocument;
  beforeAll(async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json() as OpenApiDocument;
  });

  it('has every route of the app', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      [
        'GET /api/openapi.json',
        'GET /api/health',
        'GET /api/bundles',
        'GET /api/bundles/{id}',
        'GET /api/bundles/{id}/bundle.js',
        'POST /api/applications',
        'GET /api/applications/{id}',
        'GET /api/applications/{id}/state',
        'GET /api/applications/{id}/stream',
        'POST /api/applications/{id}/supply',
        'POST /api/applications/{id}/items/{item}/correction',
        'POST /api/applications/{id}/items/{item}/commitment',
        'POST /api/applications/{id}/withdraw',
        'POST /api/applications/{id}/rating',
        'POST /api/applications/{id}/events',
        'POST /api/callbacks/{department}',
        'POST /api/operator/applications/{id}/items/{item}/retry',
        'GET /api/operator/overdue',
        'GET /api/operator/dead-jobs',
      ].sort(),
    );
    // Each is a route of the app (the document is generated from them, so none is missing).
    for (const entry of documented) {
      const [method, path] = entry.split(' ') as ['GET' | 'POST', string];
      expect(api.app.hasRoute({ method, url: path.replace(/\{(\w+)\}/g, ':$1') }), entry).toBe(true);
    }
  });

  it('shares the diagnostics shape as a component, used by every error answer', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.schemas.Diagnostic).toMatchObject({
      required: ['code', 'severity', 'path', 'message', 'messages', 'params'],
    });
    const create = doc.paths['/api/applications']!.post!;
    expect(JSON.stringify(create.responses['422'])).toContain('#/components/schemas/ErrorBody');
    expect(create.requestBody).toBeDefined();
  });

  it('every schema in it compiles with ajv', () => {
    // The engine's ajv, strict: an unknown keyword or a dangling $ref fails the test.
    const ajv = createAjv();
    for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(rebase(schema), name);
    let compiled = 0;
    for (const name of Object.keys(doc.components.schemas)) {
      ajv.compile({ $ref: name });
      compiled++;
    }
    for (const ops of Object.values(doc.paths))
      for (const op of Object.values(ops)) {
        const parts = [op.requestBody, ...Object.values(op.responses)];
        for (const part of parts) {
          const content =
            (part as { content?: Record<string, { schema?: object }> } | undefined)?.content ?? {};
          for (const media of Object.values(content))
            if (media.schema) {
              ajv.compile(rebase(media.schema));
              compiled++;
            }
        }
      }
    expect(compiled).toBeGreaterThan(30);
  });
});

describe('GET /api/bundles/:id/bundle.js', () => {
  it('is one ES module with no bare imports left, served as JavaScript with an ETag', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/bundles/newborn/bundle.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.body).not.toMatch(/\bimport\s*[{*\w]/);
    expect(res.body).not.toMatch(/\bnew Function\b|\beval\(/);
    expect(res.body).toContain('artifact');
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await api.app.inject({
      method: 'GET',
      url: '/api/bundles/newborn/bundle.js',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('imports in Node as a module with the artifact, field and item validators', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/bundles/newborn/bundle.js' });
    const mod = (await import(`data:text/javascript;base64,${Buffer.from(res.body).toString('base64')}`)) as {
      artifact: { bundle: { id: string } };
      fields: Record<string, (value: unknown) => boolean>;
      items: Record<string, unknown>;
    };
    expect(mod.artifact.bundle.id).toBe('newborn');
    expect(mod.fields.motherIdNumber!('350203199405120248')).toBe(true);
    expect(mod.fields.motherIdNumber!('350203199405120240')).toBe(false);
  });

  it('the bundle list points at it', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/bundles' });
    expect(res.json()).toContainEqual(
      expect.objectContaining({ id: 'newborn', script: '/api/bundles/newborn/bundle.js' }),
    );
  });
});
