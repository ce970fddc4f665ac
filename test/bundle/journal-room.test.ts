/**
 * A journal goes in pieces into the document properties when the store has room for it
 * (src/sheets/journal.ts `journalFor`), else into `_Shadow`'s journal column: one setValues more.
 * The room is counted without the journal the store holds already, since the commit's one property
 * write replaces it (src/sheets/document.ts): a commit after one whose journal fitted fits too.
 */
import type { Emulator } from '../../emulator/harness';
import { STORE_BUDGET_BYTES } from '../../src/sheets/document';
import { JOURNAL_PROPERTY, byteLength } from '../../src/sheets/journal';
import { JOURNAL_COLUMN } from '../../src/sheets/schema';
import { rangesWritten } from '../support/ranges-read';
import { OWNER, tracker } from './commissions-fixture';

const props = (emu: Emulator) =>
  emu.rt.uncounted(() =>
    (
      emu.services.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService
    ).getDocumentProperties(),
  );

/** A hundred rates of one month: a journal of some tens of KB (the Settings rows and their audit). */
const rates = (month: string, seed: number) =>
  Array.from({ length: 100 }, (_, i) => ({
    date: `2026-${month}-${String((i % 28) + 1).padStart(2, '0')}`,
    currency: ['EUR', 'GBP', 'JPY', 'CHF'][Math.floor(i / 28) % 4],
    rate: (1 + seed + i / 1000).toFixed(4),
  }));

const journalBytes = (all: Record<string, string>) =>
  Object.entries(all)
    .filter(([key]) => key === JOURNAL_PROPERTY || key.startsWith(`${JOURNAL_PROPERTY}.`))
    .reduce((sum, [, value]) => sum + byteLength(value), 0);

describe('the room a journal needs in the document properties', () => {
  it('does not count the stored journal the same property write replaces', () => {
    const emu = tracker();
    emu.call(OWNER, 'saveExchangeRates', rates('01', 0));
    const first = props(emu).getProperties();
    const marker = JSON.parse(first[JOURNAL_PROPERTY]) as { pieces?: number };
    expect(marker.pieces).toBeGreaterThan(1); // in pieces: more than one property holds it
    const journal = journalBytes(first);
    // Filler leaves room for one and a half such journals besides it: not for two.
    const others = byteLength(JSON.stringify(first)) - journal;
    let filler = STORE_BUDGET_BYTES - others - Math.round(journal * 1.5);
    const store = props(emu);
    for (let i = 0; filler > 200; i++) {
      const size = Math.min(8_000, filler - 100);
      emu.rt.uncounted(() => store.setProperty(`other.tool.${i}`, 'x'.repeat(size)));
      filler -= size + 40;
    }
    const writes = rangesWritten(() => emu.call(OWNER, 'saveExchangeRates', rates('02', 1)));
    const after = props(emu).getProperties();
    expect(JSON.parse(after[JOURNAL_PROPERTY])).toMatchObject({ pieces: expect.any(Number) });
    // (no write to the shadow sheet's journal column: the Settings rows' shadow is written, as always)
    expect(writes.filter((w) => w.sheet === '_Shadow' && w.col === JOURNAL_COLUMN)).toEqual([]);
    expect(emu.sheets().Settings.flat()).toContain('1.0990');
  });
});
