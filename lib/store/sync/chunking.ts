import type { LedgerEvent } from '../../domain/schemas';
import { fromBase62, toBase62, type Stamp } from './hlc';
import { ChunkWriter, encodeEntries, type Entry } from './chunk-codec';
import { FORMAT_VERSION } from './codec-tables';
import { packText } from './compress';
import { itemBytes, stringBytes, SYNC_LIMITS } from './limits';
import type { RecordState, ReplicaState } from './state';

/**
 * Cutting the encoded ledger into storage.sync items. Entries are sorted by a stable key (a
 * client, then each of its invoices followed by the events about it) and a piece starts at every
 * entry whose key hashes to at least `level` trailing zero bits (content-defined chunking, as in
 * rsync or LBFS): whether an entry starts a piece depends on that entry alone. A chunk is a run
 * of whole pieces, compressed (compress.ts) to fill an item: the compressor learns as it goes, so
 * it does best on large chunks. Chunks end on piece boundaries, preferably on rarer, stronger
 * ones that any chunk ending near them would also pick, so that an edit mostly rewrites the one
 * chunk holding the record, never a shift of everything after it as cutting one long string at
 * byte offsets would. A single entry still too big is spread over consecutive parts. Chunk keys
 * come from the hash of their first entry, so they stay the same while their content changes.
 */

export const MANIFEST_KEY = 'm';
export const CHUNK_PREFIX = 'r:';
/** One piece start in 2^4 entries: chunks end within ~16 entries of the item limit. */
export const DEFAULT_CHUNK_LEVEL = 4;
/** Chunks end preferably where a piece starts at this many levels higher (one in 2^7 entries). */
const STRONG_LEVELS = 3;
/** Text characters per packed one, a little under what the codec gets: sizes chunks before packing. */
const TEXT_PER_PACKED = 2.5;

export interface SortedEntry {
  readonly sortKey: string;
  readonly entry: Entry;
}

export interface ChunkInfo {
  readonly key: string;
  readonly hash: string;
  readonly parts: number;
  readonly entries: number;
}

export interface SyncItems {
  readonly items: Record<string, string>;
  readonly chunks: readonly ChunkInfo[];
  /** Bytes of all items, manifest included, as measured against QUOTA_BYTES. */
  readonly bytes: number;
  readonly maxStamp: Stamp | undefined;
}

export interface ChunkOptions {
  maxItemBytes?: number;
  level?: number;
}

/** FNV-1a, 32 bits: stable across browsers and versions, which chunk keys need. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Mix the low bits, which decide the chunk starts, with the high ones.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

function levelOf(sortKey: string): number {
  const h = hash32(sortKey);
  return h === 0 ? 32 : 31 - Math.clz32(h & -h);
}

const SEP = '\u0000';

/**
 * Ids in natural order (`i9` before `i10`): numbered ids then follow each other by small steps,
 * which the codec writes in a character or two. Each run of digits is preceded by its length.
 */
function natural(id: string): string {
  return id.replace(/\d+/g, (digits) => String.fromCharCode(0x100 + Math.min(digits.length, 0xff)) + digits);
}

export function recordSortKey(key: string, record: RecordState): string {
  if (key.startsWith('client:')) return `2${natural(key.slice(7))}${SEP}`;
  if (key.startsWith('invoice:')) {
    const client = record.fields.get('clientId')?.value;
    return `2${natural(typeof client === 'string' ? client : '')}${SEP}${natural(key.slice(8))}${SEP}`;
  }
  return key.startsWith('scenario:') ? `1${key}` : `0${key}`;
}

export function eventSortKey(event: LedgerEvent): string {
  const invoice = Array.isArray(event.invoiceIds) ? (event.invoiceIds[0] ?? '') : '';
  const client = String(event.clientId ?? '');
  return `2${natural(client)}${SEP}${natural(String(invoice))}${SEP}${natural(event.id)}`;
}

export function recordEntry(key: string, record: RecordState): SortedEntry {
  return { sortKey: recordSortKey(key, record), entry: { type: 'record', key, record } };
}

export function eventEntry(event: LedgerEvent): SortedEntry {
  return { sortKey: eventSortKey(event), entry: { type: 'event', event } };
}

