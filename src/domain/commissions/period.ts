/** The period a day falls in, for bands and threshold bonuses: key "2026-Q1" / "2026", label "Q1 2026". */
import { quarterOf } from '../dates';
import type { PlanPeriod } from '../../shared/schema/plan';

export interface Period {
  readonly key: string;
  readonly label: string;
}

export function periodOf(day: string, period: PlanPeriod): Period {
  const { year, quarter } = quarterOf(day);
  if (period === 'year') return { key: String(year), label: String(year) };
  return { key: `${year}-Q${quarter}`, label: `Q${quarter} ${year}` };
}
