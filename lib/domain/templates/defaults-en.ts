import type { ChannelTemplates, LanguageTemplates, TemplateId } from './set';

/*
 * The English defaults, the same steps and variants as the French ones. Only the formal notice
 * says "formal notice"; the last warning announces "formal recovery proceedings" instead.
 */

const invoices = (single: string, several: string) => `{{#if single}}${single}{{else}}${several}{{/if}}`;
const refs = invoices('invoice no. {{invoice.number}}', 'invoices no. {{invoiceRefs}}');
const invoicePhrase = invoices('invoice no. {{invoice.number}}', 'invoices no. {{invoiceRefs}}');
const stillUnpaid = invoices(
  'invoice no. {{invoice.number}}, due on {{oldestDueDate}}, is still unpaid',
  'the invoices below are still unpaid',
);
const notPaidYet = invoices(
  'invoice no. {{invoice.number}} for {{total.outstanding}}, due on {{oldestDueDate}}, has not been paid yet',
  'the invoices below, for a total of {{total.outstanding}}, have not been paid yet',
);

const emailGreeting = '{{#if client.loyal}}{{friendlyGreeting}}{{else}}{{greeting}}{{/if}}';

const payment = `{{#if payment.any}}
How to pay:
{{#if payment.link}}
- online: {{payment.link}}
{{/if}}
{{#if payment.iban}}
- by bank transfer: IBAN {{payment.iban}}{{#if payment.bic}}, BIC {{payment.bic}}{{/if}}, quoting ${invoices('the invoice number', 'the invoice numbers')} as reference.
{{/if}}
{{/if}}`;

const termsReminder = `{{#if client.business}}
As a reminder, under article L441-10 of the French Commercial Code{{#if company.termsRef}} and our terms of sale ({{company.termsRef}}){{/if}}, any late payment automatically incurs late-payment interest and a fixed recovery indemnity of {{penalties.indemnityPerInvoice}} per invoice.
{{/if}}`;

const penaltiesDue = `{{#if client.business}}
Under article L441-10 of the French Commercial Code{{#if company.termsRef}} and our terms of sale ({{company.termsRef}}){{/if}}, this delay automatically incurs late-payment interest{{#if penalties.rate}} at {{penalties.rate}} a year{{/if}} and a fixed recovery indemnity of {{penalties.indemnityPerInvoice}} per invoice (article D441-5), that is {{total.penalties}} to date.
{{else if client.public}}
This delay automatically incurs default interest{{#if penalties.rate}} at {{penalties.rate}} a year{{/if}} and a fixed indemnity of {{penalties.indemnityPerInvoice}} per invoice (articles L2192-13 and D2192-35 of the French Public Procurement Code), that is {{total.penalties}} to date.
{{/if}}`;

const alreadyPaid = (medium: string) =>
  `If payment has been made in the meantime, please disregard ${medium}.`;

const emailClosing = `{{#if personal}}
I would be glad to discuss it by phone{{#if company.phone}} on {{company.phone}}{{/if}}.
{{else}}
For any question, simply reply to this message{{#if company.phone}} or call us on {{company.phone}}{{/if}}.
{{/if}}

Kind regards,

{{signature}}

{{company.legalMentions}}`;

const letterClosing = (formula: string) => `${formula}

{{signature}}`;

interface Core {
  subject: string;
  core(medium: string): string;
  letterTitle: string;
  letterFormula: string;
  sms: string;
  callGoal: string;
}

