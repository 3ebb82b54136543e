import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { RelanceDb } from '../db';
import { v1 } from './v1';

export type Migration = (
  db: IDBPDatabase<RelanceDb>,
  tx: IDBPTransaction<RelanceDb, StoreNames<RelanceDb>[], 'versionchange'>,
) => void;

/**
 * One migration per version step, in order: `migrations[n]` takes a database of version n to
 * version n + 1. Never edit a published one; add the next. Each is tested on data of the
 * version before it (tests/unit/store/migrations.test.ts).
 */
export const migrations: readonly Migration[] = [v1];
