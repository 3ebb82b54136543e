/**
 * Hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014): a timestamp that stays
 * close to wall time, never goes backwards on one node, and moves past every stamp the node has
 * seen. Ties on wall time are broken by a counter, then by the node id, so any two stamps are
 * ordered the same way on every browser: that order is what last-writer-wins relies on.
 */

export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly nodeId: string;
}

/** An encoded HLC: plain string comparison gives the same order as `compareHlc`. */
export type Stamp = string;

/** Node ids go inside encoded stamps and tags: keep them short and free of separators. */
export const NODE_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** Base 62 in ASCII order, so fixed-width encodings sort like the numbers they stand for. */
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const WALL_WIDTH = 8; // 62^8 ms reaches the year 8900
const COUNTER_WIDTH = 3;
const MAX_COUNTER = 62 ** COUNTER_WIDTH - 1;

export function assertNodeId(nodeId: string): void {
  if (!NODE_ID_PATTERN.test(nodeId)) throw new Error(`invalid HLC node id: ${JSON.stringify(nodeId)}`);
}

/** A counter that would overflow its fixed width moves the clock one millisecond ahead instead. */
function make(wallMs: number, counter: number, nodeId: string): Hlc {
  return counter > MAX_COUNTER ? { wallMs: wallMs + 1, counter: 0, nodeId } : { wallMs, counter, nodeId };
}

export function zeroHlc(nodeId: string): Hlc {
  return { wallMs: 0, counter: 0, nodeId };
}

/** The stamp for a local event: after everything this node has stamped or seen. */
export function tick(local: Hlc, nowMs: number): Hlc {
  const now = Math.floor(nowMs);
  if (now > local.wallMs) return { wallMs: now, counter: 0, nodeId: local.nodeId };
  return make(local.wallMs, local.counter + 1, local.nodeId);
}

/**
 * The clock after seeing a remote stamp. A remote clock far in the future is followed, not
 * refused: refusing would mean refusing its data, and replicas would no longer converge.
 */
export function receive(local: Hlc, remote: Hlc, nowMs: number): Hlc {
  const now = Math.floor(nowMs);
  const wall = Math.max(local.wallMs, remote.wallMs, now);
  let counter = 0;
  if (wall === local.wallMs && wall === remote.wallMs) counter = Math.max(local.counter, remote.counter) + 1;
  else if (wall === local.wallMs) counter = local.counter + 1;
  else if (wall === remote.wallMs) counter = remote.counter + 1;
  return make(wall, counter, local.nodeId);
}

export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.nodeId !== b.nodeId) return a.nodeId < b.nodeId ? -1 : 1;
  return 0;
}

export function toBase62(value: number, width = 0): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative integer: ${value}`);
  let out = '';
  let rest = value;
  do {
    out = BASE62[rest % 62]! + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

export function fromBase62(text: string): number {
  if (text.length === 0) throw new SyntaxError('empty base-62 number');
  let value = 0;
  for (const char of text) {
    const digit = BASE62.indexOf(char);
    if (digit < 0) throw new SyntaxError(`not a base-62 digit: ${JSON.stringify(char)}`);
    value = value * 62 + digit;
  }
  if (!Number.isSafeInteger(value)) throw new SyntaxError('base-62 number too large');
  return value;
}

/** Fixed-width wall time and counter, then the node id: 11 characters plus the node id. */
export function encodeHlc(hlc: Hlc): Stamp {
  return toBase62(hlc.wallMs, WALL_WIDTH) + toBase62(hlc.counter, COUNTER_WIDTH) + hlc.nodeId;
}

export function decodeHlc(stamp: Stamp): Hlc {
  const head = WALL_WIDTH + COUNTER_WIDTH;
  const nodeId = stamp.slice(head);
  if (stamp.length <= head || !NODE_ID_PATTERN.test(nodeId))
    throw new SyntaxError(`not an HLC stamp: ${stamp}`);
  return {
    wallMs: fromBase62(stamp.slice(0, WALL_WIDTH)),
    counter: fromBase62(stamp.slice(WALL_WIDTH, head)),
    nodeId,
  };
}

/** The clock of one node: the only stateful piece, so the merge functions can stay pure. */
export interface Clock {
  readonly nodeId: string;
  /** A fresh stamp, greater than any stamp this clock issued or received. */
  tick(): Stamp;
  /** Moves the clock past a stamp seen in remote data. */
  receive(stamp: Stamp): void;
  current(): Hlc;
}

export function createClock(nodeId: string, now: () => number, start?: Hlc): Clock {
  assertNodeId(nodeId);
  let last: Hlc = start ? { ...start, nodeId } : zeroHlc(nodeId);
  return {
    nodeId,
    tick() {
      last = tick(last, now());
      return encodeHlc(last);
    },
    receive(stamp) {
      last = receive(last, decodeHlc(stamp), now());
    },
    current: () => last,
  };
}
