import { useState } from 'preact/hooks';
import type { Ledger } from '../../lib/domain/schemas';
import {
  parseBackup,
  serializeBackup,
  summariseRestore,
  type Backup,
  type BackupProblem,
  type RestoreSummary,
} from '../../lib/store/backup';
import { exportBackup, restoreBackup } from '../../lib/store/backup-io';
import type { ChangeChannel } from '../../lib/store/changes';
import type { LedgerRepository } from '../../lib/store/repository';
import type { Formatter, Translate } from './format';

export interface BackupViewProps {
  fmt: Formatter;
  repo: LedgerRepository;
  changes: ChangeChannel;
  ledger: Ledger;
  download(name: string, type: string, content: string): void;
  now?: () => Date;
}

type Pending =
  | { kind: 'none' }
  | { kind: 'problem'; text: string }
  | { kind: 'ready'; name: string; backup: Backup; summary: RestoreSummary }
  | { kind: 'restoring' }
  | { kind: 'restored' };

export function problemText(t: Translate, problem: BackupProblem): string {
  switch (problem.code) {
    case 'not_json':
      return t('options.backup.notJson');
    case 'not_a_backup':
      return t('options.backup.notBackup');
    case 'newer_version':
      return t('options.backup.newer', { version: problem.version });
    case 'invalid':
      return t('options.backup.invalid', { path: problem.path || '—', message: problem.message });
  }
}

/** Export everything to one file; import one back, shown first and written only once confirmed. */
export function BackupView({
  fmt,
  repo,
  changes,
  ledger,
  download,
  now = () => new Date(),
}: BackupViewProps) {
  const { t } = fmt;
  const [pending, setPending] = useState<Pending>({ kind: 'none' });
  const [exported, setExported] = useState('');

  const exportAll = async () => {
    const backup = await exportBackup(repo, now());
    const day = backup.exportedAt.slice(0, 10);
    download(`relance-sauvegarde-${day}.json`, 'application/json', serializeBackup(backup));
    setExported(t('options.backup.exported', { invoices: backup.ledger.invoices.length }));
  };

  const read = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseBackup(await file.text());
    if (!parsed.ok) setPending({ kind: 'problem', text: problemText(t, parsed.problem) });
    else
      setPending({
        kind: 'ready',
        name: file.name,
        backup: parsed.backup,
        summary: summariseRestore(ledger, parsed.backup),
      });
  };

  const confirm = async (backup: Backup) => {
    setPending({ kind: 'restoring' });
    try {
      await restoreBackup(repo.db, backup, changes);
      setPending({ kind: 'restored' });
    } catch (error) {
      setPending({
        kind: 'problem',
        text: t('options.backup.failed', { reason: error instanceof Error ? error.message : String(error) }),
      });
    }
  };

  return (
    <div class="ro-backup">
      <section class="ro-card" aria-labelledby="export-title">
        <h2 id="export-title">{t('options.backup.exportTitle')}</h2>
        <p class="ro-muted">{t('options.backup.exportHelp')}</p>
        <div class="ro-actions">
          <button type="button" class="ro-primary" onClick={() => void exportAll()}>
            {t('options.backup.export')}
          </button>
          <span role="status" class="ro-notice">
            {exported}
          </span>
        </div>
      </section>

      <section class="ro-card" aria-labelledby="restore-title">
        <h2 id="restore-title">{t('options.backup.importTitle')}</h2>
        <p class="ro-muted">{t('options.backup.importHelp')}</p>
        <label class="ro-field">
          <span>{t('options.backup.file')}</span>
          <input
            type="file"
            accept="application/json,.json"
            data-testid="backup-file"
            onChange={(event) => {
              const input = event.currentTarget as HTMLInputElement;
              void read(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
        <div aria-live="polite">
          {pending.kind === 'problem' && (
            <p class="ro-error" role="alert" data-testid="backup-problem">
              {pending.text}
            </p>
          )}
          {pending.kind === 'ready' && (
            <RestoreSummaryView
              t={t}
              name={pending.name}
              summary={pending.summary}
              onConfirm={() => void confirm(pending.backup)}
              onCancel={() => setPending({ kind: 'none' })}
            />
          )}
          {pending.kind === 'restoring' && <p class="ro-muted">{t('options.backup.restoring')}</p>}
          {pending.kind === 'restored' && (
            <p class="ro-ok" role="status" data-testid="backup-restored">
              {t('options.backup.restored')}
            </p>
          )}
        </div>
      </section>
    </div>
  );
}

function RestoreSummaryView({
  t,
  name,
  summary,
  onConfirm,
  onCancel,
}: {
  t: Translate;
  name: string;
  summary: RestoreSummary;
  onConfirm(): void;
  onCancel(): void;
}) {
  const kinds = [
    ['clients', 'options.backup.clients'],
    ['invoices', 'options.backup.invoices'],
    ['events', 'options.backup.events'],
    ['scenarios', 'options.backup.scenarios'],
  ] as const;
  const changed = [
    summary.companyChanged && t('options.backup.companyChanged'),
    summary.settingsChanged && t('options.backup.settingsChanged'),
    summary.ratesChanged && t('options.backup.ratesChanged'),
  ].filter((text): text is string => Boolean(text));
  return (
    <div class="ro-summary" data-testid="backup-summary">
      <p>{t('options.backup.summaryIntro', { name })}</p>
      <table class="ro-small-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('options.backup.added')}</th>
            <th scope="col">{t('options.backup.updated')}</th>
            <th scope="col">{t('options.backup.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map(([kind, label]) => (
            <tr key={kind}>
              <th scope="row">{t(label)}</th>
              <td>{summary[kind].added}</td>
              <td>{summary[kind].updated}</td>
              <td>{summary[kind].unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.attachments > 0 && <p>{t('options.backup.attachments', { count: summary.attachments })}</p>}
      {changed.length > 0 && (
        <ul>
          {changed.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      <p class="ro-muted">{t('options.backup.mergeNote')}</p>
      <div class="ro-actions">
        <button type="button" class="ro-primary" onClick={onConfirm}>
          {t('options.backup.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('options.backup.cancel')}
        </button>
      </div>
    </div>
  );
}
