import type { documentsFr } from './areas/documents';
import type { importFr } from './areas/import';
import type { optionsFr } from './areas/options';
import type { outlookFr } from './areas/outlook';
import type { popupFr } from './areas/popup';
import type { sidebarFr } from './areas/sidebar';
import type { syncFr } from './areas/sync';
import type { CoreKey } from './fr';

/**
 * Every message key, checked at compile time. The texts themselves load with the pages that use
 * them (a page registers its areas), so the Gmail sidebar does not carry the options page's.
 */
export type MessageKey =
  | CoreKey
  | keyof typeof sidebarFr
  | keyof typeof optionsFr
  | keyof typeof popupFr
  | keyof typeof importFr
  | keyof typeof syncFr
  | keyof typeof outlookFr
  | keyof typeof documentsFr;
