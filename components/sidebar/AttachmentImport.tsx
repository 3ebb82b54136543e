import { useState } from 'preact/hooks';
import type { Ledger } from '../../lib/domain/schemas';
import type { LedgerAccess } from '../../lib/extension/ledger-port';
import type { EInvoiceDocument, ImportIssue } from '../../lib/import';
import type { MailHost, ThreadContext } from '../../lib/mail/types';
import type { Formatter } from './format';

/** Attachment names that may be e-invoices (Factur-X PDF, CII or UBL XML). */
const INVOICE_FILE = /\.(pdf|xml)$/i;

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; name: string }
  | { kind: 'preview'; document: EInvoiceDocument; dueDate: string; issues: string[] }
  | { kind: 'done'; number: string }
  | { kind: 'failed'; message: string };

interface Props {
  fmt: Formatter;
  thread: ThreadContext;
  ledger: Ledger;
  host: MailHost;
  repo: LedgerAccess;
  onImported(clientId: string): void;
}

/**
 * The thread carries an invoice file: read it (Factur-X, CII, UBL) and put the invoice and its
 * client into the ledger after a look at what was found. A file that is no e-invoice says so.
 */
export function AttachmentImport({ fmt, thread, ledger, host, repo, onImported }: Props) {
  const { t } = fmt;
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const known = new Set(ledger.invoices.map((invoice) => invoice.number.toLowerCase()));
  const files = thread.attachmentNames.filter(
    (name) => INVOICE_FILE.test(name) && !known.has(name.replace(INVOICE_FILE, '').toLowerCase()),
  );
  if (!host.fetchAttachment || files.length === 0) return null;
  const reader = () => import('./attachment-reader');
  const describeWith =
    (module: Awaited<ReturnType<typeof reader>>) =>
    (issue: ImportIssue): string =>
      module.describeIssue(issue, t, fmt.locale === 'fr' ? 'fr-FR' : 'en-GB');

  async function read(name: string) {
    setStage({ kind: 'busy', name });
    const [file, module] = await Promise.all([host.fetchAttachment!(name), reader()]);
    const describe = describeWith(module);
    if (!file.ok) return setStage({ kind: 'failed', message: t(`sidebar.attachment.${file.reason}`) });
    const bytes = new Uint8Array(file.bytes);
    const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50; // "%P"
    const parsed = await module.parseEInvoice(bytes, isPdf ? { pdfjs: await module.loadPdfJs() } : {});
    if (!parsed.ok) return setStage({ kind: 'failed', message: describe(parsed.error) });
    const document = parsed.document;
    setStage({
      kind: 'preview',
      document,
      dueDate: document.dueDate ?? '',
      issues: document.issues.map(describe),
    });
  }

  async function save() {
    if (stage.kind !== 'preview') return;
    const module = await reader();
    const describe = describeWith(module);
    const result = module.importEInvoices(
      [{ document: stage.document, dueDate: stage.dueDate || undefined }],
      {
        clients: ledger.clients,
        invoices: ledger.invoices,
        company: ledger.company,
      },
    );
    const imported = result.invoices[0];
    if (!imported) {
      const issue = result.issues.find((i) => i.severity === 'error') ?? result.issues[0];
      return setStage({ kind: 'failed', message: issue ? describe(issue) : t('sidebar.attachment.nothing') });
    }
    // The thread's sender is this client's: remember the address so the next thread is recognised.
    const sender = thread.participants.find(
      (person) => !ledger.settings.ownEmails.includes(person.email) && person.role === 'from',
    );
    const clients = result.clients.map(({ client }) =>
      client.id === imported.invoice.clientId && sender && !client.emails.includes(sender.email)
        ? { ...client, emails: [...client.emails, sender.email] }
        : client,
    );
    try {
      await repo.saveBatch({ clients, invoices: result.invoices.map((entry) => entry.invoice) });
      setStage({ kind: 'done', number: imported.invoice.number });
      onImported(imported.invoice.clientId);
    } catch (error) {
      setStage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <section class="rl-card" data-testid="attachment-import" aria-labelledby="rl-attachment">
      <h3 id="rl-attachment">{t('sidebar.attachment.title')}</h3>
      {stage.kind !== 'preview' &&
        files.map((name) => (
          <button key={name} type="button" disabled={stage.kind === 'busy'} onClick={() => void read(name)}>
            {stage.kind === 'busy' && stage.name === name
              ? t('sidebar.attachment.reading')
              : t('sidebar.attachment.read', { name })}
          </button>
        ))}
      {stage.kind === 'preview' && (
        <div data-testid="attachment-preview">
          <p>
            <strong>{stage.document.number}</strong> — {stage.document.buyer.name}
          </p>
          <p>
            {t('sidebar.attachment.amountDue', {
              amount: fmt.money(stage.document.dueCents, stage.document.currency),
            })}
          </p>
          {stage.document.isDebt ? (
            <label class="rl-form">
              {t('sidebar.attachment.dueDate')}
              <input
                type="date"
                value={stage.dueDate}
                required
                onInput={(event) => setStage({ ...stage, dueDate: event.currentTarget.value })}
              />
            </label>
          ) : null}
          {stage.issues.map((issue, i) => (
            <p key={i} class="rl-muted">
              {issue}
            </p>
          ))}
          <div class="rl-buttons">
            <button
              type="button"
              class="rl-primary"
              disabled={!stage.document.isDebt || !stage.dueDate}
              onClick={() => void save()}
            >
              {t('sidebar.attachment.add')}
            </button>
            <button type="button" onClick={() => setStage({ kind: 'idle' })}>
              {t('sidebar.attachment.cancel')}
            </button>
          </div>
        </div>
      )}
      {stage.kind === 'done' && <p role="status">{t('sidebar.attachment.done', { number: stage.number })}</p>}
      {stage.kind === 'failed' && (
        <p class="rl-error" role="alert">
          {stage.message}
        </p>
      )}
    </section>
  );
}
