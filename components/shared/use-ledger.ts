import { useCallback, useEffect, useState } from 'preact/hooks';
import type { IsoDate, Ledger } from '../../lib/domain/schemas';
import type { ChangeChannel, LedgerChange } from '../../lib/store/changes';

export interface LedgerState {
  ledger: Ledger | null;
  /** The day the ledger was read on: statuses are computed for it. */
  day: IsoDate;
  error: string | null;
  reload(): Promise<void>;
}

/** Changes come in bursts (an import, a sync): one reload per burst. */
const RELOAD_DELAY_MS = 50;

/**
 * The ledger as a page shows it: read once, read again after every change announced on the
 * channel (from this page, another page, or another browser through sync).
 */
export function useLedger(
  load: () => Promise<Ledger>,
  changes: ChangeChannel,
  today: () => IsoDate,
  onChange?: (change: LedgerChange) => void,
): LedgerState {
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [day, setDay] = useState(today);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setLedger(await load());
      setDay(today());
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, [load]);

  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = changes.subscribe((change) => {
      onChange?.(change);
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), RELOAD_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [changes, reload]);

  return { ledger, day, error, reload };
}
