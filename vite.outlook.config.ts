import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { devCertificate } from './outlook-addin/scripts/dev-cert.ts';
import { DEV_ORIGIN, manifestFor } from './outlook-addin/scripts/manifest-origin.ts';

/**
 * The Outlook add-in: its task pane page, icons and manifest, built into .output/outlook (or
 * RELANCE_OUTLOOK_OUT_DIR). `vite serve` with this config is `npm run dev:outlook`: HTTPS on
 * localhost:3000, the address the manifest points to.
 */
const root = resolve(import.meta.dirname, 'outlook-addin');
const sourceManifest = () => readFileSync(resolve(root, 'manifest.xml'), 'utf8');

function manifest(): Plugin {
  return {
    name: 'relance-outlook-manifest',
    generateBundle() {
      // Where the built add-in will be served, e.g. https://relance.example.fr/outlook.
      const base = process.env.RELANCE_OUTLOOK_ORIGIN ?? DEV_ORIGIN;
      this.emitFile({ type: 'asset', fileName: 'manifest.xml', source: manifestFor(sourceManifest(), base) });
    },
    configureServer(server) {
      server.middlewares.use('/manifest.xml', (_request, response) => {
        response.setHeader('Content-Type', 'application/xml; charset=utf-8');
        response.end(sourceManifest());
      });
    },
  };
}

export default defineConfig(({ command }) => ({
  root,
  // Relative URLs: the built folder works at any path of the production origin.
  base: './',
  publicDir: resolve(root, 'public'),
  plugins: [preact(), manifest()],
  build: {
    outDir: resolve(import.meta.dirname, process.env.RELANCE_OUTLOOK_OUT_DIR ?? '.output/outlook'),
    emptyOutDir: true,
    rolldownOptions: { input: { taskpane: resolve(root, 'taskpane.html') } },
  },
  server:
    command === 'serve'
      ? {
          host: 'localhost',
          port: 3000,
          strictPort: true,
          https: devCertificate(resolve(import.meta.dirname, '.tmp', 'outlook-dev-cert')),
        }
      : undefined,
}));
