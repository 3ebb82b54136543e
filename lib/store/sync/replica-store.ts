import type { LedgerDb } from '../db';
import { assertNodeId, BASE62, type Hlc } from './hlc';
import { emptyState, type ReplicaState } from './state';

/**
 * The replica kept in the ledger's `meta` store, so a restart neither re-uploads everything nor
 * takes the ledger's records for new edits. IndexedDB clones Maps as they are.
 */
export interface StoredReplica {
  version: 1;
  nodeId: string;
  clock: Hlc;
  state: ReplicaState;
  /** Record keys the ledger held after the last exchange (see ledger-sync.ts). */
  localKeys: string[];
}

export function newNodeId(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  return [...random(new Uint8Array(10))].map((byte) => BASE62[byte % 62]).join('');
}

function isStored(value: unknown): value is StoredReplica {
  const v = value as StoredReplica | undefined;
  return (
    v?.version === 1 &&
    typeof v.nodeId === 'string' &&
    v.state?.records instanceof Map &&
    v.state.events instanceof Map &&
    Array.isArray(v.localKeys) &&
    typeof v.clock?.wallMs === 'number'
  );
}

export async function loadReplica(db: LedgerDb, nodeId?: string): Promise<StoredReplica> {
  const stored = await db.get('meta', 'replica');
  if (isStored(stored) && (nodeId === undefined || stored.nodeId === nodeId)) return stored;
  const id = nodeId ?? newNodeId();
  assertNodeId(id);
  return {
    version: 1,
    nodeId: id,
    clock: { wallMs: 0, counter: 0, nodeId: id },
    state: emptyState(),
    localKeys: [],
  };
}

export async function saveReplica(db: LedgerDb, replica: StoredReplica): Promise<void> {
  await db.put('meta', replica, 'replica');
}
