import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../lib/domain/calendar';
import { parseEInvoice } from '../../lib/import';
import { clientIdentity, importedClientId } from '../../lib/import/ids';
import { agenda } from '../../lib/domain/engine';
import { demoMailboxHtml, demoThreadId } from '../../lib/demo/mailbox';
import { demoLedger } from '../../lib/demo/sample-ledger';
import { launchWithExtension, readFixture, type ExtensionBrowser } from '../../scripts/chromium';
import { fixtureLedger, type Recognition } from '../support/gmail-ledger';
import { badgeText, seedLedger } from '../support/seed';

/**
 * The sidebar in Gmail, end to end: the built extension in Chromium, Gmail fixtures of both
 * markup generations served at https://mail.google.com/, the ledger in the extension's IndexedDB.
 */
const FIXTURES: Record<string, string> = {
  classic: readFixture('gmail', 'thread-classic.html'),
  modern: readFixture('gmail', 'thread-2024.html'),
  hostile: readFixture('gmail', 'thread-hostile.html'),
  unknown: readFixture('gmail', 'thread-unknown-markup.html'),
  inbox: readFixture('gmail', 'inbox.html'),
};

const FACTURX = readFileSync(
  resolve(import.meta.dirname, '../fixtures/einvoices/facturx-pdf/Facture_FR_BASICWL.pdf'),
);

