/**
 * ISO 8601 durations for the scenario's `advance` step: P31D, PT1H, P1DT2H30M, PT90S, P2W.
 * Months and years are refused: their length depends on the date, so say it in days.
 */
const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function parseDuration(text: string): number {
  const m = PATTERN.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) {
    throw new Error(
      `"${text}" is not an ISO 8601 duration in weeks, days, hours, minutes or seconds (e.g. P31D, PT1H)`,
    );
  }
  const [, w, d, h, min, s] = m;
  const n = (x: string | undefined) => (x ? Number(x) : 0);
  return ((((n(w) * 7 + n(d)) * 24 + n(h)) * 60 + n(min)) * 60 + n(s)) * 1000;
}
