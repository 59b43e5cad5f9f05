/**
 * Rules step, helper: check-character algorithms for Finnish identifiers (the Y-tunnus's
 * weighted mod-11 check digit, the henkilötunnus's mod-31 control character). Named so that rule
 * files can ask for them as data: `operator: failsChecksum, value: y-tunnus`.
 */

const BUSINESS_ID_RE = /^(\d{7})-(\d)$/;
const BUSINESS_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/** Y-tunnus (FO-nummer): 7 digits, hyphen, check digit; weighted sum mod 11, remainder 1 never issued. */
export function isValidBusinessId(value: string): boolean {
  const m = BUSINESS_ID_RE.exec(value);
  if (!m) return false;
  const digits = m[1]!;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * BUSINESS_ID_WEIGHTS[i]!;
  const r = sum % 11;
  if (r === 1) return false;
  return Number(m[2]) === (r === 0 ? 0 : 11 - r);
}

const PERSONAL_ID_RE = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-FHJ-NPR-Y])$/;
const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY: Record<string, number> = { '+': 1800, '-': 1900, U: 1900, V: 1900, W: 1900, X: 1900, Y: 1900, A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000 };

/** Henkilötunnus (personbeteckning): century sign, real date, individual number ≥ 002, check character. */
export function isValidPersonalId(value: string): boolean {
  const m = PERSONAL_ID_RE.exec(value);
  if (!m) return false;
  const [, dd, mm, yy, sign, nnn, check] = m as unknown as [string, string, string, string, string, string, string];
  const year = CENTURY[sign]! + Number(yy);
  const date = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) return false;
  if (Number(nnn) < 2) return false;
  return CHECK_CHARS[Number(dd + mm + yy + nnn) % 31] === check;
}

/** The checksum algorithms rule files may name. */
export const CHECKSUMS: Readonly<Record<string, (value: string) => boolean>> = {
  'y-tunnus': isValidBusinessId,
  henkilotunnus: isValidPersonalId,
};

/**
 * Masks all but the first `keep` characters: `150385-9024` -> `150385-****`. Used for any
 * identifier that must never be printed in full.
 */
export function maskIdentifier(value: string, keep = 7): string {
  return value.slice(0, keep) + '*'.repeat(Math.max(0, value.length - keep));
}

/**
 * Finds identity-code-shaped tokens (any century sign, any checksum),
 * also when letters are glued to them (`Hetu120468-937R`, `asiakas120468-937R.yaml`): a
 * person reads the code there all the same. Only a longer run of digits on either side makes it
 * something else (an account or a serial number). The rule personal-id-in-public-document uses
 * the same pattern.
 */
export const PERSONAL_ID_SCAN_RE = /(?<![0-9])\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Za-z](?![0-9])/g;

/**
 * Replaces every identity-code-shaped token in `text` by its masked form (`150385-****`),
 * codes glued to letters included: the one helper for any text that leaves the program
 * (messages, file names, symbols, logs).
 */
export function redactPersonalIds(text: string): string {
  return text.replace(PERSONAL_ID_SCAN_RE, (m) => maskIdentifier(m));
}
