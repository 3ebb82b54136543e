import type { ChannelTemplates, LanguageTemplates, TemplateId } from './set';

/*
 * The French defaults. Tone grows step by step and follows the relationship (loyal, new, late
 * payer) and the amount (`personal` above the threshold: first person, an offer to talk).
 * Only the formal notice says "mise en demeure" (Code civil 1344); the last warning announces
 * "une procédure formelle" instead.
 */

const factures = (single: string, several: string) => `{{#if single}}${single}{{else}}${several}{{/if}}`;
const refs = factures('facture n° {{invoice.number}}', 'factures n° {{invoiceRefs}}');
const invoicePhrase = factures('la facture n° {{invoice.number}}', 'les factures n° {{invoiceRefs}}');
const stillUnpaid = factures(
  'la facture n° {{invoice.number}}, échue le {{oldestDueDate}}, reste impayée à ce jour',
  'les factures ci-dessous restent impayées à ce jour',
);
const notPaidYet = factures(
  "la facture n° {{invoice.number}}, d'un montant de {{total.outstanding}}, échue le {{oldestDueDate}}, n'a pas encore été réglée",
  "les factures ci-dessous, d'un montant total de {{total.outstanding}}, n'ont pas encore été réglées",
);

const emailGreeting = '{{#if client.loyal}}{{friendlyGreeting}}{{else}}{{greeting}}{{/if}}';

const payment = `{{#if payment.any}}
Pour régler :
{{#if payment.link}}
- en ligne : {{payment.link}}
{{/if}}
{{#if payment.iban}}
- par virement : IBAN {{payment.iban}}{{#if payment.bic}}, BIC {{payment.bic}}{{/if}}, en indiquant ${factures('le numéro de la facture', 'les numéros des factures')} en référence.
{{/if}}
{{/if}}`;

const termsReminder = `{{#if client.business}}
Pour mémoire, conformément à l'article L441-10 du Code de commerce{{#if company.termsRef}} et à nos conditions de vente ({{company.termsRef}}){{/if}}, tout retard de paiement entraîne de plein droit des pénalités de retard et une indemnité forfaitaire de {{penalties.indemnityPerInvoice}} par facture pour frais de recouvrement.
{{/if}}`;

const penaltiesDue = `{{#if client.business}}
Conformément à l'article L441-10 du Code de commerce{{#if company.termsRef}} et à nos conditions de vente ({{company.termsRef}}){{/if}}, ce retard fait courir de plein droit des pénalités{{#if penalties.rate}} au taux de {{penalties.rate}} l'an{{/if}} et une indemnité forfaitaire de {{penalties.indemnityPerInvoice}} par facture pour frais de recouvrement (article D441-5 du Code de commerce), soit {{total.penalties}} à ce jour.
{{else if client.public}}
Ce retard fait courir de plein droit des intérêts moratoires{{#if penalties.rate}} au taux de {{penalties.rate}} l'an{{/if}} et une indemnité forfaitaire de {{penalties.indemnityPerInvoice}} par facture (articles L2192-13 et D2192-35 du Code de la commande publique), soit {{total.penalties}} à ce jour.
{{/if}}`;

const alreadyPaid = (medium: string) =>
  `Si le règlement a été effectué entre-temps, merci de ne pas tenir compte de ${medium}.`;

const emailClosing = `{{#if personal}}
Je reste à votre disposition pour en parler de vive voix{{#if company.phone}} au {{company.phone}}{{/if}}.
{{else}}
Pour toute question, il vous suffit de répondre à ce message{{#if company.phone}} ou de nous appeler au {{company.phone}}{{/if}}.
{{/if}}

Bien cordialement,

{{signature}}

{{company.legalMentions}}`;

const letterClosing = (formula: string) => `${formula}

{{signature}}`;

interface Core {
  subject: string;
  /** Paragraphs between the greeting and the closing; `medium` is "ce message" or "ce courrier". */
  core(medium: string): string;
  letterTitle: string;
  letterFormula: string;
  sms: string;
  callGoal: string;
}

