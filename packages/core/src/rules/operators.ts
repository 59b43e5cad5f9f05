/**
 * Rules step: the generic operators rule files may use, beyond json-rules-engine's built-in
 * ones (equal, notEqual, in, notIn, contains, doesNotContain, lessThan, ...). Each is a pure,
 * synchronous predicate (factValue, ruleValue) => boolean, registered on every Engine and also
 * used by `where` filters of the list facts. None knows about any particular rule.
 */
import { dateSpan } from '../schema/primitives.js';
import { CHECKSUMS } from './checksums.js';
import { isLongerThan } from './interval.js';
import { MAX_MATCH_INPUT } from './regex-safety.js';

export type OperatorFn = (factValue: unknown, ruleValue: unknown) => boolean;

/** Empty means: absent, null, a blank string, an empty list or an empty mapping. */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

const regexCache = new Map<string, RegExp | null>();
/** A rule's pattern compiled once (`u` flag), or null when it is not a valid pattern. */
export function regex(source: unknown): RegExp | null {
  if (typeof source !== 'string') return null;
  let re = regexCache.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, 'u');
    } catch {
      re = null;
    }
    if (regexCache.size < 1000) regexCache.set(source, re);
  }
  return re;
}

function asArray(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** "HH:MM-HH:MM" -> [startMinutes, endMinutes]. */
export function parseTimeRange(v: unknown): [number, number] | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(v.trim());
  if (!m) return undefined;
  const a = Number(m[1]) * 60 + Number(m[2]);
  const b = Number(m[3]) * 60 + Number(m[4]);
  return a < b ? [a, b] : undefined;
}

function checksumFails(value: unknown, algorithm: unknown): boolean {
  const fn = typeof algorithm === 'string' ? CHECKSUMS[algorithm] : undefined;
  if (!fn || typeof value !== 'string') return false;
  return !fn(value.trim());
}

/** All custom operators by name. */
export const OPERATORS: Readonly<Record<string, OperatorFn>> = {
  /** The value is absent or empty (ruleValue ignored; write `value: true`). */
  missing: (a) => isEmptyValue(a),
  /** The value is present and not empty. */
  present: (a) => !isEmptyValue(a),
  /** Strict equality that also works for lists of scalars (json-rules-engine's `equal` is ===). */
  is: (a, b) => a === b,
  /** Present but not the given value (`nonRetaliation: false`, or a string instead of `true`). */
  presentAndNot: (a, b) => !isEmptyValue(a) && a !== b,
  /** Not exactly the given value, including when absent. */
  isNot: (a, b) => a !== b,
  /** Interval or date span longer than an interval: `"2 months"` vs `"month"`. */
  intervalLongerThan: (a, b) => isLongerThan(a, b),
  /**
   * A date after another (`updated` in the future): every day it can mean is after. A month or a
   * year (`2014-05`, `2014`) is a span of days (dateSpan); invalid dates never compare.
   */
  dateAfter: (a, b) => {
    const x = dateSpan(a);
    const y = dateSpan(b);
    return !!x && !!y && x.first > y.last;
  },
  /** A date before another: every day it can mean is before. */
  dateBefore: (a, b) => {
    const x = dateSpan(a);
    const y = dateSpan(b);
    return !!x && !!y && x.last < y.first;
  },
  /** A list holding at least one of the given values. */
  containsAny: (a, b) => {
    const list = asArray(a);
    const wanted = asArray(b);
    return !!list && !!wanted && list.some((x) => wanted.includes(x));
  },
  /** A list (possibly absent) holding none of the given values. */
  containsNone: (a, b) => {
    const wanted = asArray(b) ?? [];
    const list = asArray(a) ?? [];
    return !list.some((x) => wanted.includes(x));
  },
  /**
   * A string matching a regular expression (given as a string). Patterns that can backtrack
   * super-linearly are refused when a rule file is read (regex-safety.ts); and a value longer
   * than MAX_MATCH_INPUT characters is not matched at all, so no pattern runs long on one value.
   */
  matches: (a, b) => typeof a === 'string' && a.length <= MAX_MATCH_INPUT && !!regex(b)?.test(a),
  /** A string not matching a regular expression; a value over MAX_MATCH_INPUT characters has no pattern's form. */
  notMatches: (a, b) => typeof a === 'string' && (a.length > MAX_MATCH_INPUT || !regex(b)?.test(a)),
  /** A string whose check character fails the named algorithm (`y-tunnus`, `henkilotunnus`). */
  failsChecksum: (a, b) => checksumFails(a, b),
  /** A string whose check character passes the named algorithm. */
  passesChecksum: (a, b) => typeof a === 'string' && typeof b === 'string' && !!CHECKSUMS[b] && !checksumFails(a, b),
  /** A time range "HH:MM-HH:MM" that lies inside another. */
  timeRangeWithin: (a, b) => {
    const x = parseTimeRange(a);
    const y = parseTimeRange(b);
    return !!x && !!y && x[0] >= y[0] && x[1] <= y[1];
  },
  /** A valid time range that does not lie inside another (or the other is absent: closed). */
  timeRangeOutside: (a, b) => {
    const x = parseTimeRange(a);
    if (!x) return false;
    const y = parseTimeRange(b);
    return !y || x[0] < y[0] || x[1] > y[1];
  },
  /** A number outside an inclusive range `[min, max]`. */
  outsideRange: (a, b) => {
    const r = asArray(b);
    return typeof a === 'number' && !!r && (a < Number(r[0]) || a > Number(r[1]));
  },
  /** Numbers that are both present and differ (a sum against a total). */
  numberDiffers: (a, b) => typeof a === 'number' && typeof b === 'number' && a !== b,
  /** A number greater than another number, both present. */
  numberExceeds: (a, b) => typeof a === 'number' && typeof b === 'number' && a > b,
};

/** json-rules-engine's own operators, which rule files may use as well. */
export const ENGINE_OPERATORS = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;

/** Every operator name a rule file may use. */
export const KNOWN_OPERATORS: readonly string[] = [...ENGINE_OPERATORS, ...Object.keys(OPERATORS)];
