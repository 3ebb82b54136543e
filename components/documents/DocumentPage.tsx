import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildCallSheet, type CallSheetData } from '../../lib/documents/call-sheet';
import { buildLetterDocument } from '../../lib/documents/letter-from-ledger';
import { renderLetterPdf } from '../../lib/documents/letter-pdf';
import { localIsoDate } from '../../lib/domain/calendar';
import { defaultScenarioList } from '../../lib/domain/scenarios';
import type { IsoDate, Ledger } from '../../lib/domain/schemas';
import type { Locale } from '../../lib/i18n';
import { formatter } from '../sidebar/format';
import { CallSheet } from './CallSheet';

/** What `/document.html?kind=letter|call&client=…&invoices=a,b&step=…&notice=1` asks for. */
export interface DocumentRequest {
  kind: 'letter' | 'call';
  clientId: string;
  invoiceIds: string[];
  stepId?: string;
  formalNotice: boolean;
}

export function parseDocumentRequest(search: string): DocumentRequest | null {
  const params = new URLSearchParams(search);
  const kind = params.get('kind');
  const clientId = params.get('client');
  const invoiceIds = (params.get('invoices') ?? '').split(',').filter(Boolean);
  if ((kind !== 'letter' && kind !== 'call') || !clientId || invoiceIds.length === 0) return null;
  return {
    kind,
    clientId,
    invoiceIds,
    stepId: params.get('step') ?? undefined,
    formalNotice: params.get('notice') === '1',
  };
}

/** The letter asked for is a formal notice when the URL says so or its step is the formal notice. */
export function isFormalNotice(ledger: Ledger, request: DocumentRequest): boolean {
  if (request.formalNotice) return true;
  if (!request.stepId) return false;
  for (const scenario of [...ledger.scenarios, ...defaultScenarioList])
    for (const step of scenario.steps) if (step.id === request.stepId) return step.tone === 'formal_notice';
  return false;
}

export interface DocumentPageProps {
  search: string;
  loadLedger(): Promise<Ledger>;
  locale: Locale;
  today?: () => IsoDate;
  print?: () => void;
  setTitle?: (title: string) => void;
}

type View =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'letter'; url: string; fileName: string; title: string; size: number }
  | { kind: 'call'; sheet: CallSheetData };

/**
 * The extension page that shows a letter (as a PDF, generated here) or a call sheet (printable),
 * for the popup and the sidebar.
 */
export function DocumentPage({
  search,
  loadLedger,
  locale,
  today = () => localIsoDate(new Date()),
  print,
  setTitle,
}: DocumentPageProps) {
  const fmt = useMemo(() => formatter(locale), [locale]);
  const { t } = fmt;
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    let url: string | undefined;
    let cancelled = false;
    void (async () => {
      const request = parseDocumentRequest(search);
      if (!request) return setView({ kind: 'error', message: t('documents.page.badRequest') });
      try {
        const ledger = await loadLedger();
        const day = today();
        if (request.kind === 'call') {
          const sheet = buildCallSheet(ledger, request, day, locale);
          if (!sheet) return setView({ kind: 'error', message: t('documents.page.notFound') });
          setTitle?.(sheet.title);
          return setView({ kind: 'call', sheet });
        }
        const letter = buildLetterDocument(
          ledger,
          { ...request, formalNotice: isFormalNotice(ledger, request) },
          day,
        );
        if (!letter) return setView({ kind: 'error', message: t('documents.page.notFound') });
        const client = ledger.clients.find((c) => c.id === request.clientId)!;
        const bytes = await renderLetterPdf(letter, ledger.company, { locale: client.language });
        if (cancelled) return;
        url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
        const title = t('documents.page.letterTitle', { client: client.name });
        setTitle?.(title);
        const fileName = `${letter.subject} - ${client.name} - ${day}.pdf`.replace(/[\\/:*?"<>|]+/g, '-');
        setView({ kind: 'letter', url, fileName, title, size: bytes.length });
      } catch (error) {
        setView({
          kind: 'error',
          message: t('documents.page.error', {
            reason: error instanceof Error ? error.message : String(error),
          }),
        });
      }
    })();
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [search, loadLedger, locale]);

  return (
    <div class="rl-document" data-testid="document-page" data-state={view.kind}>
      {view.kind === 'loading' && <p>{t('documents.page.loading')}</p>}
      {view.kind === 'error' && (
        <p role="alert" data-testid="document-error">
          {view.message}
        </p>
      )}
      {view.kind === 'call' && <CallSheet sheet={view.sheet} fmt={fmt} onPrint={print} />}
      {view.kind === 'letter' && (
        <>
          <header class="rl-sheet-header rl-no-print">
            <h1>{view.title}</h1>
            <a
              class="rl-button"
              href={view.url}
              download={view.fileName}
              data-testid="letter-download"
              data-size={view.size}
            >
              {t('documents.page.download')}
            </a>
          </header>
          <iframe class="rl-document-pdf" src={view.url} title={view.title} data-testid="letter-pdf" />
        </>
      )}
    </div>
  );
}
