import { useEffect, useMemo, useState } from 'preact/hooks';
import { translator, type Locale } from '../../lib/i18n';
import { describeSyncStatus, type SyncStatus } from '../../lib/store/sync/status';
import { watchSyncStatus } from '../../lib/store/sync/status-port';

const BCP47: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** The sync state in plain words: presentational, the status comes in. */
export function SyncStatusView({ status, locale }: { status: SyncStatus; locale: Locale }) {
  const text = useMemo(() => {
    const time = new Intl.DateTimeFormat(BCP47[locale], { hour: '2-digit', minute: '2-digit' });
    return describeSyncStatus(status, translator(locale), (ms) => time.format(new Date(ms)));
  }, [status, locale]);
  return (
    <div class="rl-sync" data-testid="sync-status" data-state={status.state} role="status">
      <p class="rl-sync-headline">{text.headline}</p>
      {text.details.map((line) => (
        <p class="rl-sync-detail" key={line}>
          {line}
        </p>
      ))}
    </div>
  );
}

/** Follows the status the background publishes; shows nothing until there is one. */
export function SyncStatusLine({
  locale,
  watch = watchSyncStatus,
}: {
  locale: Locale;
  watch?: (callback: (status: SyncStatus) => void) => () => void;
}) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => watch(setStatus), [watch]);
  return status ? <SyncStatusView status={status} locale={locale} /> : null;
}