const cores: Record<Exclude<TemplateId, 'formal-notice'>, Core> = {
  'heads-up': {
    subject: `${factures('Facture n° {{invoice.number}} – échéance le {{nextDueDate}}', 'Factures n° {{invoiceRefs}} – prochaines échéances')}`,
    core: (medium) => `{{#if personal}}
Je me permets de vous écrire personnellement : ${invoicePhrase}, d'un montant ${factures('', 'total ')}de {{total.outstanding}}, ${factures('arrive à échéance le {{nextDueDate}}', 'arrivent prochainement à échéance')}.
{{else}}
Nous vous informons que ${invoicePhrase}, d'un montant ${factures('', 'total ')}de {{total.outstanding}}, ${factures('arrive à échéance le {{nextDueDate}}', 'arrivent prochainement à échéance')}.
{{/if}}

{{invoiceTable}}

{{#if client.loyal}}
Ce rappel n'a d'autre but que de vous faciliter la tâche ; merci encore pour votre confiance.
{{else if client.new}}
Comme nous travaillons ensemble depuis peu, voici nos coordonnées de paiement, pour que le règlement se fasse simplement.
{{else if client.latePayer}}
Afin d'éviter tout retard, nous vous remercions de programmer dès maintenant le règlement ${factures('à cette date', 'à ces échéances')}.
{{else}}
Nous vous remercions de bien vouloir prévoir le règlement ${factures('à cette date', 'à ces échéances')}.
{{/if}}

${payment}

{{#if client.new}}
${termsReminder}
{{/if}}

${alreadyPaid(medium)}`,
    letterTitle: 'Avis d’échéance',
    letterFormula:
      'Avec nos remerciements, nous vous prions d’agréer, {{closingCivility}}, nos sincères salutations.',
    sms: `{{company.name}} : ${factures('la facture {{invoice.number}}', '{{invoiceCount}} factures')} ({{total.outstanding}}) ${factures('arrive', 'arrivent')} à échéance le {{nextDueDate}}.{{#unless compact}}{{#if payment.link}} Paiement : {{payment.link}}{{/if}}{{/unless}} Merci !`,
    callGoal: 'Vérifier que la facture a bien été reçue et validée, et qu’elle sera payée à l’échéance.',
  },
  friendly: {
    subject: `Relance ${refs} – échéance dépassée`,
    core: (medium) => `{{#if personal}}
Je me permets de vous contacter personnellement au sujet d'un règlement en attente.
{{/if}}

{{#if client.loyal}}
Sauf erreur de notre part, ${notPaidYet}. Il s'agit très probablement d'un simple oubli.
{{else if client.latePayer}}
Nous constatons que ${notPaidYet}, avec un retard de {{daysLate}}. Nous vous remercions d'en effectuer le règlement dès réception de ${medium}.
{{else if client.new}}
Sauf erreur de notre part, ${notPaidYet}. Vous trouverez ci-dessous le détail et nos coordonnées de paiement.
{{else}}
Sauf erreur de notre part, ${notPaidYet}. Pourriez-vous nous indiquer la date prévue pour le règlement ?
{{/if}}

{{invoiceTable}}

${payment}

{{#if client.new}}
${termsReminder}
{{else if client.latePayer}}
${termsReminder}
{{/if}}

${alreadyPaid(medium)}`,
    letterTitle: 'Relance de paiement',
    letterFormula: 'Nous vous prions d’agréer, {{closingCivility}}, nos sincères salutations.',
    sms: `{{company.name}} : sauf erreur, ${factures('la facture {{invoice.number}}', '{{invoiceCount}} factures')} ({{total.outstanding}}) ${factures('échue le {{oldestDueDate}} reste', 'restent')} à régler.{{#unless compact}}{{#if payment.link}} Paiement : {{payment.link}}{{/if}}{{/unless}} Merci !`,
    callGoal: 'Comprendre pourquoi le paiement n’est pas arrivé et obtenir une date de règlement.',
  },
  call: {
    subject: `Relance ${refs} – échéance dépassée`,
    core: (medium) => `{{#if reminders.any}}
Nous avons cherché à vous joindre au sujet de ${invoicePhrase}, restée${factures('', 's')} impayée${factures('', 's')} malgré nos précédents messages ({{reminders.dates}}).
{{else}}
Nous avons cherché à vous joindre au sujet de ${invoicePhrase}, échue${factures('', 's')} depuis {{daysLate}}.
{{/if}}

{{invoiceTable}}

Pourriez-vous nous rappeler{{#if company.phone}} au {{company.phone}}{{/if}}, ou nous indiquer par retour la date prévue pour le règlement ?

${payment}

${alreadyPaid(medium)}`,
    letterTitle: 'Relance de paiement',
    letterFormula: 'Nous vous prions d’agréer, {{closingCivility}}, nos sincères salutations.',
    sms: `{{company.name}} : nous avons tenté de vous joindre au sujet de ${factures('la facture {{invoice.number}}', '{{invoiceCount}} factures')} ({{total.outstanding}}).{{#unless compact}}{{#if company.phone}} Merci de nous rappeler au {{company.phone}}.{{/if}}{{/unless}}`,
    callGoal: 'Obtenir une date de paiement et un montant, ou la raison précise du blocage.',
  },
  firm: {
    subject: `Relance – ${factures('facture n° {{invoice.number}} impayée', 'factures n° {{invoiceRefs}} impayées')} depuis {{daysLate}}`,
    core: (medium) => `{{#if reminders.any}}
Malgré nos précédents messages ({{reminders.dates}}), ${stillUnpaid}, avec un retard de {{daysLate}}.
{{else}}
Sauf erreur de notre part, ${stillUnpaid}, avec un retard de {{daysLate}}.
{{/if}}

{{penaltyTable}}

${penaltiesDue}

{{#if client.loyal}}
Compte tenu de la qualité de nos relations, nous pensons à un contretemps et vous remercions de régulariser la situation dans les meilleurs délais.
{{else if client.latePayer}}
Ces retards répétés nous obligent à vous demander un règlement immédiat, dès réception de ${medium}.
{{else}}
Nous vous remercions de procéder au règlement de {{total.outstanding}} sous huit jours.
{{/if}}

Si vous rencontrez une difficulté, contactez-nous : un échéancier peut être envisagé.

${payment}

${alreadyPaid(medium)}`,
    letterTitle: 'Relance de paiement',
    letterFormula: 'Nous vous prions d’agréer, {{closingCivility}}, nos salutations distinguées.',
    sms: `{{company.name}} : ${factures('la facture {{invoice.number}} est impayée', '{{invoiceCount}} factures sont impayées')} depuis {{daysLate}} ({{total.outstanding}}). Merci de régler sous 8 jours.{{#unless compact}}{{#if payment.link}} {{payment.link}}{{/if}}{{/unless}}`,
    callGoal: 'Obtenir un engagement ferme : date et montant du paiement, ou un échéancier.',
  },
  'last-warning': {
    subject: `Dernier rappel avant procédure – ${refs}`,
    core: (medium) => `{{#if reminders.any}}
Malgré nos relances ({{reminders.dates}}), ${stillUnpaid}, avec un retard de {{daysLate}}.
{{else}}
Nous constatons que ${stillUnpaid}, avec un retard de {{daysLate}}.
{{/if}}

{{penaltyTable}}

${penaltiesDue}

Sans règlement de {{total.outstanding}} d'ici le {{deadline}}, nous engagerons sans autre rappel une procédure formelle de recouvrement, par lettre recommandée.

{{#if client.loyal}}
Nous tenons à notre relation et préférons trouver une solution ensemble : appelez-nous si une difficulté vous empêche de payer.
{{else}}
Si une difficulté vous empêche de payer, contactez-nous avant cette date.
{{/if}}

${payment}

${alreadyPaid(medium)}`,
    letterTitle: 'Dernier rappel avant procédure',
    letterFormula: 'Nous vous prions d’agréer, {{closingCivility}}, nos salutations distinguées.',
    sms: `{{company.name}} : {{#unless compact}}dernier rappel. {{/unless}}${factures('{{#if compact}}f{{else}}F{{/if}}acture {{invoice.number}}', '{{invoiceCount}} factures')} impayée${factures('', 's')} ({{total.outstanding}}). {{#if compact}}Sans paiement au {{deadline}} : procédure formelle.{{else}}Sans paiement d'ici le {{deadline}}, nous engagerons une procédure formelle.{{/if}}`,
    callGoal:
      'Annoncer la suite sans agressivité : sans paiement d’ici le {{deadline}}, la procédure formelle.',
  },
};

