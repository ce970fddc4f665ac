/** Cells written by the tracker go through the formula-injection rule (domain/formula-text.ts). */
import { neutralizeFormula } from '../domain/formula-text';

export { neutralizeFormula };

/** A block of values ready for setValues: every string neutralized. */
export function neutralizeBlock(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) => row.map(neutralizeFormula));
}
