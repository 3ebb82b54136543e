import { registerMessages } from '../index';

/**
 * Messages of the documents area: letters, SMS, call sheets and the document page. Keys start with
 * `documents.`; the English catalogue must have the same keys.
 */
export const documentsFr = {
  'documents.civility.mme': 'Madame {name}',
  'documents.civility.m': 'Monsieur {name}',

  'documents.letter.registered': 'Lettre recommandée avec accusé de réception',
  'documents.letter.subject': 'Objet : {subject}',
  'documents.letter.subject.notice': 'Mise en demeure de payer',
  'documents.letter.subject.reminderOne': 'Relance facture n° {numbers}',
  'documents.letter.subject.reminderMany': 'Relance factures n° {numbers}',
  'documents.letter.placeDate': '{place}, le {date}',
  'documents.letter.col.number': 'Facture',
  'documents.letter.col.issueDate': 'Date',
  'documents.letter.col.dueDate': 'Échéance',
  'documents.letter.col.amount': 'Montant TTC',
  'documents.letter.col.remaining': 'Reste dû',
  'documents.letter.totalRemaining': 'Total restant dû',
  'documents.letter.penalties': 'Pénalités de retard',
  'documents.letter.penaltiesAt': 'Pénalités de retard au {date}',
  'documents.letter.indemnity': 'Indemnité forfaitaire pour frais de recouvrement',
  'documents.letter.claimed': 'Total réclamé',
  'documents.letter.page': 'Page {page} / {count}',
  'documents.letter.capital': '{form} au capital de {capital}',
  'documents.letter.siren': 'SIREN {value}',
  'documents.letter.vat': 'TVA intracommunautaire {value}',
  'documents.letter.iban': 'IBAN {iban}',
  'documents.letter.ibanBic': 'IBAN {iban} – BIC {bic}',
  'documents.letter.greetingDefault': 'Madame, Monsieur',
  'documents.letter.termsDefault': 'nos conditions générales de vente',
  'documents.letter.notice.intro':
    'Malgré nos relances successives, les factures ci-dessous restent impayées à ce jour, pour un montant de {amount}.',
  'documents.letter.notice.demand':
    'Par la présente, nous vous mettons en demeure de nous régler la somme de {amount} dans un délai de {days} jours à compter de la réception de ce courrier, soit au plus tard le {deadline}.',
  'documents.letter.notice.penalties':
    'Conformément à l’article L441-10 du Code de commerce et à {terms}, cette somme comprend les pénalités de retard courant depuis chaque échéance ainsi que l’indemnité forfaitaire de 40 € par facture prévue à l’article D441-5.',
  'documents.letter.notice.consequence':
    'À défaut de règlement dans ce délai, nous engagerons sans autre avis une procédure d’injonction de payer afin d’obtenir le recouvrement de notre créance.',
  'documents.letter.reminder.intro':
    'Sauf erreur de notre part, les factures ci-dessous restent impayées à ce jour, pour un montant de {amount}.',
  'documents.letter.reminder.request':
    'Nous vous remercions de bien vouloir procéder à leur règlement dans les meilleurs délais. Si votre paiement nous est parvenu entre-temps, merci de ne pas tenir compte de ce courrier.',
  'documents.letter.payByTransfer':
    'Vous pouvez régler par virement sur notre compte IBAN {iban}, en rappelant les numéros de facture.',
  'documents.letter.payByTransferBic':
    'Vous pouvez régler par virement sur notre compte IBAN {iban} (BIC {bic}), en rappelant les numéros de facture.',
  'documents.letter.payByLink': 'Vous pouvez aussi payer en ligne : {link}',
  'documents.letter.closing':
    'Nous restons à votre disposition pour en parler et vous prions d’agréer, {greeting}, l’expression de nos salutations distinguées.',

  'documents.sms.one':
    'Bonjour, sauf erreur la facture {numbers} de {amount}, échue le {date}, reste impayée. Merci de la régler rapidement.',
  'documents.sms.many':
    'Bonjour, sauf erreur les factures {numbers} ({amount} au total), échues depuis le {date}, restent impayées. Merci de les régler rapidement.',
  'documents.sms.link': 'Paiement : {link}',
  'documents.sms.signature': '{sender}',

  'documents.call.title': 'Fiche d’appel – {client}',
  'documents.call.print': 'Imprimer',
  'documents.call.contact': 'Interlocuteur',
  'documents.call.phone': 'Téléphone',
  'documents.call.emails': 'E-mail',
  'documents.call.noPhone': 'aucun numéro enregistré',
  'documents.call.invoices': 'Factures concernées',
  'documents.call.col.number': 'Facture',
  'documents.call.col.dueDate': 'Échéance',
  'documents.call.col.daysLate': 'Retard',
  'documents.call.col.amount': 'Montant TTC',
  'documents.call.col.remaining': 'Reste dû',
  'documents.call.daysLate': '{count} j',
  'documents.call.total': 'Total restant dû',
  'documents.call.history': 'Derniers échanges',
  'documents.call.noHistory': 'Aucun échange enregistré.',
  'documents.call.checks': 'Avant d’appeler',
  'documents.call.questions': 'Questions à poser',
  'documents.call.objections': 'Objections et réponses',
  'documents.call.outcomes': 'Issue de l’appel (à noter)',
  'documents.call.notes': 'Notes',
  'documents.call.check.history': 'Relire l’historique des relances et la dernière promesse éventuelle.',
  'documents.call.check.amounts': 'Avoir sous les yeux les factures, leurs montants et leurs échéances.',
  'documents.call.check.contact': 'Vérifier le nom et la fonction de l’interlocuteur.',
  'documents.call.check.paymentMethods':
    'Préparer les moyens de paiement : IBAN, lien de paiement, échéancier possible.',
  'documents.call.check.goal': 'Fixer l’objectif : une date et un montant de paiement.',
  'documents.call.question.received': 'Avez-vous bien reçu la facture ?',
  'documents.call.question.approved': 'A-t-elle été validée pour paiement ?',
  'documents.call.question.scheduled': 'Le paiement est-il programmé ?',
  'documents.call.question.who': 'Qui s’occupe du règlement chez vous ?',
  'documents.call.question.when': 'À quelle date pouvons-nous compter sur le paiement ?',
  'documents.call.objection.notReceived': '« Je n’ai pas reçu la facture. »',
  'documents.call.answer.notReceived':
    'Confirmer l’adresse e-mail et la renvoyer pendant l’appel ; convenir d’une date de paiement.',
  'documents.call.objection.cashFlow': '« Nous avons des difficultés de trésorerie. »',
  'documents.call.answer.cashFlow':
    'Proposer un échéancier avec des dates précises ; noter le premier versement.',
  'documents.call.objection.dispute': '« La prestation ne nous convient pas. »',
  'documents.call.answer.dispute':
    'Écouter, noter le motif précis et enregistrer un litige ; régler séparément la part non contestée.',
  'documents.call.objection.alreadyPaid': '« C’est déjà payé. »',
  'documents.call.answer.alreadyPaid':
    'Demander la date, le montant et la référence du virement pour le rapprocher.',
  'documents.call.objection.wrongPerson': '« Ce n’est pas moi qui m’en occupe. »',
  'documents.call.answer.wrongPerson': 'Demander le nom, l’e-mail et le téléphone de la bonne personne.',
  'documents.call.outcome.promise': 'Promesse de paiement : date ____ / ____ / ______  montant __________',
  'documents.call.outcome.dispute': 'Litige : motif __________________________________',
  'documents.call.outcome.paid': 'Déjà payé : date et référence ____________________',
  'documents.call.outcome.noAnswer': 'Pas de réponse (message laissé : oui / non)',
  'documents.call.outcome.wrongContact': 'Mauvais interlocuteur : bon contact ______________',
  'documents.call.outcome.callback': 'À rappeler le ____ / ____ à ____ h',
  'documents.call.history.reminder': 'Relance ({channel})',
  'documents.call.history.call': 'Appel : {outcome}',
  'documents.call.history.promise': 'Promesse de {amount} pour le {date}',
  'documents.call.history.payment': 'Paiement de {amount}',
  'documents.call.history.dispute': 'Litige : {reason}',
  'documents.call.history.dispute_resolved': 'Litige clos',
  'documents.call.history.plan': 'Échéancier accordé',
  'documents.call.history.skip': 'Étape passée',
  'documents.call.history.pause': 'Relances en pause',
  'documents.call.history.resume': 'Relances reprises',

  'documents.page.loading': 'Préparation du document…',
  'documents.page.notFound':
    'Ce document n’a pas pu être préparé : le client ou les factures n’existent plus.',
  'documents.page.badRequest': 'Adresse de document incomplète.',
  'documents.page.error': 'Le document n’a pas pu être préparé : {reason}',
  'documents.page.download': 'Télécharger le PDF',
  'documents.page.letterTitle': 'Courrier – {client}',
} as const;