describe('Gmail sidebar', () => {
  let browser: ExtensionBrowser;
  let fixture = 'classic';
  let demoPage = '';
  const today = localIsoDate(new Date());

  beforeAll(async () => {
    browser = await launchWithExtension();
    await browser.context.route('https://mail.google.com/**', (route) =>
      // Gmail serves attachments from its own address too (download_url): here, a real Factur-X file.
      route.request().url().includes('attid=')
        ? route.fulfill({ status: 200, contentType: 'application/pdf', body: FACTURX })
        : route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: fixture === 'demo' ? demoPage : FIXTURES[fixture]!,
          }),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(name: string, recognise: Recognition | null, hash = '#inbox/18c2a1f0b3d4e5f6') {
    if (recognise) await seedLedger(browser.background, fixtureLedger(today, recognise));
    fixture = name;
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`https://mail.google.com/mail/u/0/${hash}`);
    const sidebar = page.frameLocator('[data-relance="sidebar"] iframe');
    await sidebar.getByTestId('sidebar').waitFor({ timeout: 20_000 });
    return { page, sidebar, errors };
  }

  const clientName = (sidebar: FrameLocator) => sidebar.getByTestId('client-name');
  /** French formatting puts (narrow) no-break spaces in amounts; compare them as plain spaces. */
  const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

  it('finds the client by address and shows its unpaid invoices, step and total', async () => {
    const { page, sidebar, errors } = await open('classic', 'address');
    await expect
      .poll(() => clientName(sidebar).textContent(), { timeout: 15_000 })
      .toBe('Boulangerie Martin');
    const invoices = sidebar.getByTestId('invoice');
    expect(await invoices.count()).toBe(2);
    expect(plain(await sidebar.getByTestId('total-due').textContent())).toBe('1 730,00 €');
    expect(await invoices.first().textContent()).toContain('F-2026-042');
    expect(await invoices.first().textContent()).toContain('5 j de retard');
    // The friendly email is due: one action, by email.
    const action = sidebar.getByTestId('due-action');
    expect(await action.count()).toBe(1);
    expect(await action.getAttribute('data-channel')).toBe('email');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds the client by company domain in the newer markup', async () => {
    const { page, sidebar } = await open('modern', 'domain', '#inbox/FMfcgzQXJWDsKmpHkLwVbnZcTrQfPhRx');
    await expect
      .poll(() => clientName(sidebar).textContent(), { timeout: 15_000 })
      .toBe('Boulangerie Martin');
    await page.close();
  });

  it('finds the client by an invoice number in the text', async () => {
    const { page, sidebar } = await open('classic', 'invoice');
    await expect
      .poll(() => clientName(sidebar).textContent(), { timeout: 15_000 })
      .toBe('Boulangerie Martin');
    await page.close();
  });

  it('offers a choice when several clients match, and remembers it', async () => {
    const { page, sidebar } = await open('classic', 'several');
    const candidates = sidebar.getByTestId('candidates').getByRole('button');
    await expect.poll(() => candidates.count(), { timeout: 15_000 }).toBe(2);
    await candidates.filter({ hasText: 'Martin Traiteur' }).click();
    await expect.poll(() => clientName(sidebar).textContent()).toBe('Martin Traiteur');
    await page.close();
  });

  it('learns a new client from an unknown sender', async () => {
    const { page, sidebar } = await open('classic', 'none');
    await sidebar.getByTestId('no-match').waitFor({ timeout: 15_000 });
    const form = sidebar.getByTestId('new-sender');
    expect(await form.textContent()).toContain('compta@boulangerie-martin.fr');
    await form.getByRole('button', { name: 'Créer le client' }).click();
    await expect.poll(() => clientName(sidebar).textContent()).toBe('Claire Martin');
    // Its id comes from the address, as an import's would: two browsers learning it make one client.
    expect(await sidebar.getByTestId('client-view').getAttribute('data-client-id')).toBe(
      importedClientId(clientIdentity({ name: 'Claire Martin', emails: ['compta@boulangerie-martin.fr'] })),
    );
    // The address is now known: the same thread, opened again, is recognised at once.
    await page.reload();
    await expect.poll(() => clientName(sidebar).textContent(), { timeout: 15_000 }).toBe('Claire Martin');
    await page.close();
  });

  it('drafts the reminder into Gmail’s reply with the right amounts, then records it', async () => {
    const ledger = fixtureLedger(today, 'address');
    const { page, sidebar, errors } = await open('classic', 'address');
    await clientName(sidebar).waitFor({ timeout: 15_000 });
    await expect.poll(() => badgeText(browser.background)).toBe(String(agenda(ledger, today).length));
    await sidebar.getByRole('button', { name: 'Rédiger la relance' }).click();
    const draft = sidebar.getByTestId('email-draft');
    expect(await draft.getByTestId('draft-subject').textContent()).toBe(
      'Re: Facture F-2026-042 – échéance dépassée',
    );
    expect(plain(await draft.getByTestId('draft-text').textContent())).toContain('1 250,00 €');
    await draft.getByRole('button', { name: 'Insérer dans la réponse' }).click();
    const editor = page.locator('[contenteditable=true][g_editable=true]');
    await editor.waitFor({ timeout: 10_000 });
    await expect.poll(() => editor.innerText()).toContain('F-2026-042');
    expect(plain(await editor.innerText())).toContain('1 250,00 €');
    // Gmail's own signature and quote are kept below the draft.
    expect(await editor.innerText()).toContain('Julie Durand – Atelier Durand');
    await sidebar.getByTestId('confirm-sent').click();
    await expect.poll(() => sidebar.getByTestId('history').textContent()).toContain('Relance (E-mail)');
    await expect.poll(() => sidebar.getByTestId('due-action').count()).toBe(0);
    await expect.poll(() => badgeText(browser.background)).toBe(String(agenda(ledger, today).length - 1));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks an invoice paid in one click', async () => {
    const { page, sidebar } = await open('classic', 'address');
    const invoice = sidebar.locator('[data-invoice-id="f042"]');
    await invoice.waitFor({ timeout: 15_000 });
    await invoice.getByTestId('mark-paid').click();
    await expect.poll(() => sidebar.getByTestId('invoice').count()).toBe(1);
    expect(plain(await sidebar.getByTestId('total-due').textContent())).toBe('480,00 €');
    await page.close();
  });

  it('shows a badge on inbox rows of clients with a reminder due', async () => {
    const { page } = await open('inbox', 'address', '#inbox');
    const badges = page.locator('[data-relance-badge]');
    await expect.poll(() => badges.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Garage Dupuis (30 days late) and Boulangerie Martin (by address) each have one action due.
    const rows = page.locator('tr.zA', { has: page.locator('[data-relance-badge]') });
    const texts = await rows.allTextContents();
    expect(texts.some((text) => text.includes('Facture F-2026-042'))).toBe(true);
    expect(await badges.first().textContent()).toBe('1');
    await page.close();
  });

  it('follows Gmail’s navigation between threads', async () => {
    await seedLedger(browser.background, demoLedger(today));
    demoPage = demoMailboxHtml(demoLedger(today));
    const { page, sidebar } = await open('demo', null, `#inbox/${demoThreadId('demo-martin')}`);
    await expect
      .poll(() => clientName(sidebar).textContent(), { timeout: 15_000 })
      .toBe('Boulangerie Martin');
    await page.evaluate((id) => (location.hash = `#inbox/${id}`), demoThreadId('demo-durand'));
    await expect.poll(() => clientName(sidebar).textContent()).toBe('Garage Durand SARL');
    await page.evaluate(() => (location.hash = '#inbox'));
    await expect.poll(() => sidebar.getByText('Ouvrez un fil').count()).toBe(1);
    await page.close();
  });

  it('shows hostile email content as text and never runs it', async () => {
    const { page, sidebar, errors } = await open('hostile', 'none', '#inbox/18c6f0b1c2d3e4f5');
    const form = sidebar.getByTestId('new-sender');
    await form.waitFor({ timeout: 15_000 });
    const nameInput = form.getByRole('textbox').first();
    expect(await nameInput.inputValue()).toBe('<img src=x onerror="window.__relanceXss=1">');
    expect(await sidebar.locator('img, script:not([src]), svg').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __relanceXss?: unknown }).__relanceXss)).toBeUndefined();
    expect(
      await page.evaluate(() => (window as { __gmailPageScriptRan?: unknown }).__gmailPageScriptRan),
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('falls back to the manual picker when Gmail’s markup is not understood', async () => {
    const { page, sidebar, errors } = await open('unknown', 'address', '#inbox/18c9d8e7f6a5b4c3');
    await sidebar.getByTestId('unreadable').waitFor({ timeout: 15_000 });
    await sidebar.getByRole('searchbox').fill('martin');
    await sidebar.getByTestId('search-results').getByRole('button').first().click();
    await expect.poll(() => clientName(sidebar).textContent()).toBe('Boulangerie Martin');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads the invoice attached to the thread and adds it to the ledger', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const parsed = await parseEInvoice(new Uint8Array(FACTURX), { pdfjs: pdfjs as never });
    if (!parsed.ok) throw new Error('the fixture should parse');
    const { page, sidebar, errors } = await open('classic', 'none');
    const panel = sidebar.getByTestId('attachment-import');
    await panel.getByRole('button', { name: /F-2026-042\.pdf/ }).click();
    const preview = panel.getByTestId('attachment-preview');
    await preview.waitFor({ timeout: 20_000 });
    expect(await preview.textContent()).toContain(parsed.document.number);
    const due = preview.locator('input[type=date]');
    if (!(await due.inputValue())) await due.fill(today);
    await preview.getByRole('button', { name: 'Ajouter au registre' }).click();
    await expect
      .poll(() => clientName(sidebar).textContent(), { timeout: 15_000 })
      .toBe(parsed.document.buyer.name);
    expect(await sidebar.getByTestId('invoices').textContent()).toContain(parsed.document.number);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('proposes a payment plan in the reply, and once accepted the plan replaces the reminders', async () => {
    const { page, sidebar, errors } = await open('classic', 'address');
    const panel = sidebar.getByTestId('plan-panel');
    await panel.getByRole('button', { name: 'Proposer un échéancier' }).click({ timeout: 15_000 });
    await panel.getByLabel('Nombre d’échéances').fill('2');
    // 1 730,00 € in two.
    await expect
      .poll(async () => plain(await panel.getByTestId('plan-instalments').textContent()))
      .toContain('865,00 €');
    await panel.getByRole('button', { name: 'Insérer la proposition dans la réponse' }).click();
    const editor = page.locator('[contenteditable=true][g_editable=true]');
    await expect
      .poll(async () => plain(await editor.innerText()), { timeout: 10_000 })
      .toContain('répartir en 2 échéances');
    await panel.getByTestId('plan-accepted').click();
    await expect.poll(() => sidebar.getByTestId('due-action').count()).toBe(0);
    expect(await sidebar.locator('[data-invoice-id="f042"]').getAttribute('data-state')).toBe('paused_plan');
    expect(await sidebar.getByTestId('history').textContent()).toContain('Échéancier en 2 fois');
    expect(errors).toEqual([]);
    await page.close();
  });
});
