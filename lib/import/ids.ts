/**
 * cyrb53: a fast 53-bit string hash. Imported records get ids derived from what identifies them
 * (client key, invoice number), so importing the same file twice lands on the same records.
 */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function importedClientId(key: string): string {
  return `imp-c-${hash53(key)}`;
}

export function importedInvoiceId(clientId: string, invoiceKey: string): string {
  return `imp-i-${hash53(`${clientId}\u0000${invoiceKey}`)}`;
}

/** Invoice numbers compare without case and spaces: "FA 2026-001" and "fa2026-001" are one invoice. */
export function invoiceKey(number: string): string {
  return number.replace(/\s+/g, '').toUpperCase();
}