export function stateEntries(state: ReplicaState): SortedEntry[] {
  const out: SortedEntry[] = [];
  for (const [key, record] of state.records) out.push(recordEntry(key, record));
  for (const event of state.events.values()) out.push(eventEntry(event));
  return out;
}

function chunkHash(text: string): string {
  return toBase62(hash32(text));
}

/** Runs of entries each starting where the level allows; the first entry always starts one. */
function cut(run: readonly SortedEntry[], level: number): SortedEntry[][] {
  const out: SortedEntry[][] = [];
  for (const item of run) {
    if (out.length === 0 || levelOf(item.sortKey) >= level) out.push([]);
    out[out.length - 1]!.push(item);
  }
  return out;
}

interface Packed {
  run: SortedEntry[];
  text: string;
}

/**
 * Packs of recent chunk texts: compressing is the slow part of a plan, and from one exchange to
 * the next, or one trial of the planner to the next, most chunks are the same.
 */
const packCache = new Map<string, string>();
const PACK_CACHE_SIZE = 256;

function packCached(text: string): string {
  let packed = packCache.get(text);
  if (packed === undefined) {
    packed = packText(text);
    if (packCache.size >= PACK_CACHE_SIZE) packCache.delete(packCache.keys().next().value!);
  } else packCache.delete(text);
  packCache.set(text, packed);
  return packed;
}

const pack = (run: readonly SortedEntry[]): Packed => ({
  run: [...run],
  text: packCached(encodeEntries(run.map((item) => item.entry))),
});

/** A run whose pack is over the budget, cut in parts that fit (a single entry too big stays whole). */
function packSplit(run: readonly SortedEntry[], budget: number): Packed[] {
  const packed = pack(run);
  const bytes = stringBytes(packed.text);
  if (bytes <= budget || run.length === 1) return [packed];
  const keep = Math.min(run.length - 1, Math.max(1, Math.floor((run.length * budget * 0.97) / bytes)));
  return [...packSplit(run.slice(0, keep), budget), ...packSplit(run.slice(keep), budget)];
}

/**
 * Chunks of whole pieces, as many as the text estimate says fit once compressed, checked by
 * compressing them: fewer pieces when the pack is over the budget. Where a chunk ends depends
 * only on the text of its pieces, so an edit leaves the next chunks as they were unless it moves
 * the end of its own.
 */
function chunkPieces(pieces: readonly SortedEntry[][], budget: number, strongLevel: number): Packed[] {
  const target = budget * TEXT_PER_PACKED;
  const out: Packed[] = [];
  let i = 0;
  while (i < pieces.length) {
    const writer = new ChunkWriter();
    let length = 0;
    let j = i;
    let strong = -1;
    let strongLength = 0;
    while (j < pieces.length) {
      if (j > i && levelOf(pieces[j]![0]!.sortKey) >= strongLevel) [strong, strongLength] = [j, length];
      let added = 0;
      for (const item of pieces[j]!) added += writer.add(item.entry).length + 1;
      if (j > i && length + added + writer.header().length > target) {
        // End at a strong boundary when there is one late enough: the next chunks start there
        // whatever the edits before it.
        if (strong > 0 && strongLength >= target * 0.6) j = strong;
        break;
      }
      length += added;
      j++;
    }
    let packed = pack(pieces.slice(i, j).flat());
    while (stringBytes(packed.text) > budget && j - i > 1) {
      j = i + Math.max(1, Math.floor(((j - i) * budget * 0.97) / stringBytes(packed.text)));
      packed = pack(pieces.slice(i, j).flat());
    }
    if (stringBytes(packed.text) <= budget) out.push(packed);
    else out.push(...packSplit(packed.run, budget));
    i = j;
  }
  return out;
}

/** Cuts a string into slices of at most `budget` JSON bytes, never inside a surrogate pair. */
function slices(text: string, budget: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    let bytes = 0;
    while (end < text.length) {
      const width = /[\uD800-\uDBFF]/.test(text[end]!) && end + 1 < text.length ? 2 : 1;
      const cost = stringBytes(text.slice(end, end + width));
      if (bytes + cost > budget && end > start) break;
      bytes += cost;
      end += width;
    }
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

const PART_MARK = '+';

export function encodeManifest(
  chunks: readonly ChunkInfo[],
  maxStamp: Stamp | undefined,
  version = FORMAT_VERSION,
): string {
  const list = chunks.map(
    (c) => `${c.key.slice(CHUNK_PREFIX.length)}}${c.hash}${c.parts > 1 ? `}${toBase62(c.parts)}` : ''}`,
  );
  return `${version}|${maxStamp ?? ''}|${list.join('^')}`;
}