const cores: Record<Exclude<TemplateId, 'formal-notice'>, Core> = {
  'heads-up': {
    subject: invoices(
      'Invoice no. {{invoice.number}} – due on {{nextDueDate}}',
      'Invoices no. {{invoiceRefs}} – coming due',
    ),
    core: (medium) => `{{#if personal}}
I am writing to you personally: ${invoicePhrase}, for ${invoices('', 'a total of ')}{{total.outstanding}}, ${invoices('falls due on {{nextDueDate}}', 'will soon fall due')}.
{{else}}
This is to let you know that ${invoicePhrase}, for ${invoices('', 'a total of ')}{{total.outstanding}}, ${invoices('falls due on {{nextDueDate}}', 'will soon fall due')}.
{{/if}}

{{invoiceTable}}

{{#if client.loyal}}
This is only a reminder to make things easier for you; thank you again for your trust.
{{else if client.new}}
As we have only recently started working together, here are our payment details so that payment goes smoothly.
{{else if client.latePayer}}
To avoid any delay, please schedule the payment for ${invoices('that date', 'those dates')} now.
{{else}}
Thank you for scheduling the payment for ${invoices('that date', 'those dates')}.
{{/if}}

${payment}

{{#if client.new}}
${termsReminder}
{{/if}}

${alreadyPaid(medium)}`,
    letterTitle: 'Payment due notice',
    letterFormula: 'With our thanks, yours sincerely,',
    sms: `{{company.name}}: ${invoices('invoice {{invoice.number}}', '{{invoiceCount}} invoices')} ({{total.outstanding}}) ${invoices('falls', 'fall')} due on {{nextDueDate}}.{{#unless compact}}{{#if payment.link}} Pay: {{payment.link}}{{/if}}{{/unless}} Thank you!`,
    callGoal: 'Check that the invoice was received and approved, and that it will be paid when due.',
  },
  friendly: {
    subject: `Reminder: ${refs} – past due`,
    core: (medium) => `{{#if personal}}
I am contacting you personally about a payment still pending.
{{/if}}

{{#if client.loyal}}
Unless we are mistaken, ${notPaidYet}. It is most likely a simple oversight.
{{else if client.latePayer}}
We note that ${notPaidYet}, now {{daysLate}} late. Please arrange payment on receipt of ${medium}.
{{else if client.new}}
Unless we are mistaken, ${notPaidYet}. Please find the details and our payment information below.
{{else}}
Unless we are mistaken, ${notPaidYet}. Could you let us know when payment is scheduled?
{{/if}}

{{invoiceTable}}

${payment}

{{#if client.new}}
${termsReminder}
{{else if client.latePayer}}
${termsReminder}
{{/if}}

${alreadyPaid(medium)}`,
    letterTitle: 'Payment reminder',
    letterFormula: 'Yours sincerely,',
    sms: `{{company.name}}: unless mistaken, ${invoices('invoice {{invoice.number}} due {{oldestDueDate}} is', '{{invoiceCount}} invoices are')} still unpaid ({{total.outstanding}}).{{#unless compact}}{{#if payment.link}} Pay: {{payment.link}}{{/if}}{{/unless}} Thank you!`,
    callGoal: 'Find out why the payment has not arrived and get a payment date.',
  },
  call: {
    subject: `Reminder: ${refs} – past due`,
    core: (medium) => `{{#if reminders.any}}
We tried to reach you about ${invoicePhrase}, still unpaid despite our previous messages ({{reminders.dates}}).
{{else}}
We tried to reach you about ${invoicePhrase}, now {{daysLate}} past due.
{{/if}}

{{invoiceTable}}

Could you call us back{{#if company.phone}} on {{company.phone}}{{/if}}, or reply with the date payment is scheduled?

${payment}

${alreadyPaid(medium)}`,
    letterTitle: 'Payment reminder',
    letterFormula: 'Yours sincerely,',
    sms: `{{company.name}}: we tried to reach you about ${invoices('invoice {{invoice.number}}', '{{invoiceCount}} invoices')} ({{total.outstanding}}).{{#unless compact}}{{#if company.phone}} Please call us back on {{company.phone}}.{{/if}}{{/unless}}`,
    callGoal: 'Get a payment date and amount, or the exact reason it is blocked.',
  },
  firm: {
    subject: `Reminder: ${invoices('invoice no. {{invoice.number}}', 'invoices no. {{invoiceRefs}}')} unpaid for {{daysLate}}`,
    core: (medium) => `{{#if reminders.any}}
Despite our previous messages ({{reminders.dates}}), ${stillUnpaid}, now {{daysLate}} late.
{{else}}
Unless we are mistaken, ${stillUnpaid}, now {{daysLate}} late.
{{/if}}

{{penaltyTable}}

${penaltiesDue}

{{#if client.loyal}}
Given our long-standing relationship, we assume this is a hitch and thank you for settling it as soon as possible.
{{else if client.latePayer}}
These repeated delays oblige us to ask for immediate payment, on receipt of ${medium}.
{{else}}
Please pay {{total.outstanding}} within eight days.
{{/if}}

If you are facing a difficulty, contact us: a payment plan can be considered.

${payment}

${alreadyPaid(medium)}`,
    letterTitle: 'Payment reminder',
    letterFormula: 'Yours faithfully,',
    sms: `{{company.name}}: ${invoices('invoice {{invoice.number}} is', '{{invoiceCount}} invoices are')} unpaid for {{daysLate}} ({{total.outstanding}}). Please pay within 8 days.{{#unless compact}}{{#if payment.link}} {{payment.link}}{{/if}}{{/unless}}`,
    callGoal: 'Get a firm commitment: payment date and amount, or a payment plan.',
  },
  'last-warning': {
    subject: `Final reminder before proceedings – ${refs}`,
    core: (medium) => `{{#if reminders.any}}
Despite our reminders ({{reminders.dates}}), ${stillUnpaid}, now {{daysLate}} late.
{{else}}
We note that ${stillUnpaid}, now {{daysLate}} late.
{{/if}}

{{penaltyTable}}

${penaltiesDue}

Without payment of {{total.outstanding}} by {{deadline}}, we will start formal recovery proceedings by registered letter, without further reminder.

{{#if client.loyal}}
We value our relationship and would rather find a solution together: call us if a difficulty prevents you from paying.
{{else}}
If a difficulty prevents you from paying, contact us before that date.
{{/if}}

${payment}

${alreadyPaid(medium)}`,
    letterTitle: 'Final reminder before proceedings',
    letterFormula: 'Yours faithfully,',
    sms: `{{company.name}}: {{#unless compact}}final reminder. {{/unless}}${invoices('{{#if compact}}i{{else}}I{{/if}}nvoice {{invoice.number}}', '{{invoiceCount}} invoices')} unpaid ({{total.outstanding}}). {{#if compact}}Unpaid by {{deadline}}: formal proceedings.{{else}}Without payment by {{deadline}}, we will start formal proceedings.{{/if}}`,
    callGoal: 'Announce the next step calmly: without payment by {{deadline}}, formal proceedings.',
  },
};

