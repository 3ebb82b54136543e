import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/chromium';
import { localIsoDate } from '../../lib/domain/calendar';
import { createBackup, serializeBackup } from '../../lib/store/backup';
import { generateLedger } from '../support/generate-ledger';

const INVOICES = 10_000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The tracking table with 10,000 invoices: rendered rows stay few (windowed), and the times are
 * printed for the record. Budgets are not asserted here: timings on a shared machine are noisy.
 */
describe('the tracking table with 10,000 invoices', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension();
    page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#backup`);
    const ledger = generateLedger({ invoices: INVOICES, today: localIsoDate(new Date()), seed: 7 });
    const text = serializeBackup(createBackup(ledger, [], new Date()));
    await page.getByTestId('backup-file').setInputFiles({
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text, 'utf8'),
    });
    await page.getByTestId('backup-summary').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Confirmer la restauration' }).click();
    await page.getByTestId('backup-restored').waitFor({ timeout: 90_000 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens, switches to, sorts and searches the table quickly, rendering only the rows in view', async () => {
    await page.goto(`chrome-extension://${browser.extensionId}/options.html#tracking`);
    await page.reload();
    await page.locator('tr[data-invoice]').first().waitFor({ timeout: 30_000 });
    const pageLoad = await page.evaluate(() => performance.now());
    expect(await page.getByTestId('tracking-count').textContent()).toContain(`sur ${INVOICES}`);
    const rendered = await page.locator('tr[data-invoice]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);

    const timings = await page.evaluate(async () => {
      const settle = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      const until = async (test: () => boolean) => {
        while (!test()) await new Promise((done) => setTimeout(done, 1));
      };
      const tab = (name: string) => document.getElementById(`tab-${name}`) as HTMLButtonElement;
      const rows = () => document.querySelectorAll('tr[data-invoice]').length;
      const result = {
        mount: [] as number[],
        dom: [] as number[],
        sort: [] as number[],
        search: [] as number[],
      };
      for (let run = 0; run < 5; run++) {
        tab('backup').click();
        await until(() => rows() === 0);
        await settle();
        const start = performance.now();
        tab('tracking').click();
        await until(() => rows() > 0);
        result.dom.push(performance.now() - start);
        await settle();
        result.mount.push(performance.now() - start);

        const firstBefore = document.querySelector('tr[data-invoice]')!.getAttribute('data-invoice');
        const sortStart = performance.now();
        (document.querySelector('button[data-sort="amount"]') as HTMLButtonElement).click();
        await until(
          () => document.querySelector('tr[data-invoice]')!.getAttribute('data-invoice') !== firstBefore,
        );
        await settle();
        result.sort.push(performance.now() - sortStart);

        const search = document.querySelector('[data-testid="tracking-search"]') as HTMLInputElement;
        const searchStart = performance.now();
        search.value = 'zzz-none';
        search.dispatchEvent(new Event('input', { bubbles: true }));
        await until(() => rows() === 0);
        await settle();
        result.search.push(performance.now() - searchStart);
        search.value = '';
        search.dispatchEvent(new Event('input', { bubbles: true }));
        await until(() => rows() > 0);
      }
      return result;
    });

    console.log(
      [
        `options tracking table, ${INVOICES} invoices: first rows after page load ${pageLoad.toFixed(0)} ms`,
        `tab switch (plan → rows → paint) median ${median(timings.mount).toFixed(1)} ms [${timings.mount.map((t) => t.toFixed(0)).join(', ')}]`,
        `tab switch, rows in the DOM (before paint) median ${median(timings.dom).toFixed(1)} ms`,
        `sort by amount median ${median(timings.sort).toFixed(1)} ms`,
        `search (no match) median ${median(timings.search).toFixed(1)} ms`,
      ].join('\n'),
    );
    expect(median(timings.mount)).toBeLessThan(5_000);
  });
});
