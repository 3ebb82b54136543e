import type { Migration } from './index';

/** Version 1: the ledger's stores and the indexes the sidebar and matching look things up by. */
export const v1: Migration = (db) => {
  const clients = db.createObjectStore('clients', { keyPath: 'id' });
  clients.createIndex('by-email', 'emails', { multiEntry: true });
  clients.createIndex('by-domain', 'domains', { multiEntry: true });
  clients.createIndex('by-siren', 'siren');

  const invoices = db.createObjectStore('invoices', { keyPath: 'id' });
  invoices.createIndex('by-client', 'clientId');
  invoices.createIndex('by-number', 'number');

  const events = db.createObjectStore('events', { keyPath: 'id' });
  events.createIndex('by-client', 'clientId');
  events.createIndex('by-invoice', 'invoiceIds', { multiEntry: true });
  events.createIndex('by-date', 'date');

  db.createObjectStore('scenarios', { keyPath: 'id' });
  db.createObjectStore('attachments', { keyPath: 'id' });
  db.createObjectStore('meta');
};
