/**
 * The French core catalogue is the reference: every other language must provide exactly its keys
 * (see en.ts), so a missing translation fails the type check. `{name}` marks a parameter. The
 * messages of each part of the product live in areas/, loaded by the pages that show them.
 */
const core = {
  'app.name': 'Relance',
  'app.tagline': 'Vos factures impayées, relancées au bon moment, sans perdre vos clients.',

  'segment.business': 'Entreprise',
  'segment.consumer': 'Particulier',
  'segment.public': 'Acheteur public',
  'segment.key_account': 'Grand compte',

  'relationship.loyal': 'Client fidèle',
  'relationship.regular': 'Client habituel',
  'relationship.new': 'Nouveau client',
  'relationship.late_payer': 'Retards répétés',

  'channel.email': 'E-mail',
  'channel.phone': 'Appel',
  'channel.letter': 'Courrier',
  'channel.sms': 'SMS',

  'tone.courteous': 'Rappel courtois',
  'tone.friendly': 'Relance amicale',
  'tone.firm': 'Relance ferme',
  'tone.last_warning': 'Dernier avertissement',
  'tone.formal_notice': 'Mise en demeure',

  'state.settled': 'Réglée',
  'state.credit_note': 'Avoir',
  'state.not_due': 'Pas encore échue',
  'state.active': 'En relance',
  'state.paused_promise': 'Promesse de paiement',
  'state.paused_dispute': 'Litige en cours',
  'state.paused_plan': 'Échéancier en cours',
  'state.paused_manual': 'En pause',
  'state.completed': 'Scénario terminé',

  'call.promise': 'Promesse de paiement',
  'call.dispute': 'Litige',
  'call.paid': 'Déjà payée',
  'call.no_answer': 'Pas de réponse',
  'call.wrong_contact': 'Mauvais interlocuteur',
  'call.callback': 'À rappeler',

  'penalty.rate_assumed':
    'Le taux du semestre {period} n’est pas encore dans votre table : le dernier taux connu est utilisé. Mettez la table à jour dans les réglages.',
  'penalty.contractual_rate_below_floor':
    'Le taux contractuel est inférieur au plancher légal (3 fois le taux d’intérêt légal) : le plancher s’applique.',
  'penalty.rates_missing':
    'Aucun taux n’est renseigné : les intérêts ne peuvent pas être calculés. Complétez la table des taux dans les réglages.',
  'penalty.contractual_rate_ignored':
    'Le taux contractuel ne s’applique pas à ce client : le taux légal est utilisé.',
  'penalty.no_formal_notice':
    'Pour un particulier, les intérêts ne courent qu’à partir de la mise en demeure.',

  'badge.dueToday': '{count} relance(s) à faire aujourd’hui',
} as const;

export const fr = core;

/** Keys every page uses; each area adds its own (see keys.ts and areas/). */
export type CoreKey = keyof typeof fr;
