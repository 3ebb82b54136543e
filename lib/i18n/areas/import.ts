import { registerMessages } from '../index';

/**
 * Messages of the import area. Keys start with `import.`; the English catalogue must have the same keys.
 * Row messages give the reason only: `import.report.*` put the line and column in front.
 */
export const importFr = {
  'import.report.atLine': 'Ligne {line} : {reason}',
  'import.report.atCell': 'Ligne {line}, colonne « {column} » : {reason}',

  'import.field.number': 'N° de facture',
  'import.field.client': 'Client',
  'import.field.issueDate': 'Date de facture',
  'import.field.dueDate': 'Échéance',
  'import.field.total': 'Montant TTC',
  'import.field.remaining': 'Reste à payer',
  'import.field.paid': 'Déjà payé',
  'import.field.status': 'Statut',
  'import.field.email': 'E-mail',
  'import.field.siren': 'SIREN / SIRET',
  'import.field.phone': 'Téléphone',
  'import.field.segment': 'Type de client',
  'import.field.terms': 'Conditions de paiement',
  'import.field.currency': 'Devise',
  'import.field.docType': 'Type de pièce',
  'import.field.contact': 'Contact',
  'import.field.address': 'Adresse',

  'import.file.empty': 'Le fichier est vide.',
  'import.file.noRows': 'Le fichier contient des en-têtes mais aucune ligne de facture.',
  'import.file.tooLarge': 'Le fichier dépasse {megabytes} Mo : exportez une période plus courte.',
  'import.file.missingColumn': 'Aucune colonne ne correspond à « {field} » : choisissez-la dans la liste.',

  'import.row.unclosedQuote': 'un guillemet ouvert n’est jamais fermé ; la ligne est illisible.',
  'import.row.tooManyCells':
    'la ligne a {count} cellules au lieu de {expected} (un séparateur en trop, peut-être dans un montant) ; elle est ignorée.',
  'import.row.totalLineSkipped': 'ligne de total, ignorée.',
  'import.row.missingValue': 'cellule vide, alors que l’information est obligatoire.',
  'import.row.invalidNumber': '« {value} » est trop long pour un numéro de facture.',
  'import.row.invalidAmount': '« {value} » n’est pas un montant lisible.',
  'import.row.invalidDate': '« {value} » n’est pas une date lisible (attendu par exemple 23/11/2026).',
  'import.row.remainingAboveTotal': 'le reste à payer ({value}) dépasse le montant de la facture ({total}).',
  'import.row.paidAboveTotal': 'le montant payé ({value}) dépasse le montant de la facture.',
  'import.row.unknownStatus': 'statut « {value} » non reconnu : la facture est considérée comme non payée.',
  'import.row.statusContradicts':
    'le statut « {value} » dit payée, mais il reste un montant à payer : le montant restant est retenu.',
  'import.row.issueDateFromDue': 'pas de date de facture : la date d’échéance ({date}) est utilisée.',
  'import.row.dueFromTerms': 'pas d’échéance : calculée d’après les conditions « {value} », soit le {date}.',
  'import.row.dueFromDefault':
    'pas d’échéance : fixée à {days} jours après la date de facture, soit le {date}.',
  'import.row.termsUnreadable': 'conditions de paiement « {value} » non comprises.',
  'import.row.dueBeforeIssue': 'l’échéance « {value} » est antérieure à la date de facture ({issueDate}).',
  'import.row.issueInFuture': 'la date de facture « {value} » est dans le futur.',
  'import.row.invalidEmail': '« {value} » n’est pas une adresse e-mail ; elle n’est pas enregistrée.',
  'import.row.invalidSiren':
    '« {value} » n’est ni un SIREN (9 chiffres) ni un SIRET (14 chiffres) ; il n’est pas enregistré.',
  'import.row.unknownSegment': 'type de client « {value} » non reconnu : « Entreprise » est retenu.',
  'import.row.unknownCurrency': 'devise « {value} » non reconnue : la devise par défaut est retenue.',
  'import.row.duplicateNumber': 'la facture {value} figure déjà ligne {firstLine} ; cette ligne est ignorée.',
  'import.row.numberOfOtherClient':
    'la facture {value} existe déjà pour le client « {owner} » ; vérifiez le nom du client.',
  'import.row.invalidInvoice': 'la facture {value} est incomplète ou incohérente.',
  'import.row.invalidClient': 'le client « {value} » ne peut pas être enregistré (nom vide ou trop long).',

  'import.einvoice.tooLarge': 'Le fichier dépasse {megabytes} Mo : ce n’est pas une facture.',
  'import.einvoice.notInvoice': 'Ce fichier n’est ni un PDF Factur-X ni une facture XML (CII ou UBL).',
  'import.einvoice.xmlBroken': 'Le XML de la facture est illisible, peut-être tronqué : {detail}.',
  'import.einvoice.unknownFormat': 'Ce XML n’est pas une facture CII ou UBL (élément racine « {value} »).',
  'import.einvoice.pdfUnreadable': 'Le PDF est illisible ou endommagé : {detail}.',
  'import.einvoice.pdfNoInvoice':
    'Ce PDF ne contient pas de facture électronique (pas de pièce jointe factur-x.xml) : saisissez-la à la main.',
  'import.einvoice.pdfUnavailable': 'La lecture des PDF n’est pas disponible ici.',
  'import.einvoice.missingField': 'Information obligatoire absente de la facture : {field}.',
  'import.einvoice.invalidValue': 'Valeur illisible pour {field} : « {value} ».',
  'import.einvoice.creditNote':
    'Avoir (type {value}) : enregistré comme avoir, pas comme une somme à recouvrer.',
  'import.einvoice.selfBilled':
    'Autofacturation (type 389) : le document a été émis par le client lui-même ; il n’est pas ajouté comme créance.',
  'import.einvoice.nothingDue': 'Reste à payer de {value} : il n’y a rien à relancer.',
  'import.einvoice.needsDueDate':
    'Ni date d’échéance ni conditions de paiement lisibles : indiquez l’échéance pour importer la facture.',
  'import.einvoice.dueFromTerms':
    'Échéance absente : calculée d’après les conditions « {value} », soit le {date}.',
  'import.einvoice.noEmail': 'La facture ne donne pas d’adresse e-mail pour le client.',
  'import.einvoice.addressedToYou':
    'Cette facture vous est adressée (votre SIREN est celui de l’acheteur) : c’est une facture fournisseur.',
  'import.einvoice.otherSeller': 'Le vendeur, {value}, n’a pas le SIREN de votre entreprise.',
} as const;

