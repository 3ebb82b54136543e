import type { CallSheetData } from '../../lib/documents/call-sheet';
import type { Formatter } from '../sidebar/format';

/**
 * A printable call sheet: who to call and about what, what to check first, what to ask, how to
 * answer the usual objections, and the outcomes to note. Print CSS in documents.css keeps it to
 * paper: no buttons, black on white, sections kept whole.
 */
export function CallSheet({
  sheet,
  fmt,
  onPrint,
}: {
  sheet: CallSheetData;
  fmt: Formatter;
  onPrint?: () => void;
}) {
  const { t } = fmt;
  const money = (cents: number) => fmt.money(cents, sheet.currency);
  return (
    <article class="rl-sheet" data-testid="call-sheet">
      <header class="rl-sheet-header">
        <h1>{sheet.title}</h1>
        {onPrint && (
          <button type="button" class="rl-no-print" onClick={onPrint}>
            {t('documents.call.print')}
          </button>
        )}
      </header>

      <dl class="rl-sheet-contact">
        <dt>{t('documents.call.contact')}</dt>
        <dd>{[sheet.contact.name, sheet.contact.role].filter(Boolean).join(', ') || sheet.clientName}</dd>
        <dt>{t('documents.call.phone')}</dt>
        <dd data-testid="call-phone">
          {sheet.contact.phone ? (
            <a href={`tel:${sheet.contact.phone.replace(/[^\d+]/g, '')}`}>{sheet.contact.phone}</a>
          ) : (
            t('documents.call.noPhone')
          )}
        </dd>
        {sheet.contact.emails.length > 0 && (
          <>
            <dt>{t('documents.call.emails')}</dt>
            <dd>{sheet.contact.emails.join(', ')}</dd>
          </>
        )}
      </dl>

      <section>
        <h2>{t('documents.call.invoices')}</h2>
        <table class="rl-sheet-table">
          <thead>
            <tr>
              <th>{t('documents.call.col.number')}</th>
              <th>{t('documents.call.col.dueDate')}</th>
              <th class="rl-num">{t('documents.call.col.daysLate')}</th>
              <th class="rl-num">{t('documents.call.col.amount')}</th>
              <th class="rl-num">{t('documents.call.col.remaining')}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.invoices.map((line) => (
              <tr key={line.invoice.id}>
                <td>{line.invoice.number}</td>
                <td>{fmt.date(line.invoice.dueDate)}</td>
                <td class="rl-num">{t('documents.call.daysLate', { count: line.daysLate })}</td>
                <td class="rl-num">{money(line.invoice.amountCents)}</td>
                <td class="rl-num">{money(line.remainingCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={4}>{t('documents.call.total')}</th>
              <td class="rl-num" data-testid="call-total">
                {money(sheet.remainingCents)}
              </td>
            </tr>
          </tfoot>
        </table>
      </section>

      <section>
        <h2>{t('documents.call.history')}</h2>
        {sheet.history.length === 0 ? (
          <p>{t('documents.call.noHistory')}</p>
        ) : (
          <ul>
            {sheet.history.map((item, i) => (
              <li key={i}>
                {fmt.date(item.date)} – {item.label}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Checklist title={t('documents.call.checks')} items={sheet.checks} testId="call-checks" />
      <Checklist title={t('documents.call.questions')} items={sheet.questions} testId="call-questions" />

      <section data-testid="call-objections">
        <h2>{t('documents.call.objections')}</h2>
        <dl class="rl-sheet-objections">
          {sheet.objections.map((item) => (
            <>
              <dt>{item.objection}</dt>
              <dd>{item.answer}</dd>
            </>
          ))}
        </dl>
      </section>

      <Checklist title={t('documents.call.outcomes')} items={sheet.outcomes} testId="call-outcomes" />

      <section>
        <h2>{t('documents.call.notes')}</h2>
        <div class="rl-sheet-notes" />
      </section>
    </article>
  );
}

function Checklist({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  return (
    <section data-testid={testId}>
      <h2>{title}</h2>
      <ul class="rl-sheet-checklist">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
