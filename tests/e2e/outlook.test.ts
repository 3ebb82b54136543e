import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../lib/domain/calendar';
import type { Ledger } from '../../lib/domain/schemas';
import { findChromium } from '../../scripts/chromium';
import {
  fakeOfficeScript,
  type FakeOfficeOptions,
  type FakeOutlookRecord,
} from '../fixtures/outlook/fake-office';
import type { MessageSeed } from '../fixtures/outlook/office-data';
import { fixtureLedger, OWN_EMAIL } from '../support/gmail-ledger';

/**
 * The Outlook task pane, end to end: the add-in built with vite.outlook.config.ts, served at the
 * manifest's address (https://localhost:3000), with a fake Outlook host injected before the app and
 * office.js from Microsoft's CDN answered with an empty script. The ledger lives in the add-in
 * origin's IndexedDB, seeded there as the repository would have stored it.
 */
const repo = resolve(import.meta.dirname, '../..');
const outDir = resolve(repo, process.env.RELANCE_OUTLOOK_OUT_DIR ?? '.output/outlook-e2e');
const ORIGIN = 'https://localhost:3000';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
};

const martin: MessageSeed = {
  itemId: 'AAMk-martin-1',
  conversationId: 'AAQk-martin',
  subject: 'RE: Facture F-2026-042',
  from: { emailAddress: 'compta@boulangerie-martin.fr', displayName: 'Claire Martin' },
  to: [{ emailAddress: OWN_EMAIL, displayName: 'Julie Durand' }],
  cc: [],
  body: 'Bonjour, pouvez-vous nous renvoyer la facture ? Cordialement',
  attachments: [],
};
const dupuis: MessageSeed = {
  itemId: 'AAMk-dupuis-1',
  conversationId: 'AAQk-dupuis',
  subject: 'Rendez-vous atelier',
  from: { emailAddress: 'contact@garage-dupuis.fr', displayName: 'Marc Dupuis' },
  to: [{ emailAddress: OWN_EMAIL, displayName: 'Julie Durand' }],
  cc: [],
  body: 'Bonjour, je passe jeudi.',
  attachments: [{ name: 'plan.pdf', isInline: false }],
};

