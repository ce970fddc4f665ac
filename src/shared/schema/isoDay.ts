/** A calendar day written as ISO 8601 "YYYY-MM-DD" (2026-02-30 is not one). */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days already checked (a reconcile asks about the same few thousand days again and again). */
const checked = new Map<string, boolean>();

export function isIsoDay(value: string): boolean {
  if (typeof value !== 'string' || value.length !== 10) return false;
  let known = checked.get(value);
  if (known === undefined) {
    known = checkIsoDay(value);
    if (checked.size < 100_000) checked.set(value, known);
  }
  return known;
}

function checkIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
