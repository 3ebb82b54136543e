import type { IsoDate } from '../../domain/schemas';
import type { ChangeChannel } from '../changes';
import type { LedgerDb } from '../db';
import { classifyAreaError, SyncAreaError, type SyncArea } from './area';
import { diffChunks, isSyncKey } from './chunking';
import { createClock, type Clock } from './hlc';
import { absorbLocal, applyRemote, readLocal } from './ledger-sync';
import { itemBytes, SYNC_LIMITS, type SyncLimits } from './limits';
import { DEFAULT_SAFETY_MARGIN, planSync } from './planner';
import { createWriteBudget } from './rate-limiter';
import { decodeItems, type ChunkCache } from './read-items';
import { loadReplica, saveReplica, type StoredReplica } from './replica-store';
import { merge, maxStamp } from './state';
import { initialStatus, type SyncStatus } from './status';

export interface SyncServiceOptions {
  area: SyncArea;
  db: LedgerDb;
  channel?: ChangeChannel;
  /** Fixed in tests; otherwise the stored one, or a new random id on first start. */
  nodeId?: string;
  now?: () => number;
  today: () => IsoDate;
  /** storage.sync's by default; the add-in passes roamingSettings' (32 KB in all). */
  limits?: Partial<SyncLimits>;
  /** Local changes are gathered this long before one exchange. */
  debounceMs?: number;
  /** Wait after a failed write before trying again. */
  retryMs?: number;
  onStatus?: (status: SyncStatus) => void;
}

export interface SyncService {
  /** Loads the replica, listens to both sides and runs a first exchange. */
  start(): Promise<SyncStatus>;
  stop(): void;
  /** One exchange now (after any running one): local edits in, remote changes merged, chunks written. */
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
}

const REMOTE_DELAY_MS = 300;
const MAX_SAFETY_MARGIN = 16_384;

