import '../../lib/i18n/areas/documents';
import { render } from 'preact';
import '../../components/theme.css';
import '../../components/documents/documents.css';
import { DocumentPage } from '../../components/documents/DocumentPage';
import { defaultRateTable } from '../../lib/domain/rates';
import { pickLocale } from '../../lib/i18n';
import { openLedgerDb } from '../../lib/store/db';
import { createLedgerRepository } from '../../lib/store/repository';

/** The document page: a letter's PDF or a call sheet, opened in a tab by the popup or the sidebar. */
async function main() {
  const repo = createLedgerRepository(await openLedgerDb(), {
    origin: 'document',
    defaultRates: defaultRateTable,
  });
  const settings = await repo.getSettings();
  const locale = settings.language ?? pickLocale(navigator.languages);
  document.documentElement.lang = locale;
  render(
    <DocumentPage
      search={location.search}
      loadLedger={repo.loadLedger}
      locale={locale}
      print={() => window.print()}
      setTitle={(title) => (document.title = title)}
    />,
    document.getElementById('app')!,
  );
}

void main();