const formalNoticeCore = (medium: string) => `{{#if reminders.any}}
Despite our reminders ({{reminders.dates}}), ${invoices('the invoice below, issued by {{company.name}} to {{client.name}}, remains unpaid', 'the invoices below, issued by {{company.name}} to {{client.name}}, remain unpaid')}:
{{else}}
${invoices('The invoice below, issued by {{company.name}} to {{client.name}}, remains unpaid', 'The invoices below, issued by {{company.name}} to {{client.name}}, remain unpaid')}:
{{/if}}

{{penaltyTable}}

{{#if client.consumer}}
We hereby give you formal notice ("mise en demeure", article 1344 of the French Civil Code) to pay us {{total.outstanding}} within {{formalNoticeDays}} days of receiving ${medium}, that is by {{deadline}} at the latest.

Failing that, this sum will bear interest at the legal rate from the date of this formal notice (article 1231-6 of the French Civil Code).
{{else}}
We hereby give you formal notice ("mise en demeure", article 1344 of the French Civil Code) to pay us {{total.withPenalties}}, that is {{total.outstanding}} of principal, {{total.interest}} of late-payment interest as of {{today}} and {{total.indemnity}} of fixed recovery indemnity, within {{formalNoticeDays}} days of receiving ${medium}, that is by {{deadline}} at the latest.

{{#if client.public}}
These sums are due by law under articles L2192-13, R2192-31 and D2192-35 of the French Public Procurement Code: default interest{{#if penalties.rate}} at {{penalties.rate}} a year{{/if}} (European Central Bank rate plus 8 points) and a fixed indemnity of {{penalties.indemnityPerInvoice}} per invoice. Interest keeps running until full payment.
{{else}}
These sums are due by law, without any reminder being required, under article L441-10 of the French Commercial Code{{#if company.termsRef}} and our terms of sale ({{company.termsRef}}){{/if}}: late-payment interest{{#if penalties.rate}} at {{penalties.rate}} a year{{/if}} and a fixed recovery indemnity of {{penalties.indemnityPerInvoice}} per invoice (article D441-5). Interest keeps running until full payment.
{{/if}}
{{/if}}

Failing payment within this period, we will, without further notice, apply to the competent court for an order to pay ("injonction de payer"), or hand the debt over to a third party, to recover the sums due{{#unless client.consumer}}, the interest and the recovery indemnity{{/unless}}.

${payment}

If this payment has been made in the meantime, please disregard ${medium}.`;

