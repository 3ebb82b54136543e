import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Relance: the Gmail sidebar, its background and its pages. See ../shared/DESIGN.md.
export default defineConfig({
  // Every import is explicit: a reader sees where a name comes from.
  imports: false,
  // One manifest version everywhere, so the background uses the same `action` API in Firefox.
  manifestVersion: 3,
  // Parallel work (and the benchmarks) can build into a folder of their own.
  outDir: process.env.RELANCE_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://mail.google.com/*'],
    action: { default_title: 'Relance' },
    // The sidebar page is framed inside Gmail.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: ['https://mail.google.com/*'] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'relance@relance.app',
              strict_min_version: '128.0',
              // Nothing leaves the user's devices: no data is collected or transmitted.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
