import type { EventType, LedgerEvent } from '../../domain/schemas';
import { decodeHlc, encodeHlc, fromBase62, toBase62, type Stamp } from './hlc';
import {
  EVENT_CODES,
  EVENT_DEFAULTS,
  EVENT_RULES,
  FORMAT_VERSION,
  READABLE_VERSIONS,
  RECORD_CODES,
  RECORD_DEFAULTS,
  RECORD_RULES,
  memoOf,
  type FieldRule,
} from './codec-tables';
import { afterEvent, afterRecord, newContext, type Values } from './codec-context';
import { derivedEventId, derivedEventOccurrence, derivedRecordId } from './derived-ids';
import { orderedElements, readSet, writeSet } from './set-codec';
import {
  isSingleton,
  mergeRecord,
  parseRecordKey,
  recordKey,
  type Json,
  type Lww,
  type RecordKind,
  type RecordState,
  type ReplicaState,
} from './state';
import {
  SEP,
  decodeInt,
  decodeStringDelta,
  encodeInt,
  encodeStringDelta,
  escapeText,
  findUnescaped,
  numberedStep,
  split,
  unescapeText,
} from './text-codec';
import {
  decodeExtraValue,
  decodeField,
  encodeExtraValue,
  encodeField,
  type ValueCodec,
} from './value-codecs';

/**
 * One chunk of the compact codec: a header (format version, node ids, the stamp table) and
 * entries, each a record or an event, written against the entries before it in the same chunk.
 * A chunk reads on its own: storage.sync resolves concurrent writes item by item, so the items
 * on the server may come from two browsers, and no table may be shared between chunks.
 *
 * Entry: `<code><id>[@default stamp][!tombstone][$field.stamp…]|field|field…|#extra^value`, the
 * id `=` when the entry's values give it back (an event's `=n`: the n-th with its content).
 * Stamps are indexes in the chunk's table; in the table, each HLC's wall time is an offset from
 * the previous one (the first from 2025-01-01), its counter and node omitted when zero.
 */

export type Entry =
  | { readonly type: 'record'; readonly key: string; readonly record: RecordState }
  | { readonly type: 'event'; readonly event: LedgerEvent };

const EPOCH_MS = Date.UTC(2025, 0, 1);
const META = '@!$';
/** In place of an id the entry gives back (derived-ids.ts); `DELTA_MARKERS` escapes it in ids written out. */
const DERIVED = '=';
const KIND_BY_CODE = new Map(Object.entries(RECORD_CODES).map(([kind, code]) => [code, kind as RecordKind]));
const TYPE_BY_CODE = new Map(Object.entries(EVENT_CODES).map(([type, code]) => [code, type as EventType]));
const b62 = (n: number) => toBase62(n);

/** The stamp most of the record's registers carry: the others are written as exceptions. */
function commonStamp(record: RecordState): Stamp | undefined {
  const counts = new Map<Stamp, number>();
  for (const { stamp } of record.fields.values()) counts.set(stamp, (counts.get(stamp) ?? 0) + 1);
  let best: Stamp | undefined;
  let bestCount = 0;
  for (const [stamp, count] of counts)
    if (count > bestCount || (count === bestCount && best !== undefined && stamp > best))
      [best, bestCount] = [stamp, count];
  return best;
}

function trimTrailing(tokens: string[]): string[] {
  let end = tokens.length;
  while (end > 0 && tokens[end - 1] === '') end--;
  return tokens.slice(0, end);
}

export class ChunkWriter {
  private readonly ctx = newContext();
  private readonly stamps: Stamp[] = [];
  private readonly stampRefs = new Map<Stamp, number>();
  private readonly nodes: string[] = [];
  private readonly entries: string[] = [];
  private defaultRef = 0;

  get count(): number {
    return this.entries.length;
  }

  private ref(stamp: Stamp): number {
    let ref = this.stampRefs.get(stamp);
    if (ref === undefined) {
      ref = this.stamps.push(stamp) - 1;
      this.stampRefs.set(stamp, ref);
      const { nodeId } = decodeHlc(stamp);
      if (!this.nodes.includes(nodeId)) this.nodes.push(nodeId);
    }
    return ref;
  }

