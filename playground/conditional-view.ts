/**
 * Conditional formats as Sheets draws them: for each custom-formula rule of a sheet (set-up's stale
 * and expiring highlights, the status colours), the formula is evaluated for each drawn cell of its
 * ranges (relative references shifted, TODAY() on the simulated clock) and the first rule that holds
 * gives the cell its background, over the cell's own.
 */
import type { Emulator } from '../emulator/harness';
import { evaluateFormula, evaluateRows, shiftFormula } from '../emulator/spreadsheet/formulas';
import { docOf } from '../emulator/spreadsheet/spreadsheet';

export function conditionalBackgrounds(emu: Emulator, name: string, rows: number, cols: number): string[][] {
  const out = Array.from({ length: rows }, () => new Array<string>(cols).fill(''));
  const doc = docOf(emu.spreadsheet);
  const sheet = doc.sheets.find((s) => s.name === name);
  if (!sheet) return out;
  const today = emu.rt.now();
  const lastRow = Math.min(rows, sheet.lastRow());
  for (const rule of sheet.conditionalRules) {
    const background = rule.format.background;
    const formula = rule.condition.values[0];
    if (rule.condition.type !== 'CUSTOM_FORMULA' || !background || typeof formula !== 'string') continue;
    for (const anchor of rule.anchors) {
      if (anchor.gone || anchor.sheet !== sheet) continue;
      const last = Math.min(anchor.row + anchor.numRows - 1, lastRow);
      if (last < anchor.row) continue;
      // Every row in one evaluation where the formula allows it, else one evaluation per row.
      const rowsHeld =
        evaluateRows(doc, sheet, formula, last - anchor.row + 1, today) ??
        Array.from(
          { length: last - anchor.row + 1 },
          (_, i) => evaluateFormula(doc, sheet, shiftFormula(formula, i, 0), today) === true,
        );
      for (let r = anchor.row; r <= last; r++) {
        if (!rowsHeld[r - anchor.row]) continue;
        const right = Math.min(anchor.col + anchor.numCols - 1, cols);
        for (let c = anchor.col; c <= right; c++) if (!out[r - 1][c - 1]) out[r - 1][c - 1] = background;
      }
    }
  }
  return out;
}
