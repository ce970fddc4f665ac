/**
 * The shape an emulated class promises: the named methods of the real Apps Script interface.
 * Only the names are tied to the real interface (`K extends keyof T`); parameter and return types
 * are the emulator's own, because the emulated classes return each other (EmuSheet, not Sheet).
 * The interfaces test checks the other direction: no public member the real class lacks.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Mirror<T, K extends keyof T> = { [P in K]: (...args: any[]) => unknown };