/** The formal notice: Code civil 1344, both parties, invoices, deadline, interest, 40 €, next step. */
const formalNoticeCore = (medium: string) => `{{#if reminders.any}}
Malgré nos relances ({{reminders.dates}}), ${factures('la facture ci-dessous, émise par {{company.name}} à l’ordre de {{client.name}}, demeure impayée', 'les factures ci-dessous, émises par {{company.name}} à l’ordre de {{client.name}}, demeurent impayées')} à ce jour :
{{else}}
${factures('La facture ci-dessous, émise par {{company.name}} à l’ordre de {{client.name}}, demeure impayée', 'Les factures ci-dessous, émises par {{company.name}} à l’ordre de {{client.name}}, demeurent impayées')} à ce jour :
{{/if}}

{{penaltyTable}}

{{#if client.consumer}}
Par la présente, nous vous mettons en demeure, au sens de l'article 1344 du Code civil, de nous payer la somme de {{total.outstanding}} dans un délai de {{formalNoticeDays}} jours à compter de la réception de ${medium}, soit au plus tard le {{deadline}}.

À défaut, cette somme portera intérêts au taux légal à compter de la présente mise en demeure (article 1231-6 du Code civil).
{{else}}
Par la présente, nous vous mettons en demeure, au sens de l'article 1344 du Code civil, de nous payer la somme de {{total.withPenalties}}, soit {{total.outstanding}} en principal, {{total.interest}} d'intérêts de retard arrêtés au {{today}} et {{total.indemnity}} d'indemnité forfaitaire pour frais de recouvrement, dans un délai de {{formalNoticeDays}} jours à compter de la réception de ${medium}, soit au plus tard le {{deadline}}.

{{#if client.public}}
Ces sommes sont dues de plein droit en application des articles L2192-13, R2192-31 et D2192-35 du Code de la commande publique : intérêts moratoires{{#if penalties.rate}} au taux de {{penalties.rate}} l'an{{/if}} (taux de la Banque centrale européenne majoré de 8 points) et indemnité forfaitaire de {{penalties.indemnityPerInvoice}} par facture. Les intérêts continuent de courir jusqu'au paiement complet.
{{else}}
Ces sommes sont dues de plein droit, sans qu'un rappel soit nécessaire, en application de l'article L441-10 du Code de commerce{{#if company.termsRef}} et de nos conditions de vente ({{company.termsRef}}){{/if}} : pénalités de retard{{#if penalties.rate}} au taux de {{penalties.rate}} l'an{{/if}} et indemnité forfaitaire de {{penalties.indemnityPerInvoice}} par facture pour frais de recouvrement (article D441-5 du Code de commerce). Les pénalités continuent de courir jusqu'au paiement complet.
{{/if}}
{{/if}}

À défaut de paiement dans ce délai, nous saisirons sans autre avis la juridiction compétente d'une requête en injonction de payer, ou confierons le recouvrement à un tiers, afin d'obtenir le paiement des sommes dues{{#unless client.consumer}}, des pénalités et de l'indemnité de recouvrement{{/unless}}.

${payment}

Si ce règlement est intervenu entre-temps, nous vous prions de ne pas tenir compte de ${medium}.`;

