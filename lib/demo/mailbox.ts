import { formatMoney } from '../domain/money';
import { escapeHtml } from '../domain/templates';
import type { Client, Invoice, Ledger } from '../domain/schemas';
import { DEMO_OWN_EMAIL } from './sample-ledger';

/**
 * The demo mailbox: a Gmail-like page, in Gmail's older markup generation, served at Gmail's
 * address by `npm run demo` so the real content script runs on it. An inbox with one thread per
 * demo client; `#inbox/<id>` opens the thread; the reply buttons open an editable reply form, as
 * Gmail does. Everything inserted is escaped: the page carries client names and numbers.
 */

interface DemoThread {
  id: string;
  client: Client;
  subject: string;
  messages: Array<{
    fromName: string;
    fromEmail: string;
    toName: string;
    toEmail: string;
    date: string;
    text: string[];
  }>;
  attachment?: string;
}

/** Legacy Gmail ids are 16 hex digits; derived from the client id so they stay the same between runs. */
function threadIdOf(clientId: string): string {
  let hash = 0x811c9dc5;
  for (const char of clientId) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return `18d${hash.toString(16).padStart(8, '0')}00000`.slice(0, 16);
}

export function demoThreads(ledger: Ledger): DemoThread[] {
  const threads: DemoThread[] = [];
  for (const client of ledger.clients) {
    const invoices = ledger.invoices.filter(
      (invoice) => invoice.clientId === client.id && !invoice.isCreditNote,
    );
    const invoice = invoices.sort((a, b) => (a.dueDate < b.dueDate ? 1 : -1))[0];
    if (!invoice || !client.emails[0]) continue;
    threads.push(threadFor(client, invoice, ledger));
  }
  // An unknown sender, so the demo shows how a new client is learnt from the mail.
  threads.push({
    id: threadIdOf('unknown'),
    client: { id: 'unknown', name: 'Nouvelle Vague SAS' } as Client,
    subject: 'Demande de devis – refonte de site',
    messages: [
      {
        fromName: 'Hugo Marchand',
        fromEmail: 'hugo@nouvelle-vague.fr',
        toName: 'Camille Roux',
        toEmail: DEMO_OWN_EMAIL,
        date: 'hier',
        text: [
          'Bonjour,',
          'Pourriez-vous nous envoyer un devis pour la refonte de notre site ?',
          'Hugo Marchand',
        ],
      },
    ],
  });
  return threads;
}

function threadFor(client: Client, invoice: Invoice, ledger: Ledger): DemoThread {
  const amount = formatMoney(invoice.amountCents, invoice.currency, 'fr-FR');
  const contact =
    [client.contact.firstName, client.contact.lastName].filter(Boolean).join(' ') || client.name;
  const company = ledger.company.legalName;
  return {
    id: threadIdOf(client.id),
    client,
    subject: `Facture ${invoice.number}`,
    attachment: `${invoice.number}.pdf`,
    messages: [
      {
        fromName: 'Camille Roux',
        fromEmail: DEMO_OWN_EMAIL,
        toName: contact,
        toEmail: client.emails[0]!,
        date: invoice.issueDate,
        text: [
          'Bonjour,',
          `Veuillez trouver ci-joint la facture ${invoice.number} d’un montant de ${amount} TTC.`,
          `Bien cordialement,`,
          `Camille Roux – ${company}`,
        ],
      },
      {
        fromName: contact,
        fromEmail: client.emails[0]!,
        toName: 'Camille Roux',
        toEmail: DEMO_OWN_EMAIL,
        date: invoice.dueDate,
        text: ['Bonjour,', 'Bien reçu, merci. Je transmets à la comptabilité.', contact],
      },
    ],
  };
}

function rowHtml(thread: DemoThread): string {
  const last = thread.messages[thread.messages.length - 1]!;
  return `<tr class="zA zE" role="row" data-open="${thread.id}">
  <td class="yX xY"><div class="yW"><span class="bA4"><span class="zF" email="${escapeHtml(last.fromEmail)}" name="${escapeHtml(last.fromName)}">${escapeHtml(last.fromName)}</span></span></div></td>
  <td class="xY a4W"><div class="xS" role="link"><div class="xT"><div class="y6"><span class="bog"><span data-legacy-thread-id="${thread.id}">${escapeHtml(thread.subject)}</span></span></div>
  <span class="y2"> - ${escapeHtml(last.text[1] ?? '')}</span></div></div></td>
  <td class="xW xY"><span>${escapeHtml(last.date)}</span></td>
</tr>`;
}

function messageHtml(thread: DemoThread, message: DemoThread['messages'][number], index: number): string {
  const attachment =
    index === 0 && thread.attachment
      ? `<div class="hq gt"><div class="aQH"><span class="aZo"><span class="aV3">${escapeHtml(thread.attachment)}</span></span></div></div>`
      : '';
  return `<div class="adn ads" role="listitem" data-message-id="#msg-${thread.id}-${index}">
  <div class="gs"><div class="gE iv gt"><table class="cf gJ"><tbody><tr class="acZ">
    <td class="gF gK"><h3 class="iw"><span class="gD" email="${escapeHtml(message.fromEmail)}" name="${escapeHtml(message.fromName)}">${escapeHtml(message.fromName)}</span>
    <span class="go">&lt;${escapeHtml(message.fromEmail)}&gt;</span></h3></td>
    <td class="gH"><span class="g3" title="${escapeHtml(message.date)}">${escapeHtml(message.date)}</span></td>
  </tr></tbody></table>
  <div class="hb">à <span class="g2" email="${escapeHtml(message.toEmail)}" name="${escapeHtml(message.toName)}">${escapeHtml(message.toName)}</span></div></div>
  <div class="ii gt"><div class="a3s aiL">${message.text.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div></div>
  ${attachment}</div></div>`;
}

