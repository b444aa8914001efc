// GET /api/applications/:id/stream over a real socket: the snapshot first, then a change made
// through another route arrives as a new `state` event; Last-Event-ID resumes without a repeat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './httpFixture.js';

let api: TestApi;
let base: string;
beforeAll(async () => {
  api = await createTestApi({ streamPollMs: 20, heartbeatMs: 50 });
  base = await api.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  // fetch's pooled keep-alive sockets would hold the listening server open for their idle timeout.
  api.app.server.closeAllConnections();
  await api.close();
});

interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  comment?: boolean;
}

/** Read server-sent events from a response until `until` says stop. */
async function readEvents(response: Response, until: (seen: SseMessage[]) => boolean): Promise<SseMessage[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const seen: SseMessage[] = [];
  let buffer = '';
  while (!until(seen)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const message: SseMessage = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) message.comment = true;
        const [field, ...rest] = line.split(': ');
        if (field === 'id' || field === 'event' || field === 'data') message[field] = rest.join(': ');
      }
      seen.push(message);
    }
  }
  await reader.cancel();
  return seen;
}

const states = (seen: SseMessage[]) => seen.filter((m) => m.event === 'state');

describe('the status stream', () => {
  it('sends the snapshot, then the next revision when the application changes', async () => {
    const { id, token } = await api.submit();
    const response = await fetch(`${base}/api/applications/${id}/stream`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    let withdrawn = false;
    const seen = await readEvents(response, (messages) => {
      if (states(messages).length === 1 && !withdrawn) {
        withdrawn = true;
        void api.app.inject({
          method: 'POST',
          url: `/api/applications/${id}/withdraw`,
          headers: { authorization: `Bearer ${token}` },
        });
      }
      return states(messages).length >= 2 && messages.some((m) => m.comment);
    });
    const [first, second] = states(seen);
    expect(first!.id).toBe('1');
    expect(JSON.parse(first!.data!)).toMatchObject({ applicationId: id, status: 'inProgress' });
    expect(second!.id).toBe('2');
    expect(JSON.parse(second!.data!)).toMatchObject({ applicationId: id, status: 'withdrawn' });
    expect(Object.keys(JSON.parse(second!.data!) as object)).not.toContain('pending');
    // The notifications of the change come with it.
    expect(seen.some((m) => m.event === 'notification')).toBe(true);
  });

  it('resumes after Last-Event-ID: no snapshot repeated, the token may be in the query', async () => {
    const { id, token } = await api.submit();
    await api.app.inject({
      method: 'POST',
      url: `/api/applications/${id}/withdraw`,
      headers: { authorization: `Bearer ${token}` },
    });
    const resumed = await fetch(`${base}/api/applications/${id}/stream?token=${token}`, {
      headers: { 'last-event-id': '2' },
    });
    expect(resumed.status).toBe(200);
    const seen = await readEvents(resumed, (messages) => messages.filter((m) => m.comment).length >= 2);
    expect(states(seen)).toEqual([]);
    const behind = await fetch(`${base}/api/applications/${id}/stream?token=${token}`, {
      headers: { 'last-event-id': '1' },
    });
    const caughtUp = await readEvents(behind, (messages) => states(messages).length >= 1);
    expect(states(caughtUp).map((m) => m.id)).toEqual(['2']);
  });
});