function callSheet(goal: string, extra: string): string {
  return `## Avant d'appeler
- Objectif : ${goal}
- Client : {{client.name}}{{#if contact.name}} – {{contact.name}}{{#if contact.role}} ({{contact.role}}){{/if}}{{/if}}{{#if contact.phone}} – {{contact.phone}}{{/if}}
- ${factures('Facture n° {{invoice.number}}', '{{invoiceCount}} factures')} : {{total.outstanding}} dus{{#if late}}, retard de {{daysLate}}{{/if}}
{{#each invoices}}
- N° {{number}} du {{issueDate}}, échéance le {{dueDate}} : {{outstanding}} restant dû{{#if late}} ({{daysLate}} de retard){{/if}}
{{/each}}
{{#if reminders.any}}
- Relances déjà faites : {{reminders.dates}}
{{else}}
- Aucune relance enregistrée
{{/if}}
{{#if penalties.any}}
- Pénalités dues à ce jour : {{total.penalties}} (à rappeler si besoin, sans en faire un préalable)
{{/if}}
- Avoir sous les yeux la facture, le devis ou le bon de commande signé et la preuve de livraison
{{#if client.loyal}}
- Client fidèle : commencer par prendre des nouvelles, rester sur un ton cordial
{{else if client.latePayer}}
- Retards fréquents : rester courtois mais obtenir une date précise, pas une vague promesse
{{else if client.new}}
- Nouveau client : vérifier le bon interlocuteur et le circuit de validation des factures
{{/if}}
${extra}
## Questions à poser
- Avez-vous bien reçu ${factures('la facture', 'les factures')} ? À quelle adresse ou sur quelle plateforme ?
- ${factures('A-t-elle', 'Ont-elles')} été validée${factures('', 's')} ? Par qui, et que manque-t-il ?
- Le paiement est-il programmé ? À quelle date et pour quel montant ?
- Qui s'occupe du règlement, et comment le joindre directement ?
## Réponses aux objections
- « Nous n'avons pas reçu la facture » : vérifier l'adresse e-mail et la renvoyer pendant l'appel.
- « Elle est en cours de validation » : demander le nom de la personne qui valide et une date de paiement.
- « Nous avons des difficultés de trésorerie » : proposer un échéancier, avec des dates et des montants précis.
- « La prestation ne nous convient pas » : noter le motif exact du litige et proposer d'en parler avec le responsable.
- « Le paiement est parti » : demander la date, le montant et la référence du virement.
## À noter après l'appel
- Promesse de paiement : date et montant promis
- Litige : motif précis
- Mauvais interlocuteur : nom et coordonnées du bon contact
- Pas de réponse : message laissé ou non, date du prochain essai
- À rappeler : date et heure convenues`;
}

