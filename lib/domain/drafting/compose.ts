import {
  defaultTemplates,
  escapeHtml,
  measureSms,
  renderTemplate,
  renderText,
  resolveTemplate,
  templateOfTone,
  toGsmFriendly,
  type TemplateWords,
} from '../templates';
import { draftLines, draftTotals, earlierContacts } from './figures';
import { fill, formatSiren, localeFor, longDate } from './format';
import { replySubject } from './reply';
import { buildScope, companyMentions, type ScopeContext } from './scope';
import type {
  CallDraft,
  CallSection,
  Draft,
  DraftInput,
  DraftWarning,
  EmailDraft,
  LetterDraft,
  SmsDraft,
} from './types';

/** Only the formal notice may use these words (Code civil 1344); elsewhere they would mislead. */
const FORMAL_NOTICE_WORDING = /mise en demeure|formal notice/i;

function oneLine(text: string): string {
  // Only ASCII blanks: the no-break spaces inside formatted amounts stay.
  return text.replace(/[\t\n\r ]+/g, ' ').trim();
}

/**
 * The message for one action: the step's template (or the user's version of it) rendered with
 * the client, the invoices, their penalties and the company's details, in the client's language.
 * Throws `TemplateError` when a template is broken, rather than sending a blank.
 */
export function composeDraft(input: DraftInput): Draft {
  const language = input.language ?? input.client.language;
  const set = input.templateSet ?? defaultTemplates;
  const words = set[language].words;
  const locale = localeFor(language, input.settings);
  const lines = draftLines(input);
  const currencies = new Set(input.invoices.map((entry) => entry.invoice.currency));
  const currency = input.invoices[0]?.invoice.currency ?? input.settings.currency;
  const totals = draftTotals(lines, currency);
  const templateId = set[language].templates[input.step.templateId]
    ? input.step.templateId
    : templateOfTone[input.step.tone];

  const warnings = new Set<DraftWarning>();
  for (const line of lines) for (const warning of line.penalties.warnings) warnings.add(warning);
  if (currencies.size > 1) warnings.add('mixed_currencies');

  const ctx: ScopeContext = {
    input,
    words,
    locale,
    lines,
    totals,
    reminders: earlierContacts(input),
    compact: false,
  };
  const scope = buildScope(ctx);
  const template = <C extends 'email' | 'sms' | 'letter' | 'phone'>(channel: C) =>
    resolveTemplate(set, language, input.step.templateId, input.step.tone, channel, input.templates);
  const base = { language, templateId, lines, totals };
  const finish = <D extends Draft>(draft: Omit<D, 'warnings'>, texts: string[]): D => {
    if (input.step.tone !== 'formal_notice' && texts.some((text) => FORMAL_NOTICE_WORDING.test(text)))
      warnings.add('formal_notice_wording');
    return { ...draft, warnings: [...warnings] } as D;
  };

  switch (input.channel) {
    case 'email': {
      const { subject, body } = template('email');
      const rendered = renderTemplate(body, scope);
      const ownSubject = oneLine(renderText(subject, scope));
      const to = [...input.client.emails];
      if (to.length === 0) warnings.add('no_recipient');
      return finish<EmailDraft>(
        {
          ...base,
          channel: 'email',
          subject: input.threadSubject ? replySubject(input.threadSubject) : ownSubject,
          html: rendered.html,
          text: rendered.text,
          to,
          attachments: input.invoices.flatMap(({ invoice }) =>
            invoice.pdfRef
              ? [
                  {
                    invoiceId: invoice.id,
                    pdfRef: invoice.pdfRef,
                    name: `${safeFileName(invoice.number)}.pdf`,
                  },
                ]
              : [],
          ),
        },
        [ownSubject, rendered.text],
      );
    }
    case 'sms': {
      const { body } = template('sms');
      let text = toGsmFriendly(oneLine(renderText(body, scope)));
      let measure = measureSms(text);
      if (!measure.fits) {
        text = toGsmFriendly(oneLine(renderText(body, buildScope({ ...ctx, compact: true }))));
        measure = measureSms(text);
        if (!measure.fits) warnings.add('sms_too_long');
      }
      const to = input.client.contact.phone;
      if (!to) warnings.add('no_recipient');
      return finish<SmsDraft>({ ...base, channel: 'sms', text, to, measure }, [text]);
    }
    case 'letter':
      return letterDraft(input, ctx, scope, template('letter'), base, finish, warnings);
    case 'phone': {
      const { body } = template('phone');
      const text = renderText(body, scope);
      const sections = callSections(text);
      return finish<CallDraft>(
        {
          ...base,
          channel: 'phone',
          title: input.client.name,
          sections,
          text,
          html: sections
            .map(
              (section) =>
                `<h3>${escapeHtml(section.title)}</h3>\n<ul>${section.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
            )
            .join('\n'),
        },
        [text],
      );
    }
  }
}

function safeFileName(number: string): string {
  return number.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 100) || 'facture';
}

/** `## Title` opens a section, `- item` adds an item; a loose line is an item too. */
export function callSections(text: string): CallSection[] {
  const sections: CallSection[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('## ')) sections.push({ title: line.slice(3).trim(), items: [] });
    else {
      if (sections.length === 0) sections.push({ title: '', items: [] });
      sections[sections.length - 1]!.items.push(line.replace(/^- /, ''));
    }
  }
  return sections;
}

function senderLines(input: DraftInput, words: TemplateWords): string[] {
  const { company } = input;
  return [
    [company.legalName, company.legalForm].filter(Boolean).join(' '),
    ...company.address,
    company.phone,
    company.email,
    company.rcs || (company.siren ? `${words.siren} ${formatSiren(company.siren)}` : ''),
  ].filter(Boolean);
}

function recipientLines(input: DraftInput, words: TemplateWords, contactName: string): string[] {
  const { client } = input;
  return [
    client.name,
    contactName ? `${words.attention} ${contactName}` : '',
    ...client.address,
    client.siren ? `${words.siren} ${formatSiren(client.siren)}` : '',
  ].filter(Boolean);
}

function letterDraft(
  input: DraftInput,
  ctx: ScopeContext,
  scope: ReturnType<typeof buildScope>,
  template: { title: string; mention: string; subject: string; body: string },
  base: Pick<LetterDraft, 'language' | 'templateId' | 'lines' | 'totals'>,
  finish: <D extends Draft>(draft: Omit<D, 'warnings'>, texts: string[]) => D,
  warnings: Set<DraftWarning>,
): LetterDraft {
  const { words, locale } = ctx;
  const rendered = renderTemplate(template.body, scope);
  const title = oneLine(renderText(template.title, scope));
  const mention = oneLine(renderText(template.mention, scope));
  const subject = `${words.subjectPrefix}${oneLine(renderText(template.subject, scope))}`;
  const contactName = String((scope.contact as { name: string }).name);
  const sender = senderLines(input, words);
  const recipient = recipientLines(input, words, contactName);
  if (input.client.address.length === 0) warnings.add('no_recipient');
  const dateLine = fill(words.dateLine, { date: longDate(input.today, locale) });
  const footer = companyMentions(input.company, words);
  const paragraphs = rendered.text.split(/\n{2,}/);
  const block = (lines: string[]) => lines.map(escapeHtml).join('<br>');
  const html = [
    `<p class="rl-sender">${block(sender)}</p>`,
    mention ? `<p class="rl-mention"><strong>${escapeHtml(mention)}</strong></p>` : '',
    `<p class="rl-recipient">${block(recipient)}</p>`,
    `<p class="rl-date">${escapeHtml(dateLine)}</p>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="rl-subject"><strong>${escapeHtml(subject)}</strong></p>`,
    rendered.html,
    footer ? `<p class="rl-footer"><small>${escapeHtml(footer)}</small></p>` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const text = [
    sender.join('\n'),
    mention,
    recipient.join('\n'),
    dateLine,
    title.toUpperCase(),
    subject,
    rendered.text,
    footer,
  ]
    .filter(Boolean)
    .join('\n\n');
  return finish<LetterDraft>(
    {
      ...base,
      channel: 'letter',
      title,
      mention,
      sender,
      recipient,
      dateLine,
      subject,
      paragraphs,
      footer,
      html,
      text,
    },
    [title, subject, rendered.text],
  );
}
