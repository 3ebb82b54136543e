/**
 * Mailbox providers shared by millions of people: an address there says nothing about which
 * company writes, so their domains never match a client (only the exact address does).
 */
export const publicMailDomains: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'aliceadsl.fr',
  'hotmail.fr',
  'hotmail.com',
  'outlook.com',
  'outlook.fr',
  'live.fr',
  'live.com',
  'msn.com',
  'yahoo.fr',
  'yahoo.com',
  'ymail.com',
  'laposte.net',
  'sfr.fr',
  'neuf.fr',
  'club-internet.fr',
  'numericable.fr',
  'bbox.fr',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'aol.fr',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'gmx.fr',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'mail.com',
  'tutanota.com',
  'zoho.com',
  'yandex.com',
  'skynet.be',
  'bluewin.ch',
  'videotron.ca',
  'sympatico.ca',
]);

/** `mail.free.fr` is as public as `free.fr`. */
export function isPublicMailDomain(domain: string): boolean {
  for (let d = domain; ;) {
    if (publicMailDomains.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot === -1) return false;
    d = d.slice(dot + 1);
  }
}
