import { describe, expect, it } from 'vitest';
import { createClient, serve, RemoteError, type MessagePort } from '../../../lib/store/messaging';

/** Two ends wired together like runtime.sendMessage and runtime.onMessage. */
function wire(): MessagePort {
  const handlers = new Set<(message: unknown) => Promise<unknown> | undefined>();
  return {
    async send(message) {
      for (const handler of handlers) {
        const answer = handler(structuredClone(message));
        if (answer) return structuredClone(await answer);
      }
      return undefined;
    },
    listen(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}

type Protocol = {
  dueCount: (input: { today: string }) => number;
  fail: (input: null) => never;
};

describe('typed messaging', () => {
  it('calls a handler in the other context and types the answer', async () => {
    const port = wire();
    serve<Protocol>(port, {
      dueCount: ({ today }) => (today === '2026-11-25' ? 3 : 0),
      fail: () => {
        throw new Error('quota exceeded');
      },
    });
    const client = createClient<Protocol>(port);
    await expect(client.call('dueCount', { today: '2026-11-25' })).resolves.toBe(3);
    await expect(client.call('fail', null)).rejects.toThrow(new RemoteError('fail', 'quota exceeded'));
  });

  it('says plainly when nobody answers, and ignores foreign messages', async () => {
    const port = wire();
    const stop = serve<Protocol>(port, { dueCount: () => 1, fail: () => 0 as never });
    expect(await port.send({ hello: 'world' })).toBeUndefined();
    stop();
    await expect(createClient<Protocol>(port).call('dueCount', { today: '2026-11-25' })).rejects.toThrow(
      /no answer/,
    );
  });
});
