/**
 * Token buckets for the area's write limits (per minute and per hour). Chrome counts every
 * `set` or `remove` call as one operation whatever the number of items, and keeps counting
 * across service-worker restarts: the buckets start half full so a restart cannot burst past it.
 */
export interface WriteBudget {
  /** Milliseconds to wait before `ops` writes are allowed; 0 when they are. */
  waitFor(ops: number, nowMs: number): number;
  spend(ops: number, nowMs: number): void;
  /** After the area said "rate limit": assume every token is gone. */
  drain(nowMs: number): void;
}

interface Bucket {
  capacity: number;
  perMs: number;
  tokens: number;
  at: number;
}

export function createWriteBudget(
  limits: { writesPerMinute: number; writesPerHour: number },
  nowMs: number,
): WriteBudget {
  const bucket = (capacity: number, periodMs: number): Bucket => ({
    capacity,
    perMs: capacity / periodMs,
    tokens: capacity / 2,
    at: nowMs,
  });
  // A margin below the real limits: other code of the extension may write to the area too.
  const buckets = [
    bucket(Math.max(1, Math.floor(limits.writesPerMinute * 0.8)), 60_000),
    bucket(Math.max(1, Math.floor(limits.writesPerHour * 0.8)), 3_600_000),
  ];
  const refill = (b: Bucket, now: number) => {
    if (now > b.at) b.tokens = Math.min(b.capacity, b.tokens + (now - b.at) * b.perMs);
    b.at = Math.max(b.at, now);
  };
  return {
    waitFor(ops, now) {
      let wait = 0;
      for (const b of buckets) {
        refill(b, now);
        if (b.tokens < ops) wait = Math.max(wait, Math.ceil((ops - b.tokens) / b.perMs));
      }
      return wait;
    },
    spend(ops, now) {
      for (const b of buckets) {
        refill(b, now);
        b.tokens -= ops;
      }
    },
    drain(now) {
      for (const b of buckets) {
        refill(b, now);
        b.tokens = Math.min(b.tokens, 0);
      }
    },
  };
}
