import { child, childrenNamed, path, textAt, type XmlElement } from '../xml';
import type { RawInvoice } from './document';
import { addressLines, pickSiren, validEmails } from './party';
import type { EInvoiceParty } from './types';

/** UN/CEFACT Cross Industry Invoice D16B, the XML inside Factur-X and ZUGFeRD 2. */
export function isCii(root: XmlElement): boolean {
  return root.name === 'CrossIndustryInvoice';
}

function party(element: XmlElement | undefined): EInvoiceParty {
  const ids = [
    ...childrenNamed(child(element, 'SpecifiedLegalOrganization'), 'ID'),
    ...childrenNamed(element, 'GlobalID'),
    ...childrenNamed(element, 'SpecifiedTaxRegistration').flatMap((registration) =>
      childrenNamed(registration, 'ID'),
    ),
  ].map((id) => ({ scheme: id.attributes.schemeID ?? '', value: id.text.trim() }));
  const contact = child(element, 'DefinedTradeContact');
  const address = child(element, 'PostalTradeAddress');
  const vat = ids.find((id) => id.scheme === 'VA')?.value;
  const phone = textAt(contact, 'TelephoneUniversalCommunication', 'CompleteNumber').replace(/\s+/g, ' ');
  const contactName = textAt(contact, 'PersonName');
  return {
    name: textAt(element, 'Name').slice(0, 200),
    ...pickSiren(ids),
    ...(vat && { vatNumber: vat }),
    emails: validEmails([
      ...childrenNamed(element, 'URIUniversalCommunication').map((uri) => textAt(uri, 'URIID')),
      textAt(contact, 'EmailURIUniversalCommunication', 'URIID'),
    ]),
    ...(phone && { phone: phone.slice(0, 40) }),
    ...(contactName && { contactName }),
    address: addressLines(
      ['LineOne', 'LineTwo', 'LineThree'].map((name) => textAt(address, name)),
      textAt(address, 'PostcodeCode'),
      textAt(address, 'CityName'),
      textAt(address, 'CountryID'),
    ),
  };
}

export function readCii(root: XmlElement): RawInvoice {
  const document = child(root, 'ExchangedDocument');
  const transaction = child(root, 'SupplyChainTradeTransaction');
  const agreement = child(transaction, 'ApplicableHeaderTradeAgreement');
  const settlement = child(transaction, 'ApplicableHeaderTradeSettlement');
  const totals = child(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  const terms = childrenNamed(settlement, 'SpecifiedTradePaymentTerms');
  const dueDate = terms.map((term) => textAt(term, 'DueDateDateTime', 'DateTimeString')).find(Boolean) ?? '';
  return {
    syntax: 'cii',
    profile: textAt(root, 'ExchangedDocumentContext', 'GuidelineSpecifiedDocumentContextParameter', 'ID'),
    typeCode: textAt(document, 'TypeCode'),
    number: textAt(document, 'ID'),
    issueDate: textAt(document, 'IssueDateTime', 'DateTimeString'),
    dueDate,
    dateFormat: 'compact',
    paymentTerms: terms
      .flatMap((term) => childrenNamed(term, 'Description').map((description) => description.text.trim()))
      .filter(Boolean)
      .join(' ; '),
    currency: textAt(settlement, 'InvoiceCurrencyCode'),
    total: textAt(totals, 'GrandTotalAmount'),
    prepaid: textAt(totals, 'TotalPrepaidAmount'),
    due: textAt(totals, 'DuePayableAmount'),
    seller: party(path(agreement, 'SellerTradeParty')),
    buyer: party(path(agreement, 'BuyerTradeParty')),
  };
}