/** Writes the ledger into the add-in's database (created by the app at start) and tells the app. */
async function seedLedger(
  page: Page,
  ledger: Ledger,
  files: { id: string; name: string; text: string }[] = [],
) {
  await page.evaluate(
    async ({ ledger, files }) => {
      const request = <T>(req: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      let version = 0;
      for (let tries = 0; tries < 100 && version === 0; tries++) {
        version = (await indexedDB.databases()).find((db) => db.name === 'relance')?.version ?? 0;
        if (version === 0) await new Promise((r) => setTimeout(r, 50));
      }
      if (version === 0) throw new Error('the task pane never created its database');
      const db = await request(indexedDB.open('relance', version));
      const stores = ['clients', 'invoices', 'events', 'scenarios', 'meta', 'attachments'];
      const tx = db.transaction(stores, 'readwrite');
      for (const store of stores) tx.objectStore(store).clear();
      for (const client of ledger.clients) tx.objectStore('clients').put(client);
      for (const invoice of ledger.invoices) tx.objectStore('invoices').put(invoice);
      tx.objectStore('meta').put(ledger.company, 'company');
      tx.objectStore('meta').put(ledger.rates, 'rates');
      tx.objectStore('meta').put(ledger.settings, 'settings');
      for (const file of files)
        tx.objectStore('attachments').put({
          id: file.id,
          name: file.name,
          type: 'application/pdf',
          bytes: new TextEncoder().encode(file.text).buffer,
          addedAt: new Date().toISOString(),
        });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      const channel = new BroadcastChannel('relance-ledger-changes');
      channel.postMessage({ areas: ['clients', 'invoices', 'events', 'settings'], origin: 'test-seed' });
      channel.close();
    },
    { ledger, files },
  );
}

/** Intl puts narrow no-break spaces in French amounts; compare with plain spaces. */
const plain = (text: string | null | undefined) => text?.replace(/[\u202f\u00a0]/g, ' ');
const outlook = (page: Page) =>
  page.evaluate(() => JSON.parse(JSON.stringify(window.__outlook)) as FakeOutlookRecord);

describe('Outlook task pane', () => {
  let browser: Browser;
  let context: BrowserContext;
  const today = localIsoDate(new Date());

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [
        resolve(repo, 'node_modules/vite/bin/vite.js'),
        'build',
        '-c',
        'vite.outlook.config.ts',
        '--logLevel',
        'warn',
      ],
      {
        cwd: repo,
        env: { ...process.env, RELANCE_OUTLOOK_OUT_DIR: outDir },
        stdio: 'inherit',
      },
    );
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--lang=fr-FR',
      ],
    });
    context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'fr-FR' });
    // Nothing leaves the machine: the add-in's files, an empty office.js, and nothing else.
    await context.route('**/*', (route) => route.abort());
    await context.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: '/* office.js stands in: the test injects Office */',
      }),
    );
    await context.route(`${ORIGIN}/**`, (route) => {
      const path = resolve(outDir, '.' + new URL(route.request().url()).pathname);
      if (!path.startsWith(outDir) || !existsSync(path))
        return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({
        status: 200,
        contentType: TYPES[extname(path)] ?? 'application/octet-stream',
        body: readFileSync(path),
      });
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (!process.env.RELANCE_OUTLOOK_OUT_DIR) rmSync(outDir, { recursive: true, force: true });
  });

  async function open(office: Partial<FakeOfficeOptions> | null) {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    if (office)
      await page.addInitScript(
        fakeOfficeScript({
          messages: { martin, dupuis },
          selected: 'martin',
          mailbox: '1.15',
          displayLanguage: 'fr-FR',
          ...office,
        }),
      );
    await page.goto(`${ORIGIN}/taskpane.html`);
    return { page, errors };
  }

  it('serves everything the manifest points to', () => {
    const manifest = readFileSync(resolve(outDir, 'manifest.xml'), 'utf8');
    const urls = [...manifest.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((match) => match[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) expect(existsSync(resolve(outDir, '.' + new URL(url).pathname)), url).toBe(true);
  });

  it('shows the client of the selected message, drafts the reminder into Outlook’s reply, follows the next message', async () => {
    const { page, errors } = await open({});
    await page.getByTestId('sidebar').waitFor({ timeout: 20_000 });
    // The overdue invoice has its PDF in the attachment store: it goes into the reply.
    const ledger = fixtureLedger(today, 'address');
    ledger.invoices[0] = { ...ledger.invoices[0]!, pdfRef: 'pdf-f042' };
    const pdf = '%PDF-1.4 facture F-2026-042';
    await seedLedger(page, ledger, [{ id: 'pdf-f042', name: 'F-2026-042.pdf', text: pdf }]);

    await expect
      .poll(() => page.getByTestId('client-name').textContent(), { timeout: 15_000 })
      .toBe('Boulangerie Martin');
    expect(await page.getByTestId('invoice').count()).toBe(2);
    expect(plain(await page.getByTestId('total-due').textContent())).toBe('1 730,00 €');
    // The loading notice made way for the pane.
    expect(await page.getByTestId('pane-notice').count()).toBe(0);
    // For the README: RELANCE_SCREENSHOTS=docs/screenshots keeps a picture of the pane.
    if (process.env.RELANCE_SCREENSHOTS)
      await page.screenshot({ path: resolve(process.env.RELANCE_SCREENSHOTS, 'outlook-pane.png') });
    // The bar on the message says a reminder is due.
    await expect
      .poll(async () => plain((await outlook(page)).notifications.at(-1)?.details?.message as string))
      .toMatch(/^Relance : 1 relance à faire pour ce client, 1 250,00 € à encaisser\.$/);

    await page.getByRole('button', { name: 'Rédiger la relance' }).click();
    const draft = page.getByTestId('email-draft');
    expect(plain(await draft.getByTestId('draft-text').textContent())).toContain('1 250,00 €');
    await draft.getByRole('button', { name: 'Insérer dans la réponse' }).click();
    await expect.poll(async () => (await outlook(page)).replies.length).toBe(1);
    const [reply] = (await outlook(page)).replies;
    expect(reply!.method).toBe('displayReplyAllFormAsync');
    expect(reply!.formData.htmlBody).toContain('F-2026-042');
    const shown = await page.evaluate(
      (html) => new DOMParser().parseFromString(html, 'text/html').body.textContent,
      reply!.formData.htmlBody ?? '',
    );
    expect(plain(shown)).toContain("la facture n° F-2026-042, d'un montant de 1 250,00 €");
    expect(plain(shown)).toContain('Julie Durand');
    // The invoice table keeps its layout in the reply.
    expect(reply!.formData.htmlBody).toMatch(/<table style="[^"]+"><thead>/);
    expect(reply!.formData.htmlBody).not.toMatch(/<script|onerror=|onclick=/i);
    expect(reply!.formData.attachments).toEqual([
      expect.objectContaining({
        type: 'base64',
        name: 'F-2026-042.pdf',
        base64file: Buffer.from(pdf).toString('base64'),
      }),
    ]);
    await page.getByTestId('confirm-sent').waitFor();

    // The user selects another message in the pinned pane.
    await page.evaluate(() => window.__outlook.select('dupuis'));
    await expect
      .poll(() => page.getByTestId('client-name').textContent(), { timeout: 10_000 })
      .toBe('Garage Dupuis');
    expect(await page.getByTestId('invoice').count()).toBe(1);
    await page.evaluate(() => window.__outlook.select(null));
    await expect.poll(() => page.getByTestId('client-name').count()).toBe(0);
    expect((await outlook(page)).handlers).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('falls back to the synchronous reply form on clients before Mailbox 1.9', async () => {
    const { page, errors } = await open({ mailbox: '1.8' });
    await page.getByTestId('sidebar').waitFor({ timeout: 20_000 });
    await seedLedger(page, fixtureLedger(today, 'address'));
    await page.getByRole('button', { name: 'Rédiger la relance' }).click({ timeout: 15_000 });
    await page.getByTestId('email-draft').getByRole('button', { name: 'Insérer dans la réponse' }).click();
    await expect
      .poll(async () => (await outlook(page)).replies.map((reply) => reply.method))
      .toEqual(['displayReplyAllForm']);
    expect((await outlook(page)).replies[0]!.formData.htmlBody).toContain('F-2026-042');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says to open it from Outlook when it runs anywhere else', async () => {
    const { page } = await open(null);
    await expect
      .poll(() => page.getByTestId('pane-notice').textContent(), { timeout: 15_000 })
      .toContain('Ce volet s’ouvre dans Outlook');
    await page.close();
  });
});
