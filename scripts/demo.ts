/**
 * `npm run demo`: builds the extension in demo mode and opens Chromium on a demo Gmail mailbox
 * served at https://mail.google.com/, with the sample studio's clients and invoices. No account,
 * no network. `npm run demo -- --headless --screenshot FILE` writes a screenshot instead.
 *
 * Options: --headless, --screenshot FILE, --thread <client id> or `inbox` (default demo-martin),
 * --no-build (reuse .output-demo), --draft (open the draft before the screenshot).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localIsoDate } from '../lib/domain/calendar';
import { demoMailboxHtml, demoThreadId } from '../lib/demo/mailbox';
import { demoLedger } from '../lib/demo/sample-ledger';
import { launchWithExtension } from './chromium';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    thread: { type: 'string', default: 'demo-martin' },
    'no-build': { type: 'boolean', default: false },
    draft: { type: 'boolean', default: false },
    theme: { type: 'string', default: 'light' },
  },
});

const root = resolve(import.meta.dirname, '..');
const outDir = '.output-demo';
const extensionDir = resolve(root, outDir, 'chrome-mv3');

if (!values['no-build']) {
  console.log('Building the extension in demo mode…');
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, RELANCE_OUT_DIR: outDir, WXT_RELANCE_DEMO: 'true' },
  });
  if (build.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}

const headless = values.headless || Boolean(values.screenshot);
if (!headless && !process.env.DISPLAY && process.platform === 'linux') {
  console.error(
    'No display here (DISPLAY is not set). Run the demo on a desktop, or write a screenshot instead:\n' +
      '  npm run demo -- --headless --screenshot demo.png',
  );
  process.exit(1);
}

const today = localIsoDate(new Date());
const mailbox = demoMailboxHtml(demoLedger(today));
const browser = await launchWithExtension({
  headless,
  extensionDir,
  viewport: { width: 1440, height: 900 },
  pages: { 'https://mail.google.com/**': mailbox },
});
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.emulateMedia({ colorScheme: values.theme === 'dark' ? 'dark' : 'light' });
await page.goto(
  `https://mail.google.com/mail/u/0/#inbox${values.thread === 'inbox' ? '' : `/${demoThreadId(values.thread)}`}`,
);
const sidebar = page.frameLocator('[data-relance="sidebar"] iframe');

if (!values.screenshot) {
  console.log('Relance demo is open in Chromium: pick a thread in the inbox, the sidebar shows its client.');
  console.log('Close the browser window to end the demo.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  process.exit(0);
}

if (values.thread === 'inbox')
  await page.locator('[data-relance-badge]').first().waitFor({ timeout: 20_000 });
else await sidebar.getByTestId('client-name').waitFor({ timeout: 20_000 });
if (values.draft) {
  await sidebar.getByTestId('due-action').first().getByRole('button').first().click();
  await sidebar.getByTestId('email-draft').or(sidebar.getByTestId('call-sheet')).first().waitFor();
}
await page.screenshot({ path: values.screenshot });
console.log(`Screenshot written to ${values.screenshot}`);
await browser.close();
