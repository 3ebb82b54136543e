import { registerMessages } from '../index';

/**
 * Messages of the popup area. Keys start with `popup.`; the English catalogue must have the same keys.
 */
export const popupFr = {
  'popup.title': 'Aujourd’hui',
  'popup.count': '{count} relance(s) à faire',
  'popup.loading': 'Chargement…',
  'popup.loadError': 'Le registre des factures n’a pas pu être ouvert : {reason}',
  'popup.empty': 'Aucune relance à faire aujourd’hui.',
  'popup.group.email': 'E-mails à rédiger',
  'popup.group.phone': 'Appels à passer',
  'popup.group.letter': 'Courriers à envoyer',
  'popup.group.sms': 'SMS à envoyer',
  'popup.overdueSince': 'en retard depuis le {date}',
  'popup.dueToday': 'aujourd’hui',
  'popup.openThread': 'Ouvrir le fil dans Gmail',
  'popup.newMail': 'Nouveau message dans Gmail',
  'popup.newMailNote': 'Aucun fil connu avec ce client : un nouveau message s’ouvre.',
  'popup.noEmail': 'Aucune adresse e-mail connue pour ce client.',
  'popup.mailSubject': 'Relance facture n° {numbers}',
  'popup.callSheet': 'Fiche d’appel',
  'popup.letter': 'Courrier (PDF)',
  'popup.formalNotice': 'Mise en demeure (PDF)',
  'popup.sms.copy': 'Copier le texte',
  'popup.sms.copied': 'Copié',
  'popup.sms.copyFailed': 'Le texte n’a pas pu être copié : sélectionnez-le à la main.',
  'popup.sms.open': 'Ouvrir dans Messages',
  'popup.sms.noPhone': 'Aucun numéro de téléphone connu : saisissez-le sur le téléphone.',
  'popup.sms.qr': 'Scannez avec votre téléphone pour préparer le SMS.',
  'popup.sms.qrAlt': 'QR code du SMS',
} as const;

export const popupEn: Record<keyof typeof popupFr, string> = {
  'popup.title': 'Today',
  'popup.count': '{count} reminder(s) to do',
  'popup.loading': 'Loading…',
  'popup.loadError': 'The invoice ledger could not be opened: {reason}',
  'popup.empty': 'No reminder to do today.',
  'popup.group.email': 'Emails to write',
  'popup.group.phone': 'Calls to make',
  'popup.group.letter': 'Letters to send',
  'popup.group.sms': 'Text messages to send',
  'popup.overdueSince': 'overdue since {date}',
  'popup.dueToday': 'today',
  'popup.openThread': 'Open the thread in Gmail',
  'popup.newMail': 'New message in Gmail',
  'popup.newMailNote': 'No thread known with this client: a new message opens.',
  'popup.noEmail': 'No email address known for this client.',
  'popup.mailSubject': 'Reminder: invoice no. {numbers}',
  'popup.callSheet': 'Call sheet',
  'popup.letter': 'Letter (PDF)',
  'popup.formalNotice': 'Formal notice (PDF)',
  'popup.sms.copy': 'Copy the text',
  'popup.sms.copied': 'Copied',
  'popup.sms.copyFailed': 'The text could not be copied: select it by hand.',
  'popup.sms.open': 'Open in Messages',
  'popup.sms.noPhone': 'No phone number known: type it on the phone.',
  'popup.sms.qr': 'Scan with your phone to prepare the text message.',
  'popup.sms.qrAlt': 'QR code of the text message',
};

registerMessages(popupFr, popupEn);
