import { child, childrenNamed, textAt, type XmlElement } from '../xml';
import type { RawInvoice } from './document';
import { addressLines, pickSiren, validEmails } from './party';
import type { EInvoiceParty } from './types';

/** OASIS UBL 2.x Invoice or CreditNote, the syntax of Peppol and of part of the French e-invoicing. */
export function isUbl(root: XmlElement): boolean {
  return (
    (root.name === 'Invoice' || root.name === 'CreditNote') &&
    root.namespace.startsWith('urn:oasis:names:specification:ubl:schema:xsd:')
  );
}

function party(element: XmlElement | undefined): EInvoiceParty {
  const legal = child(element, 'PartyLegalEntity');
  const endpoint = child(element, 'EndpointID');
  const ids = [
    ...childrenNamed(legal, 'CompanyID'),
    ...childrenNamed(element, 'PartyIdentification').map((identification) => child(identification, 'ID')!),
    ...(endpoint ? [endpoint] : []),
  ]
    .filter(Boolean)
    .map((id) => ({ scheme: id.attributes.schemeID ?? '', value: id.text.trim() }));
  const vat = childrenNamed(element, 'PartyTaxScheme')
    .filter((scheme) => textAt(scheme, 'TaxScheme', 'ID').toUpperCase() === 'VAT')
    .map((scheme) => textAt(scheme, 'CompanyID'))
    .find(Boolean);
  if (vat) ids.push({ scheme: 'VA', value: vat });
  const contact = child(element, 'Contact');
  const address = child(element, 'PostalAddress');
  const endpointText = endpoint?.text.trim() ?? '';
  const phone = textAt(contact, 'Telephone').replace(/\s+/g, ' ');
  const contactName = textAt(contact, 'Name');
  return {
    name: (textAt(legal, 'RegistrationName') || textAt(element, 'PartyName', 'Name')).slice(0, 200),
    ...pickSiren(ids),
    ...(vat && { vatNumber: vat }),
    emails: validEmails([
      endpoint?.attributes.schemeID === 'EM' || endpointText.includes('@') ? endpointText : '',
      textAt(contact, 'ElectronicMail'),
    ]),
    ...(phone && { phone: phone.slice(0, 40) }),
    ...(contactName && { contactName }),
    address: addressLines(
      [
        textAt(address, 'StreetName'),
        textAt(address, 'AdditionalStreetName'),
        ...childrenNamed(address, 'AddressLine').map((line) => textAt(line, 'Line')),
      ],
      textAt(address, 'PostalZone'),
      textAt(address, 'CityName'),
      textAt(address, 'Country', 'IdentificationCode'),
    ),
  };
}

export function readUbl(root: XmlElement): RawInvoice {
  const isCreditNote = root.name === 'CreditNote';
  const totals = child(root, 'LegalMonetaryTotal');
  const payable = child(totals, 'PayableAmount');
  const means = childrenNamed(root, 'PaymentMeans');
  return {
    syntax: 'ubl',
    profile: textAt(root, 'CustomizationID'),
    typeCode:
      textAt(root, isCreditNote ? 'CreditNoteTypeCode' : 'InvoiceTypeCode') || (isCreditNote ? '381' : '380'),
    number: textAt(root, 'ID'),
    issueDate: textAt(root, 'IssueDate'),
    dueDate:
      textAt(root, 'DueDate') || means.map((item) => textAt(item, 'PaymentDueDate')).find(Boolean) || '',
    dateFormat: 'iso',
    paymentTerms: childrenNamed(root, 'PaymentTerms')
      .flatMap((terms) => childrenNamed(terms, 'Note').map((note) => note.text.trim()))
      .filter(Boolean)
      .join(' ; '),
    currency: textAt(root, 'DocumentCurrencyCode') || (payable?.attributes.currencyID ?? ''),
    total: textAt(totals, 'TaxInclusiveAmount'),
    prepaid: textAt(totals, 'PrepaidAmount'),
    due: payable?.text.trim() ?? '',
    seller: party(child(child(root, 'AccountingSupplierParty'), 'Party')),
    buyer: party(child(child(root, 'AccountingCustomerParty'), 'Party')),
  };
}
