import { fromBase62, toBase62, type Stamp } from './hlc';
import { compareTags, makeTag, setElements, tagStamp, type OrSet, type TagMap } from './state';
import { SEP, decodeStringDelta, encodeStringDelta, split } from './text-codec';

/**
 * An add-wins set inside a record entry: its elements joined by `^`, in the order they were
 * added, then the removed ones. An element added once at the record's usual stamp (the common
 * case) is written alone; otherwise its tags follow, each `}[-]stamp[.position]` (`-` for a
 * removed tag, the position left out when it is the element's place in the list).
 */

interface SetWriteOptions {
  defaultStamp: Stamp | undefined;
  ref(stamp: Stamp): number;
  expect(index: number, soFar: readonly string[]): string | undefined;
}

interface SetReadOptions {
  defaultStamp: Stamp | undefined;
  stampAt(ref: string): Stamp;
  expect(index: number, soFar: readonly string[]): string | undefined;
}

const TAG_POSITION = /^(0|[1-9]\d{0,8})$/;

/** The order a set's elements are written in: the present ones as added, then the removed ones. */
export function orderedElements(set: OrSet): string[] {
  const present = setElements(set);
  const shown = new Set(present);
  // An element without any tag carries no information (merge never makes one): it is left out.
  const removed = [...set]
    .filter(([element, tags]) => tags.size > 0 && !shown.has(element))
    .map(([element]) => element)
    .sort();
  return [...present, ...removed];
}

export function writeSet(
  set: OrSet | undefined,
  options: SetWriteOptions,
): { token: string; elements: string[] } {
  if (!set || set.size === 0) return { token: '', elements: [] };
  const elements = orderedElements(set);
  const items = elements.map((element, index) => {
    const tags = set.get(element)!;
    let item = encodeStringDelta(element, options.expect(index, elements.slice(0, index)));
    const usual = options.defaultStamp === undefined ? undefined : makeTag(options.defaultStamp, index);
    if (tags.size === 1 && usual !== undefined && tags.get(usual) === true) return item;
    for (const tag of [...tags.keys()].sort(compareTags)) {
      const stamp = tagStamp(tag);
      const position = tag.slice(stamp.length + 1);
      if (!TAG_POSITION.test(position)) throw new Error(`malformed set tag ${tag}`);
      item += SEP.part + (tags.get(tag) ? '' : '-') + toBase62(options.ref(stamp));
      if (Number(position) !== index) item += '.' + toBase62(Number(position));
    }
    return item;
  });
  return { token: items.join(SEP.item), elements };
}

export function readSet(token: string, options: SetReadOptions): { set: OrSet; elements: string[] } {
  const set = new Map<string, TagMap>();
  const elements: string[] = [];
  if (token === '') return { set, elements };
  split(token, SEP.item).forEach((item, index) => {
    const [elementToken = '', ...tagTokens] = split(item, SEP.part);
    const element = decodeStringDelta(elementToken, options.expect(index, elements));
    elements.push(element);
    const tags = new Map<string, boolean>();
    if (tagTokens.length === 0) {
      if (options.defaultStamp === undefined) throw new SyntaxError('set element without a stamp');
      tags.set(makeTag(options.defaultStamp, index), true);
    }
    for (const tagToken of tagTokens) {
      const live = !tagToken.startsWith('-');
      const [ref = '', position] = tagToken.slice(live ? 0 : 1).split('.');
      tags.set(makeTag(options.stampAt(ref), position === undefined ? index : fromBase62(position)), live);
    }
    set.set(element, tags);
  });
  return { set, elements };
}