  add(entry: Entry): string {
    const text = entry.type === 'record' ? this.record(entry.key, entry.record) : this.event(entry.event);
    this.entries.push(text);
    return text;
  }

  private fields(rules: readonly FieldRule[], read: (name: string) => Json | undefined, previous: Values) {
    const tokens: string[] = [];
    const current: Values = new Map();
    for (const rule of rules) {
      if (rule.codec === 'set') throw new Error('sets are written by record()');
      const value = read(rule.name);
      tokens.push(
        encodeField(rule.codec, value, rule.expect!(this.ctx, current, previous), memoOf(this.ctx, rule)),
      );
      current.set(rule.name, value);
    }
    return { tokens, current };
  }

  private record(key: string, record: RecordState): string {
    const parsed = parseRecordKey(key);
    if (!parsed) throw new Error(`cannot encode record key ${key}`);
    const { kind, id } = parsed;
    const code = RECORD_CODES[kind];
    let head = code;
    const previousId = this.ctx.previousIds.get(code);
    const derived =
      id !== undefined &&
      derivedRecordId(kind, (name) =>
        record.sets.has(name) ? orderedElements(record.sets.get(name)!) : record.fields.get(name)?.value,
      ) === id;
    if (derived) head += DERIVED;
    else if (id !== undefined) head += encodeStringDelta(id, previousId, META);
    this.ctx.idStep =
      id !== undefined && !derived && previousId !== undefined ? numberedStep(previousId, id) : undefined;
    const common = commonStamp(record);
    const defaultRef = common === undefined ? this.defaultRef : this.ref(common);
    if (defaultRef !== this.defaultRef) head += '@' + b62(defaultRef);
    if (record.deleted !== undefined) head += '!' + b62(this.ref(record.deleted));
    const defaultStamp = this.stamps[defaultRef];
    const previous = this.ctx.previous.get(code) ?? RECORD_DEFAULTS[kind];
    const rules = RECORD_RULES[kind];
    const tokens: string[] = [];
    const current: Values = new Map();
    const known = new Set(rules.map((r) => r.name));
    rules.forEach((rule, index) => {
      if (rule.codec === 'set') {
        const { token, elements } = writeSet(record.sets.get(rule.name), {
          defaultStamp,
          ref: (stamp) => this.ref(stamp),
          expect: (i, soFar) => rule.expectItem?.(current, previous, i, soFar),
        });
        tokens.push(token);
        current.set(rule.name, elements);
        return;
      }
      const register = record.fields.get(rule.name);
      const expected = rule.expect!(this.ctx, current, previous);
      tokens.push(encodeField(rule.codec, register?.value, expected, memoOf(this.ctx, rule)));
      if (register && register.stamp !== defaultStamp)
        head += '$' + b62(index) + '.' + b62(this.ref(register.stamp));
      current.set(rule.name, register?.value);
    });
    for (const field of record.sets.keys())
      if (!known.has(field)) throw new Error(`no codec for the set ${field} of ${kind}`);
    const out = trimTrailing(tokens);
    const extras = [...record.fields]
      .filter(([field]) => !known.has(field))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    extras.forEach(([field, register], j) => {
      out.push('#' + escapeText(field) + SEP.item + encodeExtraValue(register.value));
      if (register.stamp !== defaultStamp)
        head += '$' + b62(rules.length + j) + '.' + b62(this.ref(register.stamp));
    });
    this.ctx.previous.set(code, current);
    if (id !== undefined) this.ctx.previousIds.set(code, id);
    this.defaultRef = defaultRef;
    afterRecord(this.ctx, kind, id, current);
    return [head, ...out].join(SEP.field);
  }

