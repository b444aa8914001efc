import type { FastifyInstance } from 'fastify';
import { ownedApplication } from './access.js';
import { applicantHeaders, errorResponses, idParams } from './apiSchemas.js';
import { publicState } from './applicationView.js';
import type { HttpContext } from './HttpContext.js';

/**
 * `GET /api/applications/:id/stream`: server-sent events of the application's state. First a
 * `state` event with the current snapshot (unless `Last-Event-ID` already is its revision), then one
 * per new revision, each with `id: <revision>` so a reconnecting `EventSource` resumes where it
 * stopped; `notification` events (SLA warnings, notices) between them; a comment line as a
 * heartbeat. Storage is polled (`eventsSince`), so changes made by workers in other processes
 * arrive too.
 */
export function streamRoute(app: FastifyInstance, ctx: HttpContext): void {
  app.get<{ Params: { id: string } }>(
    '/api/applications/:id/stream',
    {
      schema: {
        summary: 'Server-sent events of the state (for <onething-status>); resumes with Last-Event-ID',
        tags: ['applications'],
        params: idParams,
        headers: {
          ...applicantHeaders,
          properties: {
            ...applicantHeaders.properties,
            'last-event-id': { type: 'string', maxLength: 20 },
          },
        },
        querystring: { type: 'object', properties: { token: { type: 'string' } } },
        produces: ['text/event-stream'],
        response: {
          200: {
            description: 'event: state (data: FlowState, id: revision) | event: notification',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          ...errorResponses(400, 404),
        },
      },
    },
    async (req, reply) => {
      const application = await ownedApplication(ctx, req, reply);
      if (!application) return reply;
      const lastEventId = Number(req.headers['last-event-id']);
      let sent = Number.isSafeInteger(lastEventId) && lastEventId >= 0 ? lastEventId : -1;

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const write = (chunk: string) => {
        if (!res.writableEnded) res.write(chunk);
      };
      const sendState = (revision: number, state: unknown) => {
        write(`id: ${revision}\nevent: state\ndata: ${JSON.stringify(state)}\n\n`);
        sent = revision;
      };
      write(`retry: ${Math.max(1000, ctx.streamPollMs * 4)}\n\n`);
      if (application.revision !== sent) sendState(application.revision, publicState(application.state));

      let busy = false;
      let closed = false;
      const poll = async () => {
        if (busy || closed) return;
        busy = true;
        try {
          const events = await ctx.storage.eventsSince(application.id, sent);
          if (closed || events.length === 0) return;
          for (const e of events)
            if (e.kind === 'notification') write(`event: notification\ndata: ${JSON.stringify(e.data)}\n\n`);
          const current = await ctx.storage.getApplication(application.id);
          if (current && current.revision > sent) sendState(current.revision, publicState(current.state));
        } catch (error) {
          req.log.error({ err: error }, 'event stream poll failed');
        } finally {
          busy = false;
        }
      };
      const timer = setInterval(() => void poll(), ctx.streamPollMs);
      const heartbeat = setInterval(() => write(': heartbeat\n\n'), ctx.heartbeatMs);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(timer);
        clearInterval(heartbeat);
        ctx.streams.delete(close);
        if (!res.writableEnded) res.end();
      };
      ctx.streams.add(close);
      req.raw.on('close', close);
      res.on('close', close);
      return reply;
    },
  );
}