function threadHtml(thread: DemoThread): string {
  return `<div class="g id" data-thread="${thread.id}" hidden>
<table class="Bs nH iY" role="presentation"><tbody><tr><td class="Bu bAn"><div class="nH if">
  <div class="ha"><h2 class="hP" data-legacy-thread-id="${thread.id}">${escapeHtml(thread.subject)}</h2></div>
  <div class="nH hx" role="list">${thread.messages.map((m, i) => messageHtml(thread, m, i)).join('\n')}</div>
  <div class="reply-area">
    <div class="amn"><span class="ams bkH" role="button" tabindex="0">Répondre</span>
    <span class="ams bkI" role="button" tabindex="0">Répondre à tous</span></div>
  </div>
  <template class="reply-form"><div class="M9">
    <form><input type="hidden" name="subjectbox" value="${escapeHtml(`Re: ${thread.subject}`)}" /><input type="hidden" name="rt" value="${thread.id}" /></form>
    <div class="Ar Au"><div class="Am aiL Al editable" contenteditable="true" g_editable="true" role="textbox" aria-label="Corps du message"><br /><div class="gmail_signature">-- <br />Camille Roux – Studio Lumière</div></div></div>
    <div class="demo-send"><button type="button" class="demo-send-button">Envoyer</button> <span>(démo : rien n’est envoyé)</span></div>
  </div></template>
</div></td></tr></tbody></table></div>`;
}

const STYLE = `
body { margin: 0; font: 14px/1.4 Roboto, Arial, sans-serif; color: #1f1f1f; background: #f6f8fc; }
.top { height: 56px; display: flex; align-items: center; gap: 12px; padding: 0 16px; font-size: 20px; color: #444; }
.top b { color: #c5221f; }
.layout { display: flex; }
nav { width: 200px; padding: 8px 16px; }
nav a { display: block; padding: 6px 12px; border-radius: 16px; background: #d3e3fd; color: #001d35; text-decoration: none; font-weight: 600; }
[role=main] { flex: 1; margin-right: 376px; background: #fff; border-radius: 16px; min-height: calc(100vh - 72px); padding: 8px 16px; }
table.F { width: 100%; border-collapse: collapse; }
tr.zA td { padding: 10px 8px; border-bottom: 1px solid #eee; cursor: pointer; }
tr.zA:hover { box-shadow: inset 0 -1px #ccc; background: #f2f6fc; }
.y2 { color: #5f6368; }
.ha h2 { font-size: 22px; font-weight: 400; margin: 16px 0; }
.adn { border-bottom: 1px solid #eee; padding: 12px 0; }
.gD { font-weight: 600; } .go, .hb, .g3 { color: #5f6368; font-size: 12px; }
.aV3 { display: inline-block; margin-top: 8px; padding: 6px 10px; border: 1px solid #dadce0; border-radius: 8px; }
.amn { margin: 16px 0; } .ams { display: inline-block; border: 1px solid #747775; border-radius: 18px; padding: 6px 18px; margin-right: 8px; cursor: pointer; }
.M9 { border: 1px solid #dadce0; border-radius: 8px; margin: 16px 0; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
.editable { min-height: 200px; padding: 12px; outline: none; }
.demo-send { padding: 8px 12px; color: #5f6368; } .demo-send button { background: #0b57d0; color: #fff; border: 0; border-radius: 18px; padding: 8px 20px; }
`;

const SCRIPT = `
(function () {
  var inbox = document.getElementById('inbox');
  function show() {
    var id = (location.hash.split('/')[1] || '');
    inbox.hidden = Boolean(id);
    document.querySelectorAll('[data-thread]').forEach(function (el) { el.hidden = el.getAttribute('data-thread') !== id; });
  }
  window.addEventListener('hashchange', show);
  inbox.addEventListener('click', function (event) {
    var row = event.target.closest('tr[data-open]');
    if (row) location.hash = '#inbox/' + row.getAttribute('data-open');
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest('.bkH, .bkI');
    if (button) {
      var thread = button.closest('[data-thread]');
      var area = thread.querySelector('.reply-area');
      area.appendChild(thread.querySelector('template.reply-form').content.cloneNode(true));
      area.querySelector('.amn').style.display = 'none';
    }
    if (event.target.closest('.demo-send-button')) {
      var form = event.target.closest('.M9');
      form.querySelector('.demo-send').textContent = 'Envoyé (démo).';
    }
  });
  show();
})();
`;

export function demoMailboxHtml(ledger: Ledger): string {
  const threads = demoThreads(ledger);
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8" /><title>Boîte de réception - ${escapeHtml(DEMO_OWN_EMAIL)} - Gmail (démo Relance)</title>
<style>${STYLE}</style></head>
<body>
<div class="top"><b>M</b> Gmail <small>— démo Relance, aucun compte nécessaire</small></div>
<div class="layout">
  <nav role="navigation"><a href="#inbox">Boîte de réception (${threads.length})</a></nav>
  <div class="nH" role="main">
    <div id="inbox"><table class="F cf zt" role="grid"><tbody>
${threads.map(rowHtml).join('\n')}
    </tbody></table></div>
${threads.map(threadHtml).join('\n')}
  </div>
</div>
<script>${SCRIPT}</script>
</body></html>`;
}

export { threadIdOf as demoThreadId };