  private event(event: LedgerEvent): string {
    const code = EVENT_CODES[event.type];
    if (!code) throw new Error(`unknown event type ${String(event.type)}`);
    const object = event as unknown as Record<string, Json | undefined>;
    const occurrence = derivedEventOccurrence(event);
    const head =
      code +
      (occurrence === undefined
        ? encodeStringDelta(event.id, this.ctx.previousIds.get('E'))
        : DERIVED + (occurrence === 1 ? '' : b62(occurrence)));
    const rules = EVENT_RULES[event.type];
    const { tokens, current } = this.fields(
      rules,
      (name) => object[name],
      this.ctx.previous.get(code) ?? EVENT_DEFAULTS,
    );
    const known = new Set(['id', 'type', ...rules.map((r) => r.name)]);
    const out = trimTrailing(tokens);
    for (const field of Object.keys(object).sort())
      if (!known.has(field) && object[field] !== undefined)
        out.push('#' + escapeText(field) + SEP.item + encodeExtraValue(object[field]!));
    this.ctx.previous.set(code, current);
    this.ctx.previousIds.set('E', event.id);
    afterEvent(this.ctx, event.type, object);
    return [head, ...out].join(SEP.field);
  }

  header(): string {
    let wall = EPOCH_MS;
    const table = this.stamps.map((stamp) => {
      const hlc = decodeHlc(stamp);
      const node = this.nodes.indexOf(hlc.nodeId);
      let item = encodeInt(hlc.wallMs - wall);
      wall = hlc.wallMs;
      if (hlc.counter !== 0 || node !== 0) item += SEP.part + b62(hlc.counter);
      if (node !== 0) item += SEP.part + b62(node);
      return item;
    });
    return [FORMAT_VERSION, this.nodes.join(SEP.item), table.join(SEP.item)].join(SEP.field);
  }

  text(): string {
    return [this.header(), ...this.entries].join(SEP.entry);
  }
}

export function encodeEntries(entries: Iterable<Entry>): string {
  const writer = new ChunkWriter();
  for (const entry of entries) writer.add(entry);
  return writer.text();
}

export class UnsupportedFormatError extends Error {
  constructor(readonly version: string) {
    super(`sync data written in format ${version}, this version reads ${FORMAT_VERSION}`);
    this.name = 'UnsupportedFormatError';
  }
}

function readStampTable(header: string[]): Stamp[] {
  const nodes = header[1] ? split(header[1], SEP.item) : [];
  let wall = EPOCH_MS;
  return (header[2] ? split(header[2], SEP.item) : []).map((item) => {
    const [delta, counter, node] = split(item, SEP.part);
    wall += decodeInt(delta!);
    const nodeId = nodes[node ? fromBase62(node) : 0];
    if (nodeId === undefined) throw new SyntaxError('stamp refers to an unknown node');
    return encodeHlc({ wallMs: wall, counter: counter ? fromBase62(counter) : 0, nodeId });
  });
}

