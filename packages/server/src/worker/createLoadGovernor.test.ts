import { afterEach, describe, expect, it } from 'vitest';
import { createLoadGovernor, type LoadGovernor } from './createLoadGovernor.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Keep the event loop busy for `ms`, noting a request every millisecond, as a burst would. */
async function burst(governor: LoadGovernor, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const spin = Date.now() + 15;
    while (Date.now() < spin) governor.noteRequest();
    await new Promise((r) => setImmediate(r)); // let the governor's timer look at the load
  }
}

let governor: LoadGovernor | undefined;
afterEach(() => governor?.stop());

describe('createLoadGovernor', () => {
  it('lets the worker run everything while the process has room', async () => {
    governor = createLoadGovernor({ windowMs: 10 });
    for (let i = 0; i < 5; i++) {
      governor.noteRequest();
      await sleep(12);
    }
    expect(governor.limit(16)).toBe(16);
  });

  it('backs off to the floor while requests saturate the process, and comes back after', async () => {
    governor = createLoadGovernor({ windowMs: 10, floor: 2 });
    await burst(governor, 300);
    expect(governor.limit(16)).toBe(2);
    await sleep(200);
    expect(governor.limit(16)).toBe(16);
  });

  it('does not hold back a worker that is busy on its own (no requests)', async () => {
    governor = createLoadGovernor({ windowMs: 10 });
    const end = Date.now() + 200;
    while (Date.now() < end) {
      const spin = Date.now() + 15;
      while (Date.now() < spin);
      await new Promise((r) => setImmediate(r));
    }
    expect(governor.limit(16)).toBe(16);
  });
});
