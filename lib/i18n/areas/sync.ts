import { registerMessages } from '../index';

/**
 * Messages of the sync area. Keys start with `sync.`; the English catalogue must have the same keys.
 */
export const syncFr = {
  'sync.title': 'Synchronisation entre navigateurs',
  'sync.state.starting': 'Synchronisation en cours…',
  'sync.state.synced': 'Synchronisé',
  'sync.state.pending': 'Synchronisation en attente',
  'sync.state.failed': 'La synchronisation a échoué : {reason}',
  'sync.localOnly.one': '1 élément conservé sur cet appareil uniquement',
  'sync.localOnly.other': '{count} éléments conservés sur cet appareil uniquement',
  'sync.because.quota':
    '{count} parce que l’espace de synchronisation du navigateur est plein (les factures ouvertes les plus urgentes passent en premier)',
  'sync.because.settledOld': '{count} parce que réglés depuis plus de {days} jours',
  'sync.safe': 'Rien n’est perdu : tout reste enregistré sur cet appareil.',
  'sync.retryAt': 'Nouvel essai à {time}.',
  'sync.error.rate_limit': 'trop d’écritures en peu de temps, le navigateur demande d’attendre',
  'sync.error.quota': 'l’espace de synchronisation du navigateur est plein',
  'sync.error.unavailable': 'la synchronisation est désactivée ou indisponible dans ce navigateur',
  'sync.error.newer_format':
    'un autre navigateur utilise une version plus récente de Relance ; mettez cette extension à jour',
  'sync.error.corrupt': 'des données illisibles venant d’un autre navigateur ont été ignorées',
  'sync.error.unknown': 'erreur inattendue ({detail})',
} as const;

export const syncEn: Record<keyof typeof syncFr, string> = {
  'sync.title': 'Sync between browsers',
  'sync.state.starting': 'Syncing…',
  'sync.state.synced': 'Synced',
  'sync.state.pending': 'Sync pending',
  'sync.state.failed': 'Sync failed: {reason}',
  'sync.localOnly.one': '1 item kept on this device only',
  'sync.localOnly.other': '{count} items kept on this device only',
  'sync.because.quota':
    '{count} because the browser’s sync space is full (the most urgent open invoices go first)',
  'sync.because.settledOld': '{count} because they were settled more than {days} days ago',
  'sync.safe': 'Nothing is lost: everything stays saved on this device.',
  'sync.retryAt': 'Trying again at {time}.',
  'sync.error.rate_limit': 'too many writes in a short time, the browser asks to wait',
  'sync.error.quota': 'the browser’s sync space is full',
  'sync.error.unavailable': 'sync is turned off or unavailable in this browser',
  'sync.error.newer_format': 'another browser uses a newer version of Relance; update this extension',
  'sync.error.corrupt': 'unreadable data from another browser was ignored',
  'sync.error.unknown': 'unexpected error ({detail})',
};

registerMessages(syncFr, syncEn);