function callSheet(goal: string, extra: string): string {
  return `## Before calling
- Goal: ${goal}
- Client: {{client.name}}{{#if contact.name}} – {{contact.name}}{{#if contact.role}} ({{contact.role}}){{/if}}{{/if}}{{#if contact.phone}} – {{contact.phone}}{{/if}}
- ${invoices('Invoice no. {{invoice.number}}', '{{invoiceCount}} invoices')}: {{total.outstanding}} due{{#if late}}, {{daysLate}} late{{/if}}
{{#each invoices}}
- No. {{number}} of {{issueDate}}, due {{dueDate}}: {{outstanding}} outstanding{{#if late}} ({{daysLate}} late){{/if}}
{{/each}}
{{#if reminders.any}}
- Reminders already sent: {{reminders.dates}}
{{else}}
- No reminder recorded
{{/if}}
{{#if penalties.any}}
- Penalties due to date: {{total.penalties}} (mention if needed, not as a precondition)
{{/if}}
- Have the invoice, the signed quote or purchase order and the proof of delivery at hand
{{#if client.loyal}}
- Loyal client: start by asking how they are, keep the tone warm
{{else if client.latePayer}}
- Frequent late payer: stay courteous but get a precise date, not a vague promise
{{else if client.new}}
- New client: check you have the right person and how invoices get approved
{{/if}}
${extra}
## Questions to ask
- Did you receive ${invoices('the invoice', 'the invoices')}? At which address or on which platform?
- ${invoices('Has it', 'Have they')} been approved? By whom, and what is missing?
- Is the payment scheduled? For which date and which amount?
- Who handles the payment, and how can I reach them directly?
## Answers to objections
- "We never received the invoice": check the email address and send it again during the call.
- "It is being approved": ask for the approver's name and a payment date.
- "We have cash-flow problems": offer a payment plan, with precise dates and amounts.
- "We are not satisfied with the work": note the exact reason for the dispute and offer to discuss it with the person in charge.
- "The payment has been sent": ask for the date, amount and transfer reference.
## To record after the call
- Promise to pay: date and amount promised
- Dispute: exact reason
- Wrong contact: name and details of the right person
- No answer: message left or not, date of the next try
- Call back: agreed date and time`;
}

function channels(id: Exclude<TemplateId, 'formal-notice'>): ChannelTemplates {
  const core = cores[id];
  const extra =
    id === 'last-warning'
      ? '- Announce the next step calmly: without payment by {{deadline}}, formal recovery proceedings will start'
      : '';
  return {
    email: {
      subject: core.subject,
      body: `${emailGreeting}\n\n${core.core('this message')}\n\n${emailClosing}`,
    },
    sms: { body: core.sms },
    letter: {
      title: core.letterTitle,
      mention: '',
      subject: core.subject,
      body: `{{letterGreeting}}\n\n${core.core('this letter')}\n\n${letterClosing(core.letterFormula)}`,
    },
    phone: { body: callSheet(core.callGoal, extra) },
  };
}

const formalNoticeSubject = `Formal notice to pay – ${refs}`;

export const enTemplates: LanguageTemplates = {
  words: {
    number: 'Invoice no.',
    issueDate: 'Date',
    dueDate: 'Due date',
    amount: 'Amount incl. VAT',
    outstanding: 'Outstanding',
    daysLate: 'Late',
    interest: 'Interest',
    indemnity: 'Indemnity',
    totalDue: 'Total due',
    total: 'Total',
    labelSeparator: ': ',
    day: '{n} day',
    days: '{n} days',
    andMore: '{n} more',
    madam: 'Ms',
    sir: 'Mr',
    madamSir: 'Sir or Madam',
    hello: 'Dear {name},',
    helloNoName: 'Hello,',
    letterHello: 'Dear {name},',
    letterHelloNoName: 'Dear Sir or Madam,',
    attention: 'For the attention of',
    shareCapital: 'share capital',
    siren: 'SIREN',
    vat: 'VAT no.',
    dateLine: '{date}',
    subjectPrefix: 'Subject: ',
  },
  templates: {
    'heads-up': channels('heads-up'),
    friendly: channels('friendly'),
    call: channels('call'),
    firm: channels('firm'),
    'last-warning': channels('last-warning'),
    'formal-notice': {
      email: {
        subject: formalNoticeSubject,
        body: `{{letterGreeting}}\n\n${formalNoticeCore('this message')}\n\n${letterClosing('Yours faithfully,')}\n\n{{company.legalMentions}}`,
      },
      sms: {
        body: `{{company.name}}: {{#if compact}}formal notice to pay {{total.outstanding}} within {{formalNoticeDays}} days sent by registered letter.{{else}}a formal notice to pay {{total.outstanding}} is sent to you today by registered letter. Without payment by {{deadline}}, court proceedings.{{/if}}`,
      },
      letter: {
        title: 'Formal notice to pay',
        mention: 'Registered letter with acknowledgement of receipt',
        subject: formalNoticeSubject,
        body: `{{letterGreeting}}\n\n${formalNoticeCore('this letter')}\n\n${letterClosing('Yours faithfully,')}`,
      },
      phone: {
        body: callSheet(
          'Last call before the formal notice: get immediate payment or a firm date.',
          '- Announce that a formal notice will be sent by registered letter if no payment is obtained',
        ),
      },
    },
  },
};
