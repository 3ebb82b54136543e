import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, readFixture, type ExtensionBrowser } from '../../scripts/chromium';

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension({
      pages: { 'https://mail.google.com/**': readFixture('gmail', 'inbox-minimal.html') },
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs its background service worker', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await browser.background.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual(['https://mail.google.com/*']);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'storage']);
  });

  it('mounts the sidebar from the extension inside Gmail', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    const iframe = page.locator('[data-relance="sidebar"] iframe');
    await iframe.waitFor({ state: 'attached', timeout: 15_000 });
    expect(await iframe.getAttribute('src')).toBe(`chrome-extension://${browser.extensionId}/sidebar.html`);
    const sidebar = page.frameLocator('[data-relance="sidebar"] iframe').getByTestId('sidebar');
    await expect.poll(() => sidebar.textContent(), { timeout: 15_000 }).toContain('Relance');
    // Gmail itself keeps working: its own markup is untouched.
    expect(await page.locator('tr.zA').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
