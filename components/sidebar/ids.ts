/** Ids for new records: random, so two browsers never collide when sync merges their logs. */
export function newId(): string {
  return crypto.randomUUID();
}
