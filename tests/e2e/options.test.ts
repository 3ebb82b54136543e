import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/chromium';
import { demoLedger } from '../../lib/demo/sample-ledger';
import { localIsoDate } from '../../lib/domain/calendar';
import { createBackup, serializeBackup } from '../../lib/store/backup';

const csvFixture = resolve(import.meta.dirname, '../fixtures/csv/malformed.csv');
// Real e-invoice samples, with their licences, in tests/fixtures/einvoices.
const facturX = resolve(import.meta.dirname, '../fixtures/einvoices/facturx-pdf/Facture_FR_BASICWL.pdf');

/** The options page on the built extension: seeded through its own backup import, as a user would. */
describe('the options page', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  const errors: string[] = [];
  // The page computes statuses for the real today: the demo ledger is laid out around it.
  const today = localIsoDate(new Date());
  const backupFile = (text: string, name = 'sauvegarde.json') => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
  const url = (section: string) => `chrome-extension://${browser.extensionId}/options.html#${section}`;
  const count = () => page.getByTestId('tracking-count').textContent();
  const row = (number: string) => page.locator('tr[data-invoice]', { hasText: number });

  beforeAll(async () => {
    browser = await launchWithExtension();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url('backup'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses an invalid backup file with a clear message and writes nothing', async () => {
    const input = page.getByTestId('backup-file');
    await input.setInputFiles(backupFile('{ pas du json', 'cassé.json'));
    await expect
      .poll(() => page.getByTestId('backup-problem').textContent())
      .toContain('n’est pas un fichier JSON');
    await input.setInputFiles(
      backupFile(JSON.stringify({ format: 'relance-backup', version: 1, ledger: {} })),
    );
    await expect
      .poll(() => page.getByTestId('backup-problem').textContent())
      .toContain('abîmée ou incomplète');
    await input.setInputFiles(backupFile(JSON.stringify({ hello: 'world' })));
    await expect
      .poll(() => page.getByTestId('backup-problem').textContent())
      .toContain('pas une sauvegarde Relance');
    await page.getByRole('tab', { name: 'Suivi' }).click();
    await expect.poll(count).toContain('0 facture(s) affichée(s) sur 0');
  });

  it('shows what a backup holds before restoring it, then restores it', async () => {
    await page.getByRole('tab', { name: 'Sauvegarde' }).click();
    const backup = createBackup(demoLedger(today), [], new Date());
    await page.getByTestId('backup-file').setInputFiles(backupFile(serializeBackup(backup), 'demo.json'));
    const summary = page.getByTestId('backup-summary');
    await expect.poll(() => summary.textContent()).toContain('Restaurer « demo.json »');
    expect(await summary.locator('tr', { hasText: 'Factures' }).locator('td').first().textContent()).toBe(
      '10',
    );
    expect(await summary.locator('tr', { hasText: 'Clients' }).locator('td').first().textContent()).toBe('7');
    await page.getByRole('button', { name: 'Confirmer la restauration' }).click();
    await expect.poll(() => page.getByTestId('backup-restored').isVisible()).toBe(true);
  });

  it('moves between sections with the keyboard and draws the aged balance', async () => {
    await page.getByRole('tab', { name: 'Suivi' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Chiffres' }).getAttribute('aria-selected'))
      .toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-figures');
    expect(page.url()).toMatch(/#figures$/);
    const aged = page.getByTestId('aged-table');
    const bucket = (name: string) =>
      aged.locator('tr', { hasText: name }).locator('td').first().textContent();
    await expect.poll(() => bucket('Non échu')).toMatch(/^480,00\s€$/);
    expect(await bucket('1 à 30 j')).toMatch(/^25\s199,56\s€$/);
    expect(await bucket('31 à 60 j')).toMatch(/^6\s560,40\s€$/);
    expect(await page.locator('svg.ro-chart rect').count()).toBeGreaterThanOrEqual(5);
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Suivi' }).getAttribute('aria-selected'))
      .toBe('true');
  });

  it('lists every invoice, and its search and filters narrow the list', async () => {
    await page.getByRole('tab', { name: 'Suivi' }).click();
    await expect.poll(count).toContain('10 facture(s) affichée(s) sur 10');
    expect(await row('F-2026-017').locator('[data-col="state"]').textContent()).toBe('En relance');
    expect(await row('F-2026-017').locator('[data-col="remaining"]').textContent()).toMatch(/^2\s560,40\s€$/);

    const search = page.getByTestId('tracking-search');
    await search.fill('martin');
    await expect.poll(count).toContain('3 facture(s) affichée(s)');
    await search.fill('k.benali@groupe-hexa.com');
    await expect.poll(count).toContain('2 facture(s) affichée(s)');
    await search.fill('F-2026-033');
    await expect.poll(() => page.locator('tr[data-invoice]').count()).toBe(1);
    await search.fill('');

    await page.getByTestId('filter-segment').selectOption('public');
    await expect
      .poll(() => page.locator('tr[data-invoice]').allTextContents())
      .toEqual([expect.stringContaining('Mairie de Vénissieux')]);
    await page.getByTestId('filter-segment').selectOption('');
    await page.getByTestId('filter-age').selectOption('late_31_60');
    await expect.poll(count).toContain('2 facture(s) affichée(s)');
    await page.getByTestId('filter-state').selectOption('paused_plan');
    await expect
      .poll(() => page.locator('tr[data-invoice]').allTextContents())
      .toEqual([expect.stringContaining('Traiteur Lefèvre')]);
    await page.getByTestId('filter-age').selectOption('');
    await page.getByTestId('filter-state').selectOption('');
    await expect.poll(count).toContain('10 facture(s) affichée(s)');

    await page.locator('button[data-sort="amount"]').click();
    await page.locator('button[data-sort="amount"]').click();
    expect(await page.locator('tr[data-invoice] [data-col="number"]').first().textContent()).toBe(
      'F-2026-028',
    );
  });

  it('marks the selection paid, and the payment stays after a reload', async () => {
    await page.getByRole('checkbox', { name: /F-2026-042/ }).check();
    await page.getByRole('button', { name: 'Marquer payées' }).click();
    await expect
      .poll(() => page.getByTestId('bulk-notice').textContent())
      .toBe('1 paiement(s) enregistré(s).');
    await expect.poll(() => row('F-2026-042').locator('[data-col="state"]').textContent()).toBe('Réglée');
    await page.reload();
    await expect.poll(() => row('F-2026-042').locator('[data-col="state"]').textContent()).toBe('Réglée');
    expect(await row('F-2026-042').locator('[data-col="remaining"]').textContent()).toMatch(/^0,00\s€$/);
    expect(await row('F-2026-042').locator('[data-col="lastAction"]').textContent()).toContain('Paiement');
  });

  it('exports the selection as a French CSV', async () => {
    await page.getByRole('checkbox', { name: /F-2026-017/ }).check();
    await page.getByRole('checkbox', { name: /F-2026-033/ }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`relance-suivi-${today}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Client;N° facture;E-mail;Segment;Montant TTC;Payé;Reste dû;Devise;Date d’émission;Date d’échéance;Jours de retard;Étape atteinte;Dernière action;Date de la dernière action;Prochaine action;Date de la prochaine action;Statut',
    );
    expect(lines).toHaveLength(3);
    expect(lines.find((line) => line.includes('F-2026-017'))).toMatch(
      /^Garage Durand SARL;F-2026-017;p\.durand@garage-durand\.fr;Entreprise;3560,40;1000,00;2560,40;EUR;/,
    );
    expect(lines.find((line) => line.includes('F-2026-033'))).toContain(';8425,00;0,00;8425,00;EUR;');
  });

  it('shows an invalid SIREN next to its field, and saves and reloads the settings', async () => {
    await page.getByRole('tab', { name: 'Réglages' }).click();
    const form = page.getByTestId('company-form');
    await form.getByLabel('SIREN').fill('12345');
    await form.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 188');
    await form.getByRole('button', { name: 'Enregistrer l’entreprise' }).click();
    await expect
      .poll(() => page.getByTestId('company-siren-error').textContent())
      .toBe('Un SIREN compte exactement 9 chiffres.');
    expect(await page.getByTestId('company-iban-error').textContent()).toContain('IBAN n’est pas valide');
    expect(await form.getByLabel('SIREN').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('SIREN').fill('532 845 127');
    await form.getByLabel('IBAN').fill('FR7630006000011234567890189');
    await form.getByLabel('Raison sociale').fill('Atelier Test SARL');
    await form.getByRole('button', { name: 'Enregistrer l’entreprise' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Enregistré.');

    const prefs = page.getByTestId('settings-form');
    await prefs.getByLabel('Jours minimum entre deux contacts').fill('7');
    await prefs.getByLabel('Vos propres adresses e-mail').fill('moi@atelier-test.fr\ncompta@atelier-test.fr');
    await prefs.getByRole('button', { name: 'Enregistrer les préférences' }).click();
    await expect.poll(() => prefs.getByRole('status').textContent()).toBe('Enregistré.');

    await page.reload();
    await expect
      .poll(() => page.getByTestId('company-form').getByLabel('SIREN').inputValue())
      .toBe('532845127');
    expect(await page.getByTestId('company-form').getByLabel('Raison sociale').inputValue()).toBe(
      'Atelier Test SARL',
    );
    expect(await page.getByTestId('company-form').getByLabel('IBAN').inputValue()).toBe(
      'FR76 3000 6000 0112 3456 7890 189',
    );
    expect(
      await page.getByTestId('settings-form').getByLabel('Jours minimum entre deux contacts').inputValue(),
    ).toBe('7');
    expect(
      await page.getByTestId('settings-form').getByLabel('Vos propres adresses e-mail').inputValue(),
    ).toBe('moi@atelier-test.fr\ncompta@atelier-test.fr');
  });

  it('previews the dates of a scenario, shifted to business days', async () => {
    await page.getByRole('tab', { name: 'Scénarios' }).click();
    await page.getByTestId('preview-issue').fill('2026-11-05');
    // Saturday 5 December 2026.
    await page.getByTestId('preview-due').fill('2026-12-05');
    const date = (step: string) =>
      page.getByTestId('scenario-preview').locator(`tr[data-step="${step}"]`).getAttribute('data-date');
    await expect.poll(() => date('b-friendly')).toBe('2026-12-07');
    expect(await date('b-heads-up')).toBe('2026-12-02');
    // Sunday 13 → Monday 14.
    expect(await date('b-call')).toBe('2026-12-14');
    expect(await date('b-formal-notice')).toBe('2027-01-04');
    expect(
      await page.getByTestId('scenario-preview').locator('tr[data-step="b-call"]').textContent(),
    ).toContain('reportée');
  });

  it('saves an edited scenario and resets it to the default', async () => {
    const offset = page.getByLabel('Étape 2 – Jours après l’échéance');
    await offset.fill('4');
    await page.getByRole('button', { name: 'Enregistrer le scénario' }).click();
    await expect.poll(() => page.getByText('Scénario enregistré.').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByLabel('Étape 2 – Jours après l’échéance').inputValue()).toBe('4');
    expect(await page.getByText('Scénario personnalisé').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Revenir au scénario par défaut' }).click();
    await expect.poll(() => page.getByLabel('Étape 2 – Jours après l’échéance').inputValue()).toBe('2');
    expect(errors).toEqual([]);
  });

  it('imports a CSV after showing its columns and every rejected row', async () => {
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.getByTestId('import-file').setInputFiles(csvFixture);
    const mapping = page.getByTestId('csv-mapping');
    await expect.poll(() => mapping.textContent()).toContain('14 ligne(s) de données');
    const report = page.getByTestId('import-report');
    await expect
      .poll(() => report.textContent())
      .toContain('14 ligne(s) lue(s), 10 rejetée(s) · 4 nouvelle(s) facture(s)');
    expect(await report.textContent()).toContain('Ligne 4');
    // Without the "paid" column, the row paid above its total is no longer rejected.
    await mapping.getByLabel('Déjà payé', { exact: true }).selectOption('');
    await expect.poll(() => report.textContent()).toContain('9 rejetée(s) · 5 nouvelle(s) facture(s)');
    await report.getByRole('button', { name: 'Importer 5 facture(s)' }).click();
    await expect
      .poll(() => page.getByTestId('import-notice').textContent())
      .toContain('5 facture(s) et 5 client(s)');
    await page.getByRole('tab', { name: 'Suivi' }).click();
    await page.getByTestId('tracking-search').fill('Alpha SARL');
    await expect
      .poll(() => page.locator('tr[data-invoice] [data-col="number"]').allTextContents())
      .toEqual(['F-001']);
  });

  it('reads a Factur-X PDF and imports its invoice', async () => {
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.getByTestId('import-file').setInputFiles(facturX);
    const list = page.getByTestId('einvoice-list');
    await expect.poll(() => list.locator('tbody tr').count(), { timeout: 20_000 }).toBe(1);
    expect(await list.locator('tbody td.ro-error').count()).toBe(0);
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.textContent()).toContain('1 nouvelle(s) facture(s)');
    await report.getByRole('button', { name: 'Importer 1 facture(s)' }).click();
    await expect
      .poll(() => page.getByTestId('import-notice').textContent())
      .toContain('Import terminé : 1 facture(s)');
    expect(errors).toEqual([]);
  });

  it('checks a template as it is typed and previews it on a sample case', async () => {
    await page.getByRole('tab', { name: 'Modèles' }).click();
    await page.getByLabel('Modèle', { exact: true }).selectOption('friendly');
    const preview = page.getByTestId('template-preview');
    await expect.poll(() => preview.textContent()).toContain('F-2026-017');
    const body = page.getByLabel('Texte', { exact: true });
    await body.fill('Bonjour {{client.nme}},\n{{#if late}}En retard{{/if}}');
    await expect
      .poll(() => page.getByTestId('template-body-issues').textContent())
      .toContain('Ligne 1, colonne 9 : la variable « client.nme » n’existe pas');
    expect(await page.getByText('Pas d’aperçu tant que le modèle contient une erreur.').isVisible()).toBe(
      true,
    );
    await body.fill('Bonjour {{client.name}}, reste dû : {{total.outstanding}}.');
    await expect
      .poll(() => preview.textContent())
      .toContain('Bonjour Garage Durand SARL, reste dû : 2\u202f560,40\u00a0€.');
  });

  it('saves an edited template, which stays after a reload and is then used by drafts', async () => {
    const body = page.getByLabel('Texte', { exact: true });
    await page.getByRole('button', { name: 'Enregistrer les modèles' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Modèles enregistrés.');
    await page.reload();
    await page.getByRole('tab', { name: 'Modèles' }).click();
    await page.getByLabel('Modèle', { exact: true }).selectOption('friendly');
    expect(await body.inputValue()).toBe('Bonjour {{client.name}}, reste dû : {{total.outstanding}}.');
    // The ledger holds it: the settings the sidebar and the popup read carry the override.
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('relance');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const settings = await new Promise<{ templates?: unknown }>((resolve) => {
        const request = db.transaction('meta').objectStore('meta').get('settings');
        request.onsuccess = () => resolve(request.result as { templates?: unknown });
      });
      db.close();
      return settings.templates;
    });
    expect(stored).toEqual({
      fr: { friendly: { email: { body: 'Bonjour {{client.name}}, reste dû : {{total.outstanding}}.' } } },
    });
    expect(errors).toEqual([]);
  });
});
