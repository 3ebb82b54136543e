import type { CoreKey } from './fr';

const core = {
  'app.name': 'Relance',
  'app.tagline': 'Your unpaid invoices, chased at the right time, without losing your clients.',

  'segment.business': 'Business',
  'segment.consumer': 'Consumer',
  'segment.public': 'Public buyer',
  'segment.key_account': 'Key account',

  'relationship.loyal': 'Loyal client',
  'relationship.regular': 'Regular client',
  'relationship.new': 'New client',
  'relationship.late_payer': 'Repeat late payer',

  'channel.email': 'Email',
  'channel.phone': 'Call',
  'channel.letter': 'Letter',
  'channel.sms': 'SMS',

  'tone.courteous': 'Courteous heads-up',
  'tone.friendly': 'Friendly reminder',
  'tone.firm': 'Firm reminder',
  'tone.last_warning': 'Last warning',
  'tone.formal_notice': 'Formal notice',

  'state.settled': 'Paid',
  'state.credit_note': 'Credit note',
  'state.not_due': 'Not due yet',
  'state.active': 'Being chased',
  'state.paused_promise': 'Promise to pay',
  'state.paused_dispute': 'Disputed',
  'state.paused_plan': 'Payment plan',
  'state.paused_manual': 'Paused',
  'state.completed': 'Scenario finished',

  'call.promise': 'Promise to pay',
  'call.dispute': 'Dispute',
  'call.paid': 'Already paid',
  'call.no_answer': 'No answer',
  'call.wrong_contact': 'Wrong contact',
  'call.callback': 'Call back',

  'penalty.rate_assumed':
    'The rates for {period} are not in your table yet: the latest known rate is used. Update the table in the settings.',
  'penalty.contractual_rate_below_floor':
    'The contractual rate is below the legal floor (3 times the legal interest rate): the floor applies.',
  'penalty.rates_missing':
    'No rates are set: interest cannot be computed. Fill in the rate table in the settings.',
  'penalty.contractual_rate_ignored':
    'The contractual rate does not apply to this client: the legal rate is used.',
  'penalty.no_formal_notice': 'For a consumer, interest runs only from the formal notice.',

  'badge.dueToday': '{count} reminder(s) due today',
};

export const en: Record<CoreKey, string> = core;
