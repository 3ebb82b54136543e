import { z } from 'zod';
import { ledgerSchema, type Ledger } from '../domain/schemas';

/**
 * A backup is the whole ledger as one versioned JSON file. On the way in it is parsed with the
 * domain schemas; a file that fails changes nothing and says why, in words the user can act on.
 */

export const BACKUP_FORMAT = 'relance-backup';
export const BACKUP_VERSION = 1;

const attachmentSchema = z.object({
  id: z.string().min(1),
  name: z.string().max(300),
  type: z.string().max(100),
  /** Base64, so the file stays plain JSON. */
  base64: z.string(),
  addedAt: z.string(),
});
export type BackupAttachment = z.infer<typeof attachmentSchema>;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  ledger: ledgerSchema,
  attachments: z.array(attachmentSchema).default([]),
});
export type Backup = z.infer<typeof backupSchema>;

/** Upgrades of older backup files, keyed by the version they take in (none yet: version 1 is the first). */
const upgrades: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export function createBackup(ledger: Ledger, attachments: BackupAttachment[], now: Date): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    ledger,
    attachments,
  };
}

export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup, null, 1);
}

export type BackupProblem =
  | { code: 'not_json' }
  | { code: 'not_a_backup' }
  | { code: 'newer_version'; version: number }
  | { code: 'invalid'; path: string; message: string };

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

export function parseBackup(text: string): ParsedBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'not_json' } };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problem: { code: 'not_a_backup' } };
  }
  let data = raw as Record<string, unknown>;
  let version = typeof data.version === 'number' ? data.version : 0;
  if (version > BACKUP_VERSION) return { ok: false, problem: { code: 'newer_version', version } };
  while (version < BACKUP_VERSION) {
    const upgrade = upgrades[version];
    if (!upgrade) return { ok: false, problem: { code: 'not_a_backup' } };
    data = upgrade(data);
    version += 1;
  }
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: { code: 'invalid', path: issue.path.join('.'), message: issue.message } };
  }
  return { ok: true, backup: parsed.data };
}

export interface KindSummary {
  added: number;
  updated: number;
  unchanged: number;
}

export interface RestoreSummary {
  clients: KindSummary;
  invoices: KindSummary;
  events: KindSummary;
  scenarios: KindSummary;
  attachments: number;
  settingsChanged: boolean;
  companyChanged: boolean;
  ratesChanged: boolean;
}

function summarise<T extends { id: string }>(current: T[], incoming: T[]): KindSummary {
  const byId = new Map(current.map((record) => [record.id, JSON.stringify(record)]));
  const summary = { added: 0, updated: 0, unchanged: 0 };
  for (const record of incoming) {
    const existing = byId.get(record.id);
    if (existing === undefined) summary.added += 1;
    else if (existing === JSON.stringify(record)) summary.unchanged += 1;
    else summary.updated += 1;
  }
  return summary;
}

/**
 * What restoring would change, computed before anything is written. Restoring merges by id:
 * records of the file replace the ones with the same id, records only on this device stay,
 * and the history keeps every event of both.
 */
export function summariseRestore(current: Ledger, backup: Backup): RestoreSummary {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return {
    clients: summarise(current.clients, backup.ledger.clients),
    invoices: summarise(current.invoices, backup.ledger.invoices),
    events: summarise(current.events, backup.ledger.events),
    scenarios: summarise(current.scenarios, backup.ledger.scenarios),
    attachments: backup.attachments.length,
    settingsChanged: !same(current.settings, backup.ledger.settings),
    companyChanged: !same(current.company, backup.ledger.company),
    ratesChanged: !same(current.rates, backup.ledger.rates),
  };
}

export function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000)
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}