function channels(id: Exclude<TemplateId, 'formal-notice'>): ChannelTemplates {
  const core = cores[id];
  const extra =
    id === 'last-warning'
      ? '- Annoncer calmement la suite : sans paiement d’ici le {{deadline}}, une procédure formelle de recouvrement sera engagée'
      : '';
  return {
    email: {
      subject: core.subject,
      body: `${emailGreeting}\n\n${core.core('ce message')}\n\n${emailClosing}`,
    },
    sms: { body: core.sms },
    letter: {
      title: core.letterTitle,
      mention: '',
      subject: core.subject,
      body: `{{letterGreeting}}\n\n${core.core('ce courrier')}\n\n${letterClosing(core.letterFormula)}`,
    },
    phone: { body: callSheet(core.callGoal, extra) },
  };
}

const formalNoticeSubject = `Mise en demeure de payer – ${refs}`;

export const frTemplates: LanguageTemplates = {
  words: {
    number: 'N° de facture',
    issueDate: 'Date',
    dueDate: 'Échéance',
    amount: 'Montant TTC',
    outstanding: 'Reste dû',
    daysLate: 'Retard',
    interest: 'Intérêts',
    indemnity: 'Indemnité',
    totalDue: 'Total dû',
    total: 'Total',
    labelSeparator: ' : ',
    day: '{n} jour',
    days: '{n} jours',
    andMore: '{n} autres',
    madam: 'Madame',
    sir: 'Monsieur',
    madamSir: 'Madame, Monsieur',
    hello: 'Bonjour {name},',
    helloNoName: 'Bonjour,',
    letterHello: '{civility},',
    letterHelloNoName: 'Madame, Monsieur,',
    attention: 'À l’attention de',
    shareCapital: 'au capital de',
    siren: 'SIREN',
    vat: 'TVA intracommunautaire',
    dateLine: 'Le {date}',
    subjectPrefix: 'Objet : ',
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
        body: `{{letterGreeting}}\n\n${formalNoticeCore('ce message')}\n\n${letterClosing('Nous vous prions d’agréer, {{closingCivility}}, l’expression de nos salutations distinguées.')}\n\n{{company.legalMentions}}`,
      },
      sms: {
        body: `{{company.name}} : {{#if compact}}mise en demeure de payer {{total.outstanding}} sous {{formalNoticeDays}} jours, envoyée par recommandé.{{else}}une mise en demeure de payer {{total.outstanding}} vous est adressée ce jour par lettre recommandée. Sans paiement d'ici le {{deadline}}, procédure judiciaire.{{/if}}`,
      },
      letter: {
        title: 'Mise en demeure de payer',
        mention: 'Lettre recommandée avec accusé de réception',
        subject: formalNoticeSubject,
        body: `{{letterGreeting}}\n\n${formalNoticeCore('ce courrier')}\n\n${letterClosing('Nous vous prions d’agréer, {{closingCivility}}, l’expression de nos salutations distinguées.')}`,
      },
      phone: {
        body: callSheet(
          'Dernier appel avant la mise en demeure : obtenir un paiement immédiat ou une date ferme.',
          '- Annoncer l’envoi d’une mise en demeure par lettre recommandée si aucun paiement n’est obtenu',
        ),
      },
    },
  },
};
