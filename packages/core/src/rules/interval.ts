/**
 * Rules step, helper: intervals (`"2 weeks"`, `"month"`) and calendar arithmetic on ISO dates,
 * used by the interval and date-age operators.
 */
import { INTERVAL_RE, isIsoDate } from '../schema/primitives.js';

export type IntervalUnit = 'day' | 'week' | 'month' | 'year';
export interface Interval {
  count: number;
  unit: IntervalUnit;
}

/** A span between two dates, e.g. from the last feedback round to today. */
export interface DateSpan {
  from: string;
  to: string;
}

/** Parses `"2 weeks"` / `"month"`; undefined for anything else. */
export function parseInterval(value: unknown): Interval | undefined {
  if (typeof value !== 'string') return undefined;
  const m = INTERVAL_RE.exec(value.trim());
  if (!m) return undefined;
  return { count: m[1] ? Number(m[1]) : 1, unit: m[2] as IntervalUnit };
}

const DAYS_PER: Record<IntervalUnit, number> = { day: 1, week: 7, month: 365.2425 / 12, year: 365.2425 };

/** Length of an interval in days, months and years counted at their average length. */
export function intervalDays(i: Interval): number {
  return i.count * DAYS_PER[i.unit];
}

/** Adds an interval to an ISO date with calendar semantics (Jan 31 + 1 month = Feb 28/29). */
export function addInterval(date: string, i: Interval): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (i.unit === 'day' || i.unit === 'week') {
    const t = Date.UTC(y, m - 1, d) + (i.unit === 'day' ? i.count : i.count * 7) * 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  }
  const months = i.unit === 'month' ? i.count : i.count * 12;
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const lastDay = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** True for `{from, to}` with two valid ISO dates. */
export function isDateSpan(value: unknown): value is DateSpan {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as DateSpan).from === 'string' && typeof (value as DateSpan).to === 'string' &&
    isIsoDate((value as DateSpan).from) && isIsoDate((value as DateSpan).to)
  );
}

/**
 * True when `left` (an interval or a date span) is longer than the interval `right`.
 * A span is longer when `from + right` falls before `to`. Unparsable input is never "longer":
 * the schema step already reports it, and a rule should not pile a second finding on it.
 */
export function isLongerThan(left: unknown, right: unknown): boolean {
  const limit = parseInterval(right);
  if (!limit) return false;
  if (isDateSpan(left)) return addInterval(left.from, limit) < left.to;
  const value = parseInterval(left);
  if (!value) return false;
  return intervalDays(value) > intervalDays(limit) + 1e-9;
}