/**
 * The sync engine, one per device, run by the one writer of the area (the background). Each
 * exchange: read the ledger and stamp what the user changed; read the area and merge every
 * chunk found; write what the merge brought into IndexedDB and announce it (fromSync); plan
 * what fits and write only the chunks that differ, within the write budget. A refused write
 * (quota, rate) keeps everything local and is tried again later.
 */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const { area, db, channel } = options;
  const now = options.now ?? (() => Date.now());
  const limits: SyncLimits = { ...SYNC_LIMITS, ...options.limits };
  const debounceMs = options.debounceMs ?? 2_000;
  const retryMs = options.retryMs ?? 60_000;
  const budget = createWriteBudget(limits, now());
  const cache: ChunkCache = new Map();
  let replica: StoredReplica | undefined;
  let clock: Clock | undefined;
  let status = initialStatus(now(), limits.quotaBytes);
  let safetyMargin = Math.min(DEFAULT_SAFETY_MARGIN, Math.floor(limits.quotaBytes / 16));
  /** What this device last wrote, to tell its own echoes from other browsers' writes. */
  let written: Record<string, unknown> = {};
  let running: Promise<SyncStatus> = Promise.resolve(status);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerDue = Infinity;
  let stopped = false;
  const unsubscribe: (() => void)[] = [];

  function setStatus(next: Partial<SyncStatus>): SyncStatus {
    status = { ...status, ...next, updatedAt: now() };
    if (next.state !== 'error' && next.state !== 'pending') delete status.error;
    if (next.state === 'synced') delete status.retryAt;
    options.onStatus?.(status);
    return status;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    const due = now() + delayMs;
    if (timer !== undefined && timerDue <= due) return;
    clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(() => {
      timer = undefined;
      timerDue = Infinity;
      void syncNow();
    }, delayMs);
  }

  function fail(error: SyncAreaError, retryIn: number): SyncStatus {
    schedule(retryIn);
    return setStatus({
      state: 'error',
      error: { code: error.code, detail: error.message },
      retryAt: now() + retryIn,
    });
  }

  async function exchange(): Promise<SyncStatus> {
    replica ??= await loadReplica(db, options.nodeId);
    clock ??= createClock(replica.nodeId, now, replica.clock);
    const stored = replica;

    // 1. The user's edits since the last exchange.
    const local = await readLocal(db);
    const stamp = clock.tick();
    let state = absorbLocal(stored.state, local, new Set(stored.localKeys), stamp);

    // 2. Everything the other browsers wrote.
    let items: Record<string, unknown>;
    try {
      items = await area.get();
    } catch (error) {
      await persist(state, [...local.records.keys()]);
      return fail(classifyAreaError(error), retryMs);
    }
    const decoded = decodeItems(items, cache);
    if (decoded.problems.some((p) => p.problem === 'unsupported_version')) {
      // Never overwrite data this version cannot read: it would destroy another browser's edits.
      await persist(state, [...local.records.keys()]);
      return fail(new SyncAreaError('newer_format', decoded.manifest?.version ?? '?'), retryMs * 10);
    }
    const before = state;
    state = merge(state, decoded.state);
    let localKeys = [...local.records.keys()];
    if (state !== before) {
      const top = maxStamp(decoded.state);
      if (top) clock.receive(top);
      const applied = await applyRemote(db, before, state, local);
      localKeys = [...applied.localKeys];
      if (applied.areas.length > 0)
        channel?.publish({ areas: applied.areas, origin: 'sync', fromSync: true });
    }
    await persist(state, localKeys);

    // 3. What fits, and only the chunks that changed.
    let foreignBytes = 0;
    let foreignItems = 0;
    const ours: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(items)) {
      if (isSyncKey(key)) ours[key] = value;
      else {
        foreignBytes += itemBytes(key, value);
        foreignItems++;
      }
    }
    const plan = await planSync(state, {
      today: options.today(),
      limits,
      safetyMarginBytes: safetyMargin,
      foreignBytes,
      foreignItems,
    });
    const settings = state.records.get('settings')?.fields.get('syncSettledAfterDays')?.value;
    const summary = {
      localOnly: plan.localOnlyBecause,
      settledAfterDays: typeof settings === 'number' ? settings : 90,
    };
    if (!plan.fits) {
      return fail(
        new SyncAreaError('quota', 'the settings and scenarios alone exceed the sync space'),
        retryMs,
      );
    }
    const { set, remove } = diffChunks(ours, plan.items);
    const setKeys = Object.keys(set);
    const bytesInUse = plan.bytes + foreignBytes;
    const corrupt = decoded.problems.length > 0;
    if (setKeys.length === 0 && remove.length === 0) {
      written = plan.items;
      return setStatus({ state: 'synced', lastSyncedAt: now(), bytesInUse, ...summary });
    }
    const ops = (setKeys.length > 0 ? 1 : 0) + (remove.length > 0 ? 1 : 0);
    const wait = budget.waitFor(ops, now());
    if (wait > 0) {
      schedule(wait);
      return setStatus({ state: 'pending', retryAt: now() + wait, ...summary });
    }
    // Removing first frees room for the new chunks; setting first keeps the area complete for a
    // reader meanwhile. Set first when both fit together.
    let during = 0;
    for (const [key, value] of Object.entries({ ...ours, ...set })) during += itemBytes(key, value);
    const setFirst =
      during + foreignBytes <= limits.quotaBytes &&
      Object.keys({ ...ours, ...set }).length + foreignItems <= limits.maxItems;
    try {
      budget.spend(ops, now());
      const writeSet = () => (setKeys.length > 0 ? area.set(set) : Promise.resolve());
      const writeRemove = () => (remove.length > 0 ? area.remove(remove) : Promise.resolve());
      written = plan.items;
      if (setFirst) {
        await writeSet();
        await writeRemove();
      } else {
        await writeRemove();
        await writeSet();
      }
    } catch (error) {
      written = {};
      const refused = classifyAreaError(error);
      if (refused.code === 'rate_limit') budget.drain(now());
      // Chrome may count a little differently from us: leave more room next time.
      if (refused.code === 'quota') safetyMargin = Math.min(MAX_SAFETY_MARGIN, safetyMargin * 2);
      setStatus(summary);
      return fail(refused, refused.code === 'rate_limit' ? Math.max(retryMs, 60_000) : retryMs);
    }
    if (corrupt) {
      return setStatus({
        state: 'error',
        error: { code: 'corrupt', detail: decoded.problems.map((p) => p.key).join(', ') },
        bytesInUse,
        ...summary,
      });
    }
    return setStatus({ state: 'synced', lastSyncedAt: now(), bytesInUse, ...summary });
  }

  async function persist(state: StoredReplica['state'], localKeys: string[]) {
    const current = replica!;
    const sameKeys =
      localKeys.length === current.localKeys.length && localKeys.every((k, i) => k === current.localKeys[i]);
    if (state === current.state && sameKeys) return;
    replica = { ...current, state, localKeys, clock: clock!.current() };
    await saveReplica(db, replica);
  }

  function syncNow(): Promise<SyncStatus> {
    running = running
      .catch(() => status)
      .then(() => (stopped ? status : exchange()))
      .catch((error: unknown) => fail(classifyAreaError(error), retryMs));
    return running;
  }

  return {
    async start() {
      unsubscribe.push(
        area.onChanged((changes) => {
          const foreign = Object.entries(changes).some(
            ([key, change]) => isSyncKey(key) && written[key] !== change.newValue,
          );
          if (foreign) schedule(REMOTE_DELAY_MS);
        }),
      );
      if (channel)
        unsubscribe.push(
          channel.subscribe((change) => {
            if (change.fromSync || change.areas.every((a) => a === 'attachments')) return;
            schedule(debounceMs);
          }),
        );
      return syncNow();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      for (const off of unsubscribe.splice(0)) off();
    },
    syncNow,
    status: () => status,
  };
}
