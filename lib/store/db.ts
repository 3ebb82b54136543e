import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type {
  Client,
  CompanyProfile,
  Invoice,
  LedgerEvent,
  RateTable,
  Scenario,
  Settings,
} from '../domain/schemas';
import { migrations } from './migrations';

/** An invoice PDF (or any file attached to an invoice), kept beside the ledger. */
export interface Attachment {
  id: string;
  name: string;
  type: string;
  bytes: ArrayBuffer;
  addedAt: string;
}

/** Singletons kept in the `meta` store, with their value types. */
export interface MetaValues {
  company: CompanyProfile;
  rates: RateTable;
  settings: Settings;
  /** The replica state for sync (lib/store/sync), opaque here. */
  replica: unknown;
}
export type MetaKey = keyof MetaValues;

export interface RelanceDb extends DBSchema {
  clients: {
    key: string;
    value: Client;
    indexes: { 'by-email': string; 'by-domain': string; 'by-siren': string };
  };
  invoices: {
    key: string;
    value: Invoice;
    indexes: { 'by-client': string; 'by-number': string };
  };
  events: {
    key: string;
    value: LedgerEvent;
    indexes: { 'by-client': string; 'by-invoice': string; 'by-date': string };
  };
  scenarios: { key: string; value: Scenario };
  attachments: { key: string; value: Attachment };
  meta: { key: MetaKey; value: MetaValues[MetaKey] };
}

export type LedgerDb = IDBPDatabase<RelanceDb>;
export const DB_NAME = 'relance';
export const DB_VERSION = migrations.length;

/**
 * Opens (and upgrades) the ledger. Only extension pages, the background and the add-in's own
 * pages may call this: in a content script it would open Gmail's origin, not ours.
 * idb reads the global `indexedDB`; unit tests install fake-indexeddb's in its place.
 */
export function openLedgerDb(name = DB_NAME): Promise<LedgerDb> {
  return openDB<RelanceDb>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < DB_VERSION; version++) migrations[version]!(db, tx);
    },
    blocking(_current, _blocked, event) {
      // A newer version is waiting in another page: let it upgrade; this page reopens later.
      (event.target as IDBDatabase | null)?.close();
    },
  });
}
