import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/**
 * Launches the system Chromium with the built extension loaded, the way the tests, the demo
 * and the benchmarks all need it. Gmail pages are served from local fixtures at the real
 * address, so the real content script with its real match patterns runs on them.
 */

export const defaultExtensionDir = resolve(
  import.meta.dirname,
  '..',
  process.env.RELANCE_OUT_DIR ?? '.output',
  'chrome-mv3',
);

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (path): path is string => Boolean(path),
  );
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'Chromium was not found. Install it (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium`) ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  background: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Extra routes: URL pattern → HTML served at that address. */
  pages?: Record<string, string>;
  /** The built extension to load; the test build by default. */
  extensionDir?: string;
  viewport?: { width: number; height: number };
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? defaultExtensionDir;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `The extension is not built (${extensionDir} has no manifest.json): run \`npm run build\` first.`,
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'relance-chromium-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    // Extensions need the new headless mode, which Playwright's own flag does not select.
    headless: false,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=fr-FR',
    ],
  });
  for (const [pattern, html] of Object.entries(options.pages ?? {})) {
    await context.route(pattern, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
  }
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // tsx (demo, benchmarks) keeps function names with a `__name` helper that functions passed to
  // evaluate() carry along; give every context a stand-in so they run there too.
  const keepNames = 'globalThis.__name ??= (target) => target;';
  await context.addInitScript(keepNames);
  await background.evaluate(keepNames);
  const extensionId = new URL(background.url()).host;
  return {
    context,
    background,
    extensionId,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export function readFixture(...path: string[]): string {
  return readFileSync(resolve(import.meta.dirname, '..', 'tests', 'fixtures', ...path), 'utf8');
}
