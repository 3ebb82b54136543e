import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { localIsoDate } from '../../lib/domain/calendar';
import { planActions } from '../../lib/domain/engine';
import { type IsoDate, type LedgerEventInput } from '../../lib/domain/schemas';
import type { Locale } from '../../lib/i18n';
import type { ChangeChannel } from '../../lib/store/changes';
import type { LedgerRepository } from '../../lib/store/repository';
import { useLedger } from '../shared/use-ledger';
import { BackupView } from './BackupView';
import type { NewId } from './bulk-actions';
import { FiguresView } from './FiguresView';
import { ImportView } from './ImportView';
import { formatter } from './format';
import { ScenarioView } from './ScenarioView';
import { SettingsView } from './SettingsView';
import { TemplatesView } from './TemplatesView';
import { TrackingView } from './TrackingView';

/**
 * Edited templates live in the settings once the settings schema has a `templates` field
 * (templateOverridesSchema); until then the editor checks and previews without saving.
 */

export const sections = [
  'tracking',
  'figures',
  'settings',
  'scenarios',
  'templates',
  'import',
  'backup',
] as const;
export type Section = (typeof sections)[number];

export interface OptionsAppProps {
  repo: LedgerRepository;
  changes: ChangeChannel;
  /** Before the settings are read: the browser's language. */
  locale: Locale;
  section?: Section;
  onSection?(section: Section): void;
  today?: () => IsoDate;
  newId?: NewId;
  download(name: string, type: string, content: string): void;
}

/** The whole picture: every invoice, the figures, and the settings that shape the product. */
export function OptionsApp({
  repo,
  changes,
  locale: initialLocale,
  section: initialSection = 'tracking',
  onSection,
  today = () => localIsoDate(new Date()),
  newId = () => crypto.randomUUID(),
  download,
}: OptionsAppProps) {
  const [section, setSection] = useState<Section>(initialSection);
  // Forms keep what is typed until the data under them changes from elsewhere.
  const [generation, setGeneration] = useState(0);
  const loadLedger = useCallback(() => repo.loadLedger(), [repo]);
  const {
    ledger,
    day,
    error: loadError,
    reload,
  } = useLedger(loadLedger, changes, today, (change) => {
    if (change.origin !== 'options') setGeneration((value) => value + 1);
  });
  const locale: Locale = ledger?.settings.language ?? initialLocale;
  const fmt = useMemo(() => formatter(locale), [locale]);
  const { t } = fmt;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t('options.title')} – Relance`;
  }, [locale, t]);

  const plan = useMemo(() => (ledger ? planActions(ledger, day) : null), [ledger, day]);

  const record = useCallback(
    async (events: LedgerEventInput[]) => {
      for (const event of events) await repo.appendEvent(event);
      await reload();
    },
    [repo, reload],
  );

  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const choose = (next: Section, focus = false) => {
    setSection(next);
    onSection?.(next);
    if (focus) tabs.current[sections.indexOf(next)]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // From the focused tab: focus may sit on a tab other than the selected one.
    const focused = tabs.current.indexOf(event.target as HTMLButtonElement);
    const index = focused >= 0 ? focused : sections.indexOf(section);
    const moves: Record<string, number> = {
      ArrowDown: (index + 1) % sections.length,
      ArrowUp: (index - 1 + sections.length) % sections.length,
      Home: 0,
      End: sections.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    choose(sections[target]!, true);
  };

  let body: preact.ComponentChildren;
  if (loadError)
    body = (
      <p class="ro-error" role="alert">
        {t('options.loadError', { reason: loadError })}
      </p>
    );
  else if (!ledger || !plan) body = <p class="ro-muted">{t('options.loading')}</p>;
  else if (section === 'tracking')
    body = (
      <TrackingView fmt={fmt} ledger={ledger} plan={plan} today={day} record={record} download={download} />
    );
  else if (section === 'figures') body = <FiguresView fmt={fmt} ledger={ledger} plan={plan} today={day} />;
  else if (section === 'settings')
    body = (
      <SettingsView
        key={generation}
        fmt={fmt}
        repo={repo}
        company={ledger.company}
        settings={ledger.settings}
        rates={ledger.rates}
        today={day}
      />
    );
  else if (section === 'scenarios')
    body = (
      <ScenarioView
        key={generation}
        fmt={fmt}
        repo={repo}
        scenarios={ledger.scenarios}
        today={day}
        newId={newId}
      />
    );
  else if (section === 'templates')
    body = (
      <TemplatesView
        key={generation}
        fmt={fmt}
        ledger={ledger}
        today={day}
        overrides={ledger.settings.templates}
        save={(overrides) =>
          repo.saveSettings({ ...ledger.settings, templates: overrides }).then(() => undefined)
        }
      />
    );
  else if (section === 'import') body = <ImportView fmt={fmt} repo={repo} ledger={ledger} today={day} />;
  else body = <BackupView fmt={fmt} repo={repo} changes={changes} ledger={ledger} download={download} />;

  return (
    <div class="ro" data-testid="options">
      <nav class="ro-nav" aria-label={t('options.nav')}>
        <div class="ro-brand">
          <span class="ro-logo" aria-hidden="true">
            R
          </span>
          <span>Relance</span>
        </div>
        <div role="tablist" aria-orientation="vertical" aria-label={t('options.nav')} onKeyDown={onKeyDown}>
          {sections.map((name, index) => (
            <button
              key={name}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={section === name}
              aria-controls={`panel-${name}`}
              tabIndex={section === name ? 0 : -1}
              class="ro-tab"
              onClick={() => choose(name)}
            >
              {t(`options.section.${name}`)}
            </button>
          ))}
        </div>
      </nav>
      <main class="ro-main">
        <div role="tabpanel" id={`panel-${section}`} aria-labelledby={`tab-${section}`}>
          <h1>{t(`options.section.${section}`)}</h1>
          {body}
        </div>
      </main>
    </div>
  );
}
