/**
 * Schema step: the value shapes shared by both kinds (dates, intervals, identifiers).
 */
import { z } from 'zod';
import { described } from './meta.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when `s` is an ISO calendar date that exists (2026-02-30 does not). */
export function isIsoDate(s: string): boolean {
  // Arithmetic, not Date: this runs for every date in every plan and rule condition.
  if (!DATE_RE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

/** `"<n> <unit>"` or `"<unit>"`, unit day(s) | week(s) | month(s) | year(s). */
export const INTERVAL_RE = /^(?:([1-9]\d{0,3}) +)?(day|week|month|year)s?$/;

/**
 * Issue messages that name a format; the schema step turns them into localised messages
 * (`badDate`, `badInterval`, `badTimeRange`) instead of zod's English text.
 */
export const FORMAT_TOKENS = ['laatuvahti:badDate', 'laatuvahti:badInterval', 'laatuvahti:badTimeRange'] as const;

export const isoDate = () => z.string().refine(isIsoDate, { message: 'laatuvahti:badDate' });

export const interval = () => z.string().regex(INTERVAL_RE, { message: 'laatuvahti:badInterval' });

export const nonEmptyText = () => z.string();

export const businessId = () =>
  described(
    z.string(),
    'Y-tunnus muodossa 1234567-1 (tarkistemerkki tarkistetaan).',
    'FO-nummer i formen 1234567-1 (kontrolltecknet kontrolleras).',
    'Finnish business ID (Y-tunnus) in the form 1234567-1; its check digit is validated.',
  );
