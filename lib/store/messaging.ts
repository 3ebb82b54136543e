/**
 * One typed request/response layer between the extension's contexts. A content script cannot
 * open the ledger (it would be Gmail's origin), so it asks the background through this; extension
 * pages may use it too. Each request names a method of `Protocol`; the answer is typed by it.
 */

export interface MessagePort<Message = unknown> {
  send(message: Message): Promise<unknown>;
  listen(handler: (message: unknown) => Promise<unknown> | undefined): () => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a protocol maps method names to any function shape
type AnyProtocol = Record<string, (input: any) => unknown>;

interface Request {
  relance: 1;
  method: string;
  input: unknown;
}
type Response = { ok: true; value: unknown } | { ok: false; error: string };

function isRequest(message: unknown): message is Request {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Request).relance === 1 &&
    typeof (message as Request).method === 'string'
  );
}

export class RemoteError extends Error {
  constructor(method: string, message: string) {
    super(`${method}: ${message}`);
    this.name = 'RemoteError';
  }
}

export function createClient<P extends AnyProtocol>(port: MessagePort) {
  return {
    async call<K extends keyof P & string>(
      method: K,
      input: Parameters<P[K]>[0],
    ): Promise<Awaited<ReturnType<P[K]>>> {
      const response = (await port.send({ relance: 1, method, input } satisfies Request)) as
        Response | undefined;
      if (!response) throw new RemoteError(method, 'no answer (is the background running?)');
      if (!response.ok) throw new RemoteError(method, response.error);
      return response.value as Awaited<ReturnType<P[K]>>;
    },
  };
}

/** Serves a protocol; unknown methods are left for other listeners (returns undefined). */
export function serve<P extends AnyProtocol>(port: MessagePort, handlers: P): () => void {
  return port.listen((message) => {
    if (!isRequest(message) || !Object.hasOwn(handlers, message.method)) return undefined;
    const handler = handlers[message.method]!;
    return Promise.resolve()
      .then(() => handler(message.input))
      .then(
        (value): Response => ({ ok: true, value }),
        (error: unknown): Response => ({
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
  });
}