/** Reads a chunk back into entries; throws on anything malformed (the caller skips the chunk). */
export function decodeEntries(text: string): Entry[] {
  const [headerText, ...entryTexts] = split(text, SEP.entry);
  const header = split(headerText ?? '', SEP.field);
  if (!READABLE_VERSIONS.includes(header[0] ?? '')) throw new UnsupportedFormatError(header[0] ?? '');
  const stamps = readStampTable(header);
  const stampAt = (ref: string) => {
    const stamp = stamps[fromBase62(ref)];
    if (stamp === undefined) throw new SyntaxError('unknown stamp reference');
    return stamp;
  };
  const ctx = newContext();
  let defaultRef = 0;
  const out: Entry[] = [];
  for (const entryText of entryTexts) {
    const [head = '', ...tokens] = split(entryText, SEP.field);
    const code = head[0] ?? '';
    const extrasAt = tokens.findIndex((t) => t.startsWith('#'));
    const positional = extrasAt < 0 ? tokens : tokens.slice(0, extrasAt);
    const extras = (extrasAt < 0 ? [] : tokens.slice(extrasAt)).map((token) => {
      const [name, value] = split(token.slice(1), SEP.item);
      return [unescapeText(name ?? ''), decodeExtraValue(value ?? '')] as const;
    });
    const type = TYPE_BY_CODE.get(code);
    if (type) {
      const derived = head[1] === DERIVED;
      const rules = EVENT_RULES[type];
      const previous = ctx.previous.get(code) ?? EVENT_DEFAULTS;
      const current: Values = new Map();
      const event: Record<string, Json> = { type };
      rules.forEach((rule, i) => {
        const expected = rule.expect!(ctx, current, previous);
        const value = decodeField(rule.codec as ValueCodec, positional[i] ?? '', expected, memoOf(ctx, rule));
        current.set(rule.name, value);
        if (value !== undefined) event[rule.name] = value;
      });
      for (const [name, value] of extras) event[name] = value;
      const id = derived
        ? derivedEventId(event, head.length > 2 ? fromBase62(head.slice(2)) : 1)
        : decodeStringDelta(head.slice(1), ctx.previousIds.get('E'));
      event.id = id;
      ctx.previous.set(code, current);
      ctx.previousIds.set('E', id);
      afterEvent(ctx, type, event);
      out.push({ type: 'event', event: event as unknown as LedgerEvent });
      continue;
    }
    const kind = KIND_BY_CODE.get(code);
    if (!kind) throw new SyntaxError(`unknown entry code ${JSON.stringify(code)}`);
    const metaAt = findUnescaped(head, META, 1);
    const idToken = head.slice(1, metaAt < 0 ? head.length : metaAt);
    const previousId = ctx.previousIds.get(code);
    const derived = !isSingleton(kind) && idToken === DERIVED;
    let id = isSingleton(kind) || derived ? undefined : decodeStringDelta(idToken, previousId);
    ctx.idStep = id !== undefined && previousId !== undefined ? numberedStep(previousId, id) : undefined;
    let deleted: Stamp | undefined;
    const overrides = new Map<number, Stamp>();
    for (const [, marker, value] of (metaAt < 0 ? '' : head.slice(metaAt)).matchAll(/([@!$])([^@!$]*)/g)) {
      if (marker === '@') defaultRef = fromBase62(value!);
      else if (marker === '!') deleted = stampAt(value!);
      else {
        const [index, ref] = value!.split('.');
        overrides.set(fromBase62(index!), stampAt(ref!));
      }
    }
    const defaultStamp = stamps[defaultRef];
    const previous = ctx.previous.get(code) ?? RECORD_DEFAULTS[kind];
    const rules = RECORD_RULES[kind];
    const current: Values = new Map();
    const fields = new Map<string, Lww>();
    const sets = new Map<string, ReturnType<typeof readSet>['set']>();
    const stampOf = (index: number) => {
      const stamp = overrides.get(index) ?? defaultStamp;
      if (stamp === undefined) throw new SyntaxError('field without a stamp');
      return stamp;
    };
    rules.forEach((rule, index) => {
      const token = positional[index] ?? '';
      if (rule.codec === 'set') {
        const { set, elements } = readSet(token, {
          defaultStamp,
          stampAt,
          expect: (i, soFar) => rule.expectItem?.(current, previous, i, soFar),
        });
        if (set.size > 0) sets.set(rule.name, set);
        current.set(rule.name, elements);
        return;
      }
      const value = decodeField(rule.codec, token, rule.expect!(ctx, current, previous), memoOf(ctx, rule));
      current.set(rule.name, value);
      if (value !== undefined) fields.set(rule.name, { value, stamp: stampOf(index) });
    });
    extras.forEach(([name, value], j) => fields.set(name, { value, stamp: stampOf(rules.length + j) }));
    if (derived) {
      id = derivedRecordId(kind, (name) => current.get(name));
      if (id === undefined) throw new SyntaxError(`no id to derive for a ${kind}`);
    }
    ctx.previous.set(code, current);
    if (id !== undefined) ctx.previousIds.set(code, id);
    afterRecord(ctx, kind, id, current);
    const record: RecordState = deleted === undefined ? { fields, sets } : { fields, sets, deleted };
    out.push({ type: 'record', key: recordKey(kind, id), record });
  }
  return out;
}

/** Entries back into a state; a record or event met twice is merged, not overwritten. */
export function entriesToState(entries: Iterable<Entry>): ReplicaState {
  const records = new Map<string, RecordState>();
  const events = new Map<string, LedgerEvent>();
  for (const entry of entries) {
    if (entry.type === 'event') events.set(entry.event.id, entry.event);
    else {
      const existing = records.get(entry.key);
      records.set(entry.key, existing ? mergeRecord(existing, entry.record) : entry.record);
    }
  }
  return { records, events };
}
