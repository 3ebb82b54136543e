import { registerMessages } from '../index';

/**
 * Messages of the outlook area. Keys start with `outlook.`; the English catalogue must have the same keys.
 */
export const outlookFr = {
  'outlook.dueOne': 'Relance : 1 relance à faire pour ce client, {amount} à encaisser.',
  'outlook.dueMany': 'Relance : {count} relances à faire pour ce client, {amount} à encaisser.',
  'outlook.loading': 'Chargement de Relance…',
  'outlook.notInOutlook':
    'Ce volet s’ouvre dans Outlook : sélectionnez un message puis cliquez sur « Relancer » dans le ruban.',
  'outlook.noMessage': 'Sélectionnez un message pour voir les factures de son client.',
  'outlook.ledgerError': 'Impossible d’ouvrir vos factures dans ce volet : {reason}',
  'outlook.message': 'Message de {sender} : {subject}',
  'outlook.attachmentsOmitted':
    'Cette version d’Outlook ne joint pas les fichiers automatiquement : ajoutez {names} à la réponse.',
} as const;

export const outlookEn: Record<keyof typeof outlookFr, string> = {
  'outlook.dueOne': 'Relance: 1 reminder due for this client, {amount} to collect.',
  'outlook.dueMany': 'Relance: {count} reminders due for this client, {amount} to collect.',
  'outlook.loading': 'Loading Relance…',
  'outlook.notInOutlook':
    'This pane opens in Outlook: select a message, then click “Follow up” on the ribbon.',
  'outlook.noMessage': 'Select a message to see its client’s invoices.',
  'outlook.ledgerError': 'Your invoices could not be opened in this pane: {reason}',
  'outlook.message': 'Message from {sender}: {subject}',
  'outlook.attachmentsOmitted': 'This Outlook does not attach files automatically: add {names} to the reply.',
};

registerMessages(outlookFr, outlookEn);