export const importEn: Record<keyof typeof importFr, string> = {
  'import.report.atLine': 'Line {line}: {reason}',
  'import.report.atCell': 'Line {line}, column “{column}”: {reason}',

  'import.field.number': 'Invoice number',
  'import.field.client': 'Client',
  'import.field.issueDate': 'Invoice date',
  'import.field.dueDate': 'Due date',
  'import.field.total': 'Total incl. VAT',
  'import.field.remaining': 'Amount outstanding',
  'import.field.paid': 'Already paid',
  'import.field.status': 'Status',
  'import.field.email': 'Email',
  'import.field.siren': 'SIREN / SIRET',
  'import.field.phone': 'Phone',
  'import.field.segment': 'Client type',
  'import.field.terms': 'Payment terms',
  'import.field.currency': 'Currency',
  'import.field.docType': 'Document type',
  'import.field.contact': 'Contact',
  'import.field.address': 'Address',

  'import.file.empty': 'The file is empty.',
  'import.file.noRows': 'The file has headers but no invoice rows.',
  'import.file.tooLarge': 'The file is larger than {megabytes} MB: export a shorter period.',
  'import.file.missingColumn': 'No column matches “{field}”: pick it from the list.',

  'import.row.unclosedQuote': 'a quotation mark is never closed; the row cannot be read.',
  'import.row.tooManyCells':
    'the row has {count} cells instead of {expected} (one separator too many, perhaps inside an amount); it is skipped.',
  'import.row.totalLineSkipped': 'total line, skipped.',
  'import.row.missingValue': 'empty cell, but this information is required.',
  'import.row.invalidNumber': '“{value}” is too long for an invoice number.',
  'import.row.invalidAmount': '“{value}” is not an amount that can be read.',
  'import.row.invalidDate': '“{value}” is not a date that can be read (expected e.g. 23/11/2026).',
  'import.row.remainingAboveTotal':
    'the amount outstanding ({value}) is more than the invoice total ({total}).',
  'import.row.paidAboveTotal': 'the amount paid ({value}) is more than the invoice total.',
  'import.row.unknownStatus': 'status “{value}” not recognised: the invoice is taken as unpaid.',
  'import.row.statusContradicts':
    'the status “{value}” says paid, but an amount is still outstanding: the outstanding amount is used.',
  'import.row.issueDateFromDue': 'no invoice date: the due date ({date}) is used.',
  'import.row.dueFromTerms': 'no due date: worked out from the terms “{value}”, giving {date}.',
  'import.row.dueFromDefault': 'no due date: set to {days} days after the invoice date, giving {date}.',
  'import.row.termsUnreadable': 'payment terms “{value}” not understood.',
  'import.row.dueBeforeIssue': 'the due date “{value}” is before the invoice date ({issueDate}).',
  'import.row.issueInFuture': 'the invoice date “{value}” is in the future.',
  'import.row.invalidEmail': '“{value}” is not an email address; it is not saved.',
  'import.row.invalidSiren':
    '“{value}” is neither a SIREN (9 digits) nor a SIRET (14 digits); it is not saved.',
  'import.row.unknownSegment': 'client type “{value}” not recognised: “Business” is used.',
  'import.row.unknownCurrency': 'currency “{value}” not recognised: the default currency is used.',
  'import.row.duplicateNumber': 'invoice {value} already appears on line {firstLine}; this row is skipped.',
  'import.row.numberOfOtherClient':
    'invoice {value} already exists for client “{owner}”; check the client name.',
  'import.row.invalidInvoice': 'invoice {value} is incomplete or inconsistent.',
  'import.row.invalidClient': 'client “{value}” cannot be saved (empty or too long a name).',

  'import.einvoice.tooLarge': 'The file is larger than {megabytes} MB: it is not an invoice.',
  'import.einvoice.notInvoice': 'This file is neither a Factur-X PDF nor an XML invoice (CII or UBL).',
  'import.einvoice.xmlBroken': 'The invoice XML cannot be read, it may be truncated: {detail}.',
  'import.einvoice.unknownFormat': 'This XML is not a CII or UBL invoice (root element “{value}”).',
  'import.einvoice.pdfUnreadable': 'The PDF cannot be read or is damaged: {detail}.',
  'import.einvoice.pdfNoInvoice':
    'This PDF carries no e-invoice (no factur-x.xml attachment): enter the invoice by hand.',
  'import.einvoice.pdfUnavailable': 'Reading PDFs is not available here.',
  'import.einvoice.missingField': 'Required information missing from the invoice: {field}.',
  'import.einvoice.invalidValue': 'Unreadable value for {field}: “{value}”.',
  'import.einvoice.creditNote':
    'Credit note (type {value}): recorded as a credit note, not as money owed to you.',
  'import.einvoice.selfBilled':
    'Self-billing (type 389): the document was issued by the client itself; it is not added as money owed.',
  'import.einvoice.nothingDue': 'Amount due of {value}: there is nothing to chase.',
  'import.einvoice.needsDueDate':
    'No due date and no readable payment terms: give the due date to import the invoice.',
  'import.einvoice.dueFromTerms': 'No due date: worked out from the terms “{value}”, giving {date}.',
  'import.einvoice.noEmail': 'The invoice gives no email address for the client.',
  'import.einvoice.addressedToYou':
    'This invoice is addressed to you (your SIREN is the buyer’s): it is a supplier invoice.',
  'import.einvoice.otherSeller': 'The seller, {value}, does not have your company’s SIREN.',
};

registerMessages(importFr, importEn);