export interface Manifest {
  version: string;
  maxStamp: Stamp | undefined;
  chunks: { key: string; hash: string; parts: number }[];
}

export function decodeManifest(value: unknown): Manifest | undefined {
  if (typeof value !== 'string') return undefined;
  const [version = '', maxStamp = '', list = ''] = value.split('|');
  const chunks = list
    ? list.split('^').map((item) => {
        const [key = '', hash = '', parts] = item.split('}');
        return { key: CHUNK_PREFIX + key, hash, parts: parts ? fromBase62(parts) : 1 };
      })
    : [];
  return { version, maxStamp: maxStamp || undefined, chunks };
}

/**
 * The items for a set of entries: chunks under the per-item limit, plus the manifest (format
 * version, each chunk's key, hash and parts, and the greatest stamp, which the reader's clock
 * moves past).
 */
export function buildItems(
  entries: readonly SortedEntry[],
  maxStamp: Stamp | undefined,
  options: ChunkOptions = {},
) {
  const maxItemBytes = options.maxItemBytes ?? SYNC_LIMITS.quotaBytesPerItem;
  const level = options.level ?? DEFAULT_CHUNK_LEVEL;
  // Room for the longest key (`r:` + 6 hash characters + a collision or part suffix) and quotes.
  const budget = maxItemBytes - 16;
  const sorted = [...entries].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const items: Record<string, string> = {};
  const chunks: ChunkInfo[] = [];
  for (const { run, text } of chunkPieces(cut(sorted, level), budget, level + STRONG_LEVELS)) {
    let key = CHUNK_PREFIX + toBase62(hash32(run[0]!.sortKey));
    for (let n = 1; key in items; n++) key = `${CHUNK_PREFIX}${toBase62(hash32(run[0]!.sortKey))}_${n}`;
    const hash = chunkHash(text);
    const parts = stringBytes(text) <= budget ? [text] : slices(text, budget - 12);
    if (parts.length === 1) items[key] = text;
    else {
      items[key] = `${PART_MARK}${toBase62(parts.length)}}${hash}}${parts[0]}`;
      parts.slice(1).forEach((part, i) => (items[`${key}.${i + 1}`] = part));
    }
    chunks.push({ key, hash, parts: parts.length, entries: run.length });
  }
  items[MANIFEST_KEY] = encodeManifest(chunks, maxStamp);
  let bytes = 0;
  for (const [key, value] of Object.entries(items)) bytes += itemBytes(key, value);
  return { items, chunks, bytes, maxStamp } satisfies SyncItems;
}

export function isSyncKey(key: string): boolean {
  return key === MANIFEST_KEY || key.startsWith(CHUNK_PREFIX);
}

/** What to write to go from the items on the server to the wanted ones: changed items, and gone ones. */
export function diffChunks(
  previous: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
) {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) if (previous[key] !== value) set[key] = value;
  const remove = Object.keys(previous).filter((key) => isSyncKey(key) && !(key in next));
  return { set, remove };
}

/** The text of each chunk found in the items, parts joined and checked; the broken ones named. */
export function collectChunks(items: Readonly<Record<string, unknown>>) {
  const texts = new Map<string, string>();
  const broken: string[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(CHUNK_PREFIX) || typeof value !== 'string' || /\.\d+$/.test(key)) continue;
    if (!value.startsWith(PART_MARK)) {
      texts.set(key, value);
      continue;
    }
    const [count = '', hash = ''] = value.slice(1).split('}', 2);
    let text = value.slice(1 + count.length + 1 + hash.length + 1);
    const parts = /^[0-9A-Za-z]{1,3}$/.test(count) ? fromBase62(count) : 0;
    for (let i = 1; i < parts; i++) {
      const part = items[`${key}.${i}`];
      text = typeof part === 'string' ? text + part : '';
    }
    if (parts > 1 && chunkHash(text) === hash) texts.set(key, text);
    else broken.push(key);
  }
  return { texts, broken };
}

export { chunkHash };
