import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/chromium';
import { popupAgenda } from '../../components/popup/agenda-model';
import { demoLedger } from '../../lib/demo/sample-ledger';
import { buildSmsText, smsLink } from '../../lib/documents/sms';
import { addDays, localIsoDate } from '../../lib/domain/calendar';
import { ledgerSchema, type Ledger } from '../../lib/domain/schemas';
import { pdfPages } from '../unit/documents/pdf-text';

/**
 * The popup in the built extension, on the demo studio's ledger plus one client whose SMS step is
 * due: the agenda grouped by channel with the badge's count, the letter's PDF, the SMS QR code,
 * live updates and the empty state.
 */
const today = localIsoDate(new Date());
const d = (days: number) => addDays(today, days);

function seededLedger(): Ledger {
  const demo = demoLedger(today);
  return ledgerSchema.parse({
    ...demo,
    clients: [
      ...demo.clients,
      {
        id: 'e2e-sms',
        name: 'Plomberie Nguyen',
        contact: { civility: 'm', firstName: 'Minh', lastName: 'Nguyen', role: '', phone: '06 11 22 33 44' },
        emails: ['minh@plomberie-nguyen.fr'],
      },
    ],
    invoices: [
      ...demo.invoices,
      {
        id: 'e2e-f070',
        number: 'F-2026-070',
        clientId: 'e2e-sms',
        issueDate: d(-60),
        dueDate: d(-30),
        amountCents: 154_321,
      },
    ],
    events: [
      ...demo.events,
      ...[
        ['e2e-1', -28, 'b-friendly', 'email'],
        ['e2e-2', -20, 'b-call', 'phone'],
        ['e2e-3', -12, 'b-firm', 'email'],
      ].map(([id, days, stepId, channel]) => ({
        id,
        type: 'reminder',
        clientId: 'e2e-sms',
        invoiceIds: ['e2e-f070'],
        date: d(days as number),
        stepId,
        channel,
      })),
    ],
  });
}

/** Writes records straight into the extension's IndexedDB (schema of lib/store/db.ts), then announces it. */
async function writeLedger(page: Page, records: { store: string; value: unknown; key?: string }[]) {
  await page.evaluate(async (records) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('relance');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['clients', 'invoices', 'events', 'meta'], 'readwrite');
        for (const { store, value, key } of records) tx.objectStore(store).put(value, key);
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const channel = new BroadcastChannel('relance-ledger-changes');
    channel.postMessage({ areas: ['clients', 'invoices', 'events', 'settings'], origin: 'e2e' });
    channel.close();
  }, records);
}

