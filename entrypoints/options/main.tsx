import '../../lib/i18n/all';
import { render } from 'preact';
import { OptionsApp, sections, type Section } from '../../components/options/OptionsApp';
import '../../components/options/options.css';
import { defaultRateTable } from '../../lib/domain/rates';
import { pickLocale } from '../../lib/i18n';
import { broadcastChangeChannel } from '../../lib/store/changes';
import { openLedgerDb } from '../../lib/store/db';
import { createLedgerRepository } from '../../lib/store/repository';

/** A file made in the page and handed to the browser's download. */
function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#/, '');
  return (sections as readonly string[]).includes(name) ? (name as Section) : 'tracking';
}

async function main() {
  const channel = broadcastChangeChannel();
  const repo = createLedgerRepository(await openLedgerDb(), {
    channel,
    origin: 'options',
    defaultRates: defaultRateTable,
  });
  addEventListener('pagehide', () => channel.close(), { once: true });
  render(
    <OptionsApp
      repo={repo}
      changes={channel}
      locale={pickLocale(navigator.languages)}
      section={sectionFromHash(location.hash)}
      onSection={(section) => history.replaceState(null, '', `#${section}`)}
      download={download}
    />,
    document.getElementById('app')!,
  );
}

void main();
