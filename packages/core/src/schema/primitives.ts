/**
 * Schema step: the value shapes shared by both kinds (dates, intervals, identifiers).
 */
import { z } from 'zod';
import { described } from './meta.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number of days of month `m` (1-12) of year `y`, leap years' February included. */
function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!;
}

/** True when `s` is an ISO calendar date that exists (2026-02-30 does not). */
export function isIsoDate(s: string): boolean {
  // Arithmetic, not Date: this runs for every date in every plan and rule condition.
  if (!DATE_RE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

const YEAR_RE = /^\d{4}$/;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The days a date as precise as a document gives it can mean: a day (2014-05-20) is one day,
 * a month (2014-05) or a year (2014, also as a YAML number) every day of it. Undefined for
 * anything else. Date comparisons use the whole span, so a plan dated "2014" is before
 * 2024-01-01 but neither before nor after 2014-06-01.
 */
export function dateSpan(v: unknown): { first: string; last: string } | undefined {
  const s = typeof v === 'number' && Number.isInteger(v) ? String(v) : v;
  if (typeof s !== 'string') return undefined;
  if (isIsoDate(s)) return { first: s, last: s };
  if (YEAR_RE.test(s)) return { first: `${s}-01-01`, last: `${s}-12-31` };
  if (MONTH_RE.test(s)) return { first: `${s}-01`, last: `${s}-${daysInMonth(Number(s.slice(0, 4)), Number(s.slice(5, 7)))}` };
  return undefined;
}

/** `"<n> <unit>"` or `"<unit>"`, unit day(s) | week(s) | month(s) | year(s). */
export const INTERVAL_RE = /^(?:([1-9]\d{0,3}) +)?(day|week|month|year)s?$/;

/**
 * Issue messages that name a format; the schema step turns them into localised messages
 * (`badDate`, `badDocumentDate`, `badInterval`, `badTimeRange`) instead of zod's English text.
 */
export const FORMAT_TOKENS = ['laatuvahti:badDate', 'laatuvahti:badDocumentDate', 'laatuvahti:badInterval', 'laatuvahti:badTimeRange'] as const;

export const isoDate = () => z.string().refine(isIsoDate, { message: 'laatuvahti:badDate' });

/**
 * A document's own date (`updated`): a day, or only the month or year when the document gives
 * no day (a plan titled "omavalvontasuunnitelma 2014"), so a conversion need not invent one.
 */
export const documentDate = () =>
  z.union([
    z.string().refine((s) => dateSpan(s) !== undefined, { message: 'laatuvahti:badDocumentDate' }),
    z.number().int().min(1000).max(9999),
  ]);

export const interval = () => z.string().regex(INTERVAL_RE, { message: 'laatuvahti:badInterval' });

export const nonEmptyText = () => z.string();

export const businessId = () =>
  described(
    z.string(),
    'Y-tunnus muodossa 1234567-1 (tarkistemerkki tarkistetaan).',
    'FO-nummer i formen 1234567-1 (kontrolltecknet kontrolleras).',
    'Finnish business ID (Y-tunnus) in the form 1234567-1; its check digit is validated.',
  );
