import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stateEntries } from '../../../lib/store/sync/chunking';
import { encodeEntries } from '../../../lib/store/sync/chunk-codec';
import {
  DIGITS85,
  fromBase85,
  fromWtf8,
  isPacked,
  packText,
  toBase85,
  toWtf8,
  unpackText,
} from '../../../lib/store/sync/compress';
import { createClock } from '../../../lib/store/sync/hlc';
import { fromLedger } from '../../../lib/store/sync/ledger-bridge';
import { itemBytes } from '../../../lib/store/sync/limits';
import { generateLedger } from '../../support/generate-ledger';
import { hostileString } from './sync/arbitraries';

const anyText = fc.oneof(
  hostileString(200),
  fc.string({ unit: 'binary', maxLength: 300 }),
  // Lone surrogates: a record may hold any string.
  fc.string({ unit: fc.constantFrom('\ud800', '\udfff', 'a', '|', '~'), maxLength: 50 }),
);

/** Written once by format 3's first version; never to be changed. */
const FORMAT_3_PACK = "1V'z8FI^4$VT91PDY%6C)`qjndP%D},IhSn@SF5gX9NoqL{8tfSQDu0t FK/$-eHXqRb5Rmy$t0_y5Bmt";

describe('the chunk compressor', { timeout: 30_000 }, () => {
  it('reads back any text, lone surrogates included, primed or not', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, primed) => {
        const packed = packText(text, primed);
        expect(isPacked(packed)).toBe(true);
        expect(unpackText(packed)).toBe(text);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('writes only characters JSON carries as one byte each', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const packed = packText(text);
        expect(packed).toMatch(/^[\x20-\x7e]*$/);
        expect(packed).not.toMatch(/["\\<>&]/);
        expect(itemBytes('k', packed)).toBe(1 + packed.length + 2);
      }),
    );
  });

  it('is a frozen format: format 2 packs still read, and the same text packs the same in format 3', () => {
    const v2 = '2|n1|0~Cc1|Boulangerie Martin|compta@martin.fr|*7~Ii1|F-2026-042|5ZE|U|.C8~Ii2|+1|1|F|.2S';
    const packedV2 =
      '1R.np60F$ffImp5;@b[YAO:,GQI/#-$iS/clhgH3{j}euAk/H}4TGVQL*NnnMn3vePDdEsn#;@)ZTA6$ll2=xdYHx-Ynq:,85=2agsl;eFnY1EK;I';
    expect(unpackText(packedV2)).toBe(v2);
    expect(packText(v2, false)).toBe(packedV2);
    const v3 =
      '3|n1|0~C=|Boulangerie Martin|compta@martin.fr|*7~I=|F-2026-042|5ZE|U|.C8~r=||4P~I=|+1|1|F|.2S';
    expect(packText(v3)).toBe(FORMAT_3_PACK);
    expect(unpackText(FORMAT_3_PACK)).toBe(v3);
  });

  it('reads the primer first: a chunk of the codec packs smaller than without it', () => {
    const ledger = generateLedger({ invoices: 400, today: '2026-06-15', seed: 4 });
    const state = fromLedger(
      ledger,
      createClock('n1', () => 1_780_000_000_000),
    );
    const text = encodeEntries(stateEntries(state).map((e) => e.entry)).slice(0, 20_000);
    const primed = packText(text);
    expect(unpackText(primed)).toBe(text);
    expect(unpackText(packText(text, false))).toBe(text);
    // Whole clients and settled invoices gain least (4 % here); the open invoices and events that
    // fill the sync area first gain about 9 % (bench/sync-capacity.ts).
    expect(primed.length).toBeLessThan(packText(text, false).length * 0.97);
  });

  it('packs the codec output of a realistic ledger to under 45 % of it, smaller than deflate would', () => {
    const ledger = generateLedger({ invoices: 2_000, today: '2026-06-15', seed: 8 });
    const state = fromLedger(
      ledger,
      createClock('n1', () => 1_780_000_000_000),
    );
    const sorted = stateEntries(state).sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));
    const text = encodeEntries(sorted.slice(0, 1_500).map((e) => e.entry));
    const packed = packText(text);
    expect(unpackText(packed)).toBe(text);
    expect(packed.length).toBeLessThan(text.length * 0.45);
    expect(packed.length).toBeLessThan(deflateRawSync(text, { level: 9 }).length * 0.95 * (5 / 4));
  });

  it.each([
    ['no length', 'abcdef'],
    ['a bad length', '!.abc'],
    ['a digit outside the alphabet', '3.ab"de'],
    ['a lone digit in the last group', '3.abcdefghijk'.slice(0, 8)],
  ])('refuses a pack with %s', (_label, packed) => {
    expect(() => unpackText(packed)).toThrow();
  });

  it('base 85 reads back any bytes, in 5 digits per 4 bytes', () => {
    expect(DIGITS85).toHaveLength(85);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase85(bytes);
        expect(text.length).toBe(Math.ceil((bytes.length * 5) / 4));
        expect([...fromBase85(text)]).toEqual([...bytes]);
      }),
    );
  });

  it.each([
    ['ASCII', 'abc', [0x61, 0x62, 0x63]],
    ['a two-byte letter', 'é', [0xc3, 0xa9]],
    ['a pair of surrogates', '😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['a lone surrogate', '\ud800', [0xed, 0xa0, 0x80]],
  ])('encodes %s in UTF-8 like TextEncoder, lone surrogates kept', (_label, text, bytes) => {
    expect([...toWtf8(text)]).toEqual(bytes);
    expect(fromWtf8(Uint8Array.from(bytes))).toBe(text);
  });
});