describe('the popup, "Aujourd’hui"', () => {
  let browser: ExtensionBrowser;
  let seeder: Page;
  let popup: Page;
  const ledger = seededLedger();
  const expected = popupAgenda(ledger, today, 'fr');
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchWithExtension();
    seeder = await browser.context.newPage();
    // Any extension page opens (and creates) the ledger database.
    await seeder.goto(`chrome-extension://${browser.extensionId}/document.html`);
    await seeder.getByTestId('document-error').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the empty state on an empty ledger', async () => {
    popup = await browser.context.newPage();
    popup.on('pageerror', (error) => errors.push(error.message));
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect
      .poll(() => popup.getByTestId('popup-empty').textContent())
      .toBe('Aucune relance à faire aujourd’hui.');
    expect(await popup.getByTestId('popup-count').getAttribute('data-count')).toBe('0');
  });

  it('updates live and groups the entries by channel, with the badge’s count', async () => {
    await writeLedger(seeder, [
      ...ledger.clients.map((value) => ({ store: 'clients', value })),
      ...ledger.invoices.map((value) => ({ store: 'invoices', value })),
      ...ledger.events.map((value) => ({ store: 'events', value })),
      { store: 'meta', key: 'company', value: ledger.company },
      { store: 'meta', key: 'rates', value: ledger.rates },
      { store: 'meta', key: 'settings', value: ledger.settings },
    ]);
    // The popup was already open: the change channel brings the agenda in.
    await expect
      .poll(() => popup.getByTestId('popup-count').getAttribute('data-count'))
      .toBe(String(expected.total));
    expect(expected.total).toBe(5);
    const groups = await popup
      .locator('section[data-testid^="group-"]')
      .evaluateAll((sections) =>
        sections.map((s) => [
          s.getAttribute('data-testid'),
          [...s.querySelectorAll('[data-testid="popup-entry"]')].map((e) => e.getAttribute('data-client')),
        ]),
      );
    expect(groups).toEqual([
      ['group-email', ['demo-leroy']],
      ['group-phone', ['demo-venissieux', 'demo-martin']],
      ['group-letter', ['demo-durand']],
      ['group-sms', ['e2e-sms']],
    ]);
    const durand = popup.locator('[data-client="demo-durand"]');
    const text = (await durand.textContent())!.replace(/[\u202f\u00a0]/g, ' ');
    expect(text).toContain('Garage Durand SARL');
    expect(text).toContain('2 560,40 €');
    expect(text).toContain('Mise en demeure');
    expect(text).toContain('F-2026-017');
    expect(text).toMatch(/en retard depuis le \d+ \S+ \d{4}/);
    // The background counts the same for the badge (it recounts a moment after each change).
    await expect
      .poll(() => browser.background.evaluate(() => chrome.action.getBadgeText({})))
      .toBe(String(expected.total));
    expect(await popup.locator('[data-client="demo-leroy"]').textContent()).toContain(
      'Nouveau message dans Gmail',
    );
  });

  it('opens the formal notice as a PDF whose text names the parties and the amounts', async () => {
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.locator('[data-client="demo-durand"]').getByTestId('open-document').click(),
    ]);
    expect(tab.url()).toContain('/document.html?kind=letter&client=demo-durand');
    const link = tab.getByTestId('letter-download');
    await link.waitFor();
    const bytes = await link.evaluate(async (a: HTMLAnchorElement) =>
      Array.from(new Uint8Array(await (await fetch(a.href)).arrayBuffer())),
    );
    const pages = await pdfPages(new Uint8Array(bytes));
    const text = pages
      .flat()
      .join('\n')
      .replace(/[ \u00a0]+/g, ' ');
    expect(pages).toHaveLength(1);
    for (const part of [
      'Studio Lumière SARL',
      'SIREN 812 345 678 – RCS Lyon 812 345 678',
      'Garage Durand SARL',
      '4 avenue Jean Jaurès',
      'Lettre recommandée avec accusé de réception',
      'Objet : Mise en demeure de payer',
      'F-2026-017',
      'Total restant dû 2 560,40 €',
      'Indemnité forfaitaire pour frais de recouvrement 40,00 €',
    ])
      expect(text).toContain(part);
    await tab.close();
  });

  it('opens the call sheet of a call', async () => {
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      popup.locator('[data-client="demo-martin"]').getByTestId('open-document').click(),
    ]);
    const sheet = tab.getByTestId('call-sheet');
    await sheet.waitFor();
    expect(await sheet.locator('h1').textContent()).toBe('Fiche d’appel – Boulangerie Martin');
    expect((await tab.getByTestId('call-total').textContent())!.replace(/[\u202f\u00a0]/g, ' ')).toBe(
      '1 714,56 €',
    );
    expect(await tab.getByTestId('call-questions').textContent()).toContain(
      'Avez-vous bien reçu la facture ?',
    );
    await tab.close();
  });

  it('gives the SMS text, its link and a QR code that scans back to that link', async () => {
    const entry = popup.locator('[data-client="e2e-sms"]');
    const uri = smsLink(
      '06 11 22 33 44',
      buildSmsText(ledger, { clientId: 'e2e-sms', invoiceIds: ['e2e-f070'] }, today)!,
    );
    expect(uri.startsWith('sms:+33611223344?&body=Bonjour')).toBe(true);
    expect(await entry.getByTestId('sms-link').getAttribute('href')).toBe(uri);
    expect(await entry.getByTestId('sms-text').textContent()).toBe(
      decodeURIComponent(uri.split('body=')[1]!),
    );
    // Draw the QR image onto a canvas in the page, read its pixels, decode them here.
    const image = await entry.getByTestId('sms-qr').evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      const size = 480;
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size;
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0, size, size);
      // One character a pixel, dark or light: a small answer to carry out of the page.
      const rgba = context.getImageData(0, 0, size, size).data;
      let bits = '';
      for (let i = 0; i < rgba.length; i += 4) bits += rgba[i]! < 128 ? '1' : '0';
      return { bits, size };
    });
    const pixels = new Uint8ClampedArray(image.size * image.size * 4);
    for (let i = 0; i < image.bits.length; i++) {
      const value = image.bits[i] === '1' ? 0 : 255;
      pixels.set([value, value, value, 255], i * 4);
    }
    const code = jsQR(pixels, image.size, image.size);
    expect(code?.data).toBe(uri);
  });

  it('takes a reminder off the list as soon as it is recorded elsewhere', async () => {
    await writeLedger(seeder, [
      {
        store: 'events',
        value: {
          id: 'e2e-sent',
          type: 'reminder',
          clientId: 'demo-leroy',
          invoiceIds: ['demo-f060'],
          date: today,
          stepId: 'c-friendly',
          channel: 'email',
          note: '',
        },
      },
    ]);
    await expect
      .poll(() => popup.getByTestId('popup-count').getAttribute('data-count'))
      .toBe(String(expected.total - 1));
    expect(await popup.getByTestId('group-email').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