export const documentsEn: Record<keyof typeof documentsFr, string> = {
  'documents.civility.mme': 'Ms {name}',
  'documents.civility.m': 'Mr {name}',

  'documents.letter.registered': 'Registered letter with acknowledgement of receipt',
  'documents.letter.subject': 'Subject: {subject}',
  'documents.letter.subject.notice': 'Formal notice to pay',
  'documents.letter.subject.reminderOne': 'Reminder: invoice no. {numbers}',
  'documents.letter.subject.reminderMany': 'Reminder: invoices no. {numbers}',
  'documents.letter.placeDate': '{place}, {date}',
  'documents.letter.col.number': 'Invoice',
  'documents.letter.col.issueDate': 'Date',
  'documents.letter.col.dueDate': 'Due date',
  'documents.letter.col.amount': 'Amount incl. VAT',
  'documents.letter.col.remaining': 'Outstanding',
  'documents.letter.totalRemaining': 'Total outstanding',
  'documents.letter.penalties': 'Late-payment interest',
  'documents.letter.penaltiesAt': 'Late-payment interest as of {date}',
  'documents.letter.indemnity': 'Fixed recovery indemnity',
  'documents.letter.claimed': 'Total claimed',
  'documents.letter.page': 'Page {page} / {count}',
  'documents.letter.capital': '{form} with a share capital of {capital}',
  'documents.letter.siren': 'SIREN {value}',
  'documents.letter.vat': 'EU VAT number {value}',
  'documents.letter.iban': 'IBAN {iban}',
  'documents.letter.ibanBic': 'IBAN {iban} – BIC {bic}',
  'documents.letter.greetingDefault': 'Dear Sir or Madam',
  'documents.letter.termsDefault': 'our terms of sale',
  'documents.letter.notice.intro':
    'Despite our successive reminders, the invoices below remain unpaid to date, for an amount of {amount}.',
  'documents.letter.notice.demand':
    'We hereby give you formal notice to pay the sum of {amount} within {days} days of receipt of this letter, that is by {deadline} at the latest.',
  'documents.letter.notice.penalties':
    'In accordance with article L441-10 of the French Commercial Code and {terms}, this sum includes the late-payment interest running from each due date and the fixed indemnity of €40 per invoice provided for by article D441-5.',
  'documents.letter.notice.consequence':
    'Failing payment within this period, we will apply for an order for payment without further notice in order to recover our claim.',
  'documents.letter.reminder.intro':
    'Unless we are mistaken, the invoices below remain unpaid to date, for an amount of {amount}.',
  'documents.letter.reminder.request':
    'We would be grateful if you could settle them as soon as possible. If your payment has reached us in the meantime, please disregard this letter.',
  'documents.letter.payByTransfer':
    'You can pay by bank transfer to our account IBAN {iban}, quoting the invoice numbers.',
  'documents.letter.payByTransferBic':
    'You can pay by bank transfer to our account IBAN {iban} (BIC {bic}), quoting the invoice numbers.',
  'documents.letter.payByLink': 'You can also pay online: {link}',
  'documents.letter.closing': 'We remain at your disposal to discuss it. Yours faithfully, {greeting}.',

  'documents.sms.one':
    'Hello, unless we are mistaken invoice {numbers} for {amount}, due on {date}, is unpaid. Please settle it soon.',
  'documents.sms.many':
    'Hello, unless we are mistaken invoices {numbers} ({amount} in all), due since {date}, are unpaid. Please settle them soon.',
  'documents.sms.link': 'Pay: {link}',
  'documents.sms.signature': '{sender}',

  'documents.call.title': 'Call sheet – {client}',
  'documents.call.print': 'Print',
  'documents.call.contact': 'Contact',
  'documents.call.phone': 'Phone',
  'documents.call.emails': 'Email',
  'documents.call.noPhone': 'no number on record',
  'documents.call.invoices': 'Invoices concerned',
  'documents.call.col.number': 'Invoice',
  'documents.call.col.dueDate': 'Due date',
  'documents.call.col.daysLate': 'Late',
  'documents.call.col.amount': 'Amount incl. VAT',
  'documents.call.col.remaining': 'Outstanding',
  'documents.call.daysLate': '{count} d',
  'documents.call.total': 'Total outstanding',
  'documents.call.history': 'Latest exchanges',
  'documents.call.noHistory': 'No exchange on record.',
  'documents.call.checks': 'Before calling',
  'documents.call.questions': 'Questions to ask',
  'documents.call.objections': 'Objections and answers',
  'documents.call.outcomes': 'Outcome of the call (to record)',
  'documents.call.notes': 'Notes',
  'documents.call.check.history': 'Read the reminder history and any previous promise.',
  'documents.call.check.amounts': 'Have the invoices, their amounts and due dates in front of you.',
  'documents.call.check.contact': 'Check the contact’s name and role.',
  'documents.call.check.paymentMethods':
    'Have the payment methods ready: IBAN, payment link, a possible instalment plan.',
  'documents.call.check.goal': 'Set the goal: a payment date and amount.',
  'documents.call.question.received': 'Did you receive the invoice?',
  'documents.call.question.approved': 'Has it been approved for payment?',
  'documents.call.question.scheduled': 'Is the payment scheduled?',
  'documents.call.question.who': 'Who handles the payment on your side?',
  'documents.call.question.when': 'On what date can we count on the payment?',
  'documents.call.objection.notReceived': '“I never received the invoice.”',
  'documents.call.answer.notReceived':
    'Confirm the email address and resend it during the call; agree on a payment date.',
  'documents.call.objection.cashFlow': '“We have cash-flow difficulties.”',
  'documents.call.answer.cashFlow': 'Offer an instalment plan with exact dates; note the first payment.',
  'documents.call.objection.dispute': '“We are not satisfied with the work.”',
  'documents.call.answer.dispute':
    'Listen, note the exact reason and record a dispute; settle the undisputed part separately.',
  'documents.call.objection.alreadyPaid': '“It is already paid.”',
  'documents.call.answer.alreadyPaid':
    'Ask for the date, amount and reference of the transfer to reconcile it.',
  'documents.call.objection.wrongPerson': '“I am not the one who deals with it.”',
  'documents.call.answer.wrongPerson': 'Ask for the right person’s name, email and phone.',
  'documents.call.outcome.promise': 'Promise to pay: date ____ / ____ / ______  amount __________',
  'documents.call.outcome.dispute': 'Dispute: reason __________________________________',
  'documents.call.outcome.paid': 'Already paid: date and reference ____________________',
  'documents.call.outcome.noAnswer': 'No answer (message left: yes / no)',
  'documents.call.outcome.wrongContact': 'Wrong contact: right contact ______________',
  'documents.call.outcome.callback': 'Call back on ____ / ____ at ____',
  'documents.call.history.reminder': 'Reminder ({channel})',
  'documents.call.history.call': 'Call: {outcome}',
  'documents.call.history.promise': 'Promise of {amount} for {date}',
  'documents.call.history.payment': 'Payment of {amount}',
  'documents.call.history.dispute': 'Dispute: {reason}',
  'documents.call.history.dispute_resolved': 'Dispute closed',
  'documents.call.history.plan': 'Instalment plan agreed',
  'documents.call.history.skip': 'Step skipped',
  'documents.call.history.pause': 'Reminders paused',
  'documents.call.history.resume': 'Reminders resumed',

  'documents.page.loading': 'Preparing the document…',
  'documents.page.notFound':
    'This document could not be prepared: the client or the invoices no longer exist.',
  'documents.page.badRequest': 'Incomplete document address.',
  'documents.page.error': 'The document could not be prepared: {reason}',
  'documents.page.download': 'Download the PDF',
  'documents.page.letterTitle': 'Letter – {client}',
};

registerMessages(documentsFr, documentsEn);
