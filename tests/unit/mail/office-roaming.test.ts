import { describe, expect, it } from 'vitest';
import { ROAMING_INDEX_KEY, ROAMING_LIMITS, createRoamingArea } from '../../../lib/mail/office/roaming-area';
import { SyncAreaError, classifyAreaError } from '../../../lib/store/sync/area';
import { fail, mockOffice, ok, type Callback } from '../../fixtures/outlook/office-data';

/**
 * roamingSettings as Outlook keeps them: an in-memory copy the add-in edits, and what saveAsync
 * persisted to the mailbox (what another Outlook would load).
 */
function roaming(options: { failSaves?: number } = {}) {
  const memory = new Map<string, unknown>();
  let persisted: Record<string, unknown> = {};
  let failures = options.failSaves ?? 0;
  let saves = 0;
  const settings = {
    get: (name: string) => (memory.has(name) ? structuredClone(memory.get(name)) : undefined),
    set: (name: string, value: unknown) => void memory.set(name, structuredClone(value)),
    remove: (name: string) => void memory.delete(name),
    saveAsync(callback: Callback) {
      saves++;
      // Outlook answers later, never inside the call.
      setTimeout(() => {
        if (failures > 0) {
          failures--;
          return fail(9057, 'GenericSettingsError', 'Settings could not be saved')(callback);
        }
        persisted = Object.fromEntries(memory);
        ok()(callback);
      }, 1);
    },
  };
  const api = mockOffice({ context: { roamingSettings: settings } });
  return { settings: api.context.roamingSettings, persisted: () => persisted, saves: () => saves };
}

describe('createRoamingArea', () => {
  it('stores, reads and removes items, and saves them to the mailbox', async () => {
    const store = roaming();
    const area = createRoamingArea(store.settings);
    expect(await area.get()).toEqual({});
    await area.set({ m: { v: 1, chunks: ['c0', 'c1'] }, c0: 'AAEC', c1: 'AwQF' });
    await area.set({ c1: 'BgcI' });
    expect(await area.get()).toEqual({ m: { v: 1, chunks: ['c0', 'c1'] }, c0: 'AAEC', c1: 'BgcI' });
    await area.remove(['c0', 'absent']);
    expect(await area.get()).toEqual({ m: { v: 1, chunks: ['c0', 'c1'] }, c1: 'BgcI' });
    expect(store.persisted()).toEqual({
      m: { v: 1, chunks: ['c0', 'c1'] },
      c1: 'BgcI',
      [ROAMING_INDEX_KEY]: ['m', 'c1'],
    });
    expect(store.saves()).toBe(3);
  });

  it('does not save when removing keys it does not hold', async () => {
    const store = roaming();
    await createRoamingArea(store.settings).remove(['nothing']);
    expect(store.saves()).toBe(0);
  });

  it.each([
    ['one item over the quota', { big: 'x'.repeat(ROAMING_LIMITS.quotaBytes) }],
    ['items that add up over the quota', { a: 'x'.repeat(20_000), b: 'é'.repeat(7_000) }],
  ])('refuses %s with a quota error and changes nothing', async (_name, items) => {
    const store = roaming();
    const area = createRoamingArea(store.settings);
    await area.set({ kept: 'yes' });
    const error = await area.set(items).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncAreaError);
    expect(error).toMatchObject({
      code: 'quota',
      message: expect.stringMatching(/^QUOTA_BYTES quota exceeded: \d+ bytes needed, 32768 allowed$/),
    });
    // The sync service classifies it as storage.sync's own quota error.
    expect(classifyAreaError(error).code).toBe('quota');
    expect(await area.get()).toEqual({ kept: 'yes' });
    expect(store.saves()).toBe(1);
  });

  it('accepts exactly the quota, counting the key index', async () => {
    const area = createRoamingArea(roaming().settings, { quotaBytes: 100 });
    const sizeOf = (text: string) => JSON.stringify({ k: text, [ROAMING_INDEX_KEY]: ['k'] }).length;
    const fits = 'x'.repeat(100 - sizeOf(''));
    await area.set({ k: fits });
    expect(area.bytesInUse()).toBe(100);
    await expect(area.set({ k: fits + 'x' })).rejects.toMatchObject({ code: 'quota' });
  });

  it('puts the previous values back when saveAsync fails', async () => {
    const store = roaming({ failSaves: 1 });
    const area = createRoamingArea(store.settings);
    await expect(area.set({ a: 1 })).rejects.toMatchObject({
      code: 'unknown',
      message: 'roamingSettings.saveAsync: Settings could not be saved',
    });
    expect(await area.get()).toEqual({});
    await area.set({ a: 2 });
    expect(store.persisted()).toEqual({ a: 2, [ROAMING_INDEX_KEY]: ['a'] });
  });

  it('runs overlapping writes one after the other', async () => {
    const store = roaming();
    const area = createRoamingArea(store.settings);
    await Promise.all([area.set({ a: 1 }), area.set({ b: 2 }), area.remove(['a']), area.set({ c: 3 })]);
    expect(store.persisted()).toEqual({ b: 2, c: 3, [ROAMING_INDEX_KEY]: ['b', 'c'] });
  });

  it('keeps its index key to itself and treats undefined as removal', async () => {
    const area = createRoamingArea(roaming().settings);
    await expect(area.set({ [ROAMING_INDEX_KEY]: [] })).rejects.toThrow('reserved');
    await area.set({ a: 1, b: 2 });
    await area.set({ a: undefined });
    expect(await area.get()).toEqual({ b: 2 });
  });

  it('tells its listeners what its own writes changed, until they unsubscribe', async () => {
    const area = createRoamingArea(roaming().settings);
    const seen: unknown[] = [];
    const unsubscribe = area.onChanged((changes) => seen.push(changes));
    await area.set({ a: 1, b: 2 });
    await area.set({ a: 1, b: 3 });
    await area.remove(['a']);
    unsubscribe();
    await area.set({ c: 4 });
    expect(seen).toEqual([
      { a: { oldValue: undefined, newValue: 1 }, b: { oldValue: undefined, newValue: 2 } },
      { b: { oldValue: 2, newValue: 3 } },
      { a: { oldValue: 1, newValue: undefined } },
    ]);
  });

  it('says the area is unavailable when saveAsync is missing', async () => {
    const settings = { get: () => undefined, set() {}, remove() {} } as unknown as Office.RoamingSettings;
    await expect(createRoamingArea(settings).set({ a: 1 })).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('reads what another Outlook saved (settings loaded with the pane)', async () => {
    const store = roaming();
    store.settings.set(ROAMING_INDEX_KEY, ['m', 'gone', 42]);
    store.settings.set('m', { v: 1 });
    store.settings.set('stranger', 'not ours');
    expect(await createRoamingArea(store.settings).get()).toEqual({ m: { v: 1 } });
  });
});
