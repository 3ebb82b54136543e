import { loadPdfJs } from '../shared/pdfjs';
import { useMemo, useState } from 'preact/hooks';
import type { IsoDate, Ledger } from '../../lib/domain/schemas';
import {
  analyseCsv,
  csvFields,
  describeIssue,
  importCsv,
  importEInvoices,
  parseEInvoice,
  type CsvAnalysis,
  type CsvField,
  type CsvMapping,
  type EInvoiceDocument,
  type ImportIssue,
  type ImportResult,
  type PdfJsLike,
} from '../../lib/import';
import type { LedgerRepository } from '../../lib/store/repository';
import { BCP47, type Formatter } from './format';
import { batchOf, fileKind } from './import-model';

export interface ImportViewProps {
  fmt: Formatter;
  repo: LedgerRepository;
  ledger: Ledger;
  today: IsoDate;
}

interface EInvoiceFile {
  name: string;
  document?: EInvoiceDocument;
  error?: ImportIssue;
}

type Source =
  | { kind: 'none' }
  | { kind: 'csv'; name: string; analysis: CsvAnalysis }
  | { kind: 'einvoice'; files: EInvoiceFile[] }
  | { kind: 'unknown'; name: string };

/** CSV exports and e-invoices into the ledger: read, mapped, previewed with every problem, written on confirmation. */
export function ImportView({ fmt, repo, ledger, today }: ImportViewProps) {
  const { t } = fmt;
  const [source, setSource] = useState<Source>({ kind: 'none' });
  const [mapping, setMapping] = useState<CsvMapping>({});
  const [dueDates, setDueDates] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [dragging, setDragging] = useState(false);

  const read = async (list: FileList | File[] | null | undefined) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    setBusy(true);
    setNotice('');
    try {
      const first = files[0]!;
      const bytes = new Uint8Array(await first.arrayBuffer());
      const kind = fileKind(first.name, bytes);
      if (kind === 'csv') {
        const analysis = analyseCsv(bytes);
        setMapping(analysis.mapping);
        setSource({ kind: 'csv', name: first.name, analysis });
      } else if (kind === 'einvoice') {
        let pdfjs: PdfJsLike | undefined;
        const parsed: EInvoiceFile[] = [];
        for (const file of files) {
          const content = file === first ? bytes : new Uint8Array(await file.arrayBuffer());
          if (
            !pdfjs &&
            fileKind(file.name, content) === 'einvoice' &&
            /%PDF-/.test(new TextDecoder('latin1').decode(content.subarray(0, 1024)))
          )
            pdfjs = await loadPdfJs();
          const result = await parseEInvoice(content, { pdfjs });
          parsed.push(
            result.ok
              ? { name: file.name, document: result.document }
              : { name: file.name, error: result.error },
          );
        }
        setDueDates({});
        setSource({ kind: 'einvoice', files: parsed });
      } else setSource({ kind: 'unknown', name: first.name });
    } finally {
      setBusy(false);
    }
  };

  const result: ImportResult | null = useMemo(() => {
    if (source.kind === 'csv') return importCsv(source.analysis, mapping, ledger, today);
    if (source.kind === 'einvoice') {
      const items = source.files.flatMap((file, index) =>
        file.document ? [{ document: file.document, dueDate: dueDates[index] || undefined }] : [],
      );
      return importEInvoices(items, { ...ledger, company: ledger.company });
    }
    return null;
  }, [source, mapping, dueDates, ledger, today]);

  const write = async () => {
    if (!result) return;
    const batch = batchOf(result);
    setBusy(true);
    try {
      await repo.saveBatch(batch);
      setNotice(t('options.import.done', { invoices: batch.invoices.length, clients: batch.clients.length }));
      setSource({ kind: 'none' });
    } catch (error) {
      setNotice(
        t('options.import.failed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const describe = (item: ImportIssue) =>
    describeIssue(item, (key, params) => t(key, params), BCP47[fmt.locale]);
  const toWrite = result ? batchOf(result) : null;

  return (
    <div class="ro-import">
      <section class="ro-card" aria-labelledby="import-title">
        <h2 id="import-title">{t('options.import.title')}</h2>
        <p class="ro-muted">{t('options.import.help')}</p>
        <label
          class={`ro-drop${dragging ? ' ro-dragging' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            void read(event.dataTransfer?.files);
          }}
        >
          <span>{t('options.import.drop')}</span>
          <input
            type="file"
            multiple
            accept=".csv,.txt,.tsv,.xml,.pdf,text/csv,application/xml,text/xml,application/pdf"
            data-testid="import-file"
            onChange={(event) => {
              const input = event.currentTarget as HTMLInputElement;
              void read(input.files).finally(() => (input.value = ''));
            }}
          />
        </label>
        {busy && <p class="ro-muted">{t('options.import.reading')}</p>}
        <p role="status" class="ro-notice" data-testid="import-notice">
          {notice}
        </p>
        {source.kind === 'unknown' && (
          <p class="ro-error" role="alert">
            {t('options.import.unknownFile', { name: source.name })}
          </p>
        )}
      </section>

      {source.kind === 'csv' && (
        <CsvMappingView
          fmt={fmt}
          name={source.name}
          analysis={source.analysis}
          mapping={mapping}
          onMapping={setMapping}
        />
      )}
      {source.kind === 'einvoice' && (
        <section class="ro-card" aria-labelledby="einvoice-title">
          <h2 id="einvoice-title">{t('options.import.einvoices')}</h2>
          <table class="ro-small-table" data-testid="einvoice-list">
            <thead>
              <tr>
                <th scope="col">{t('options.import.file')}</th>
                <th scope="col">{t('import.field.number')}</th>
                <th scope="col">{t('import.field.client')}</th>
                <th scope="col">{t('import.field.total')}</th>
                <th scope="col">{t('import.field.dueDate')}</th>
              </tr>
            </thead>
            <tbody>
              {source.files.map((file, index) => (
                <tr key={`${file.name}-${index}`}>
                  <td>{file.name}</td>
                  {file.document ? (
                    <>
                      <td>{file.document.number}</td>
                      <td>{file.document.buyer.name}</td>
                      <td class="ro-num">{fmt.money(file.document.totalCents, file.document.currency)}</td>
                      <td>
                        {file.document.needsDueDate ? (
                          <input
                            type="date"
                            aria-label={t('options.import.dueDateFor', { number: file.document.number })}
                            value={dueDates[index] ?? ''}
                            onInput={(event) =>
                              setDueDates((previous) => ({
                                ...previous,
                                [index]: (event.currentTarget as HTMLInputElement).value,
                              }))
                            }
                          />
                        ) : file.document.dueDate ? (
                          fmt.date(file.document.dueDate)
                        ) : (
                          '—'
                        )}
                      </td>
                    </>
                  ) : (
                    <td colSpan={4} class="ro-error">
                      {file.error && describe(file.error)}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {result && toWrite && (
        <section class="ro-card" aria-labelledby="report-title" data-testid="import-report">
          <h2 id="report-title">{t('options.import.report')}</h2>
          <p>
            {t('options.import.counts', {
              rows: result.counts.rows,
              rejected: result.counts.rejected,
              newInvoices: result.counts.newInvoices,
              updatedInvoices: result.counts.updatedInvoices,
              unchanged: result.counts.unchangedInvoices,
              newClients: result.counts.newClients,
            })}
          </p>
          {result.issues.length > 0 && (
            <ul class="ro-issues">
              {result.issues.slice(0, 200).map((item, index) => (
                <li key={index} class={`ro-issue-${item.severity}`}>
                  <strong>{t(`options.import.severity.${item.severity}`)}</strong> {describe(item)}
                </li>
              ))}
              {result.issues.length > 200 && (
                <li>{t('options.import.moreIssues', { count: result.issues.length - 200 })}</li>
              )}
            </ul>
          )}
          <div class="ro-actions">
            <button
              type="button"
              class="ro-primary"
              disabled={busy || (toWrite.invoices.length === 0 && toWrite.clients.length === 0)}
              onClick={() => void write()}
            >
              {t('options.import.confirm', { count: toWrite.invoices.length })}
            </button>
            <button type="button" onClick={() => setSource({ kind: 'none' })}>
              {t('options.backup.cancel')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

function CsvMappingView({
  fmt,
  name,
  analysis,
  mapping,
  onMapping,
}: {
  fmt: Formatter;
  name: string;
  analysis: CsvAnalysis;
  mapping: CsvMapping;
  onMapping(mapping: CsvMapping): void;
}) {
  const { t } = fmt;
  const setField = (field: CsvField, value: string) => {
    const next = { ...mapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    onMapping(next);
  };
  return (
    <section class="ro-card" aria-labelledby="mapping-title" data-testid="csv-mapping">
      <h2 id="mapping-title">{t('options.import.mapping', { name })}</h2>
      <p class="ro-muted">
        {t('options.import.fileInfo', {
          rows: analysis.rowCount,
          delimiter: analysis.delimiter === '\t' ? 'tab' : analysis.delimiter,
          encoding: analysis.encoding,
        })}
      </p>
      <div class="ro-grid">
        {csvFields.map((field) => {
          const uncertain = analysis.uncertain.includes(field);
          return (
            <div key={field} class={`ro-field${uncertain ? ' ro-uncertain' : ''}`}>
              <label for={`map-${field}`}>
                {t(`import.field.${field}`)}
                {uncertain && ` – ${t('options.import.check')}`}
              </label>
              <select
                id={`map-${field}`}
                value={mapping[field] === undefined ? '' : String(mapping[field])}
                onChange={(event) => setField(field, (event.currentTarget as HTMLSelectElement).value)}
              >
                <option value="">{t('options.import.noColumn')}</option>
                {analysis.headers.map((header, index) => (
                  <option key={index} value={String(index)}>
                    {header || t('options.import.columnN', { n: index + 1 })}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <h3>{t('options.import.preview')}</h3>
      <div class="ro-preview-scroll">
        <table class="ro-small-table">
          <thead>
            <tr>
              {analysis.headers.map((header, index) => {
                const field = csvFields.find((candidate) => mapping[candidate] === index);
                return (
                  <th key={index} scope="col">
                    {header}
                    {field && <span class="ro-muted ro-small"> → {t(`import.field.${field}`)}</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {analysis.sampleRows.map((row, index) => (
              <tr key={index}>
                {analysis.headers.map((_, column) => (
                  <td key={column}>{row[column] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
