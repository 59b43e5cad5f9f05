/**
 * Data in: a plan held as a plain object (from `JSON.parse`, or a database row mapper) -> the
 * YAML text the check reads. The check then runs on that text exactly as on a file, so data and
 * text get the same findings from one pipeline; its findings already carry data paths, and a
 * finding known only by its place in the text (a text scan) gets the path of the value it lies in.
 */
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { formatPath } from './rules/data-path.js';
import type { DataPath } from './types.js';

/** A value `checkData` cannot take, with the data path where it was found. */
export class PlanDataError extends TypeError {
  constructor(
    message: string,
    /** Where in the value, as a data path (`unit.premises` or `[]` for the value itself). */
    readonly path: DataPath,
  ) {
    super(message);
    this.name = 'PlanDataError';
  }
}

/**
 * The plan as YAML text. Plain objects, arrays, strings, finite numbers, booleans and null are
 * taken as they are; a `Date` becomes its calendar day (`YYYY-MM-DD`, the format's dates), and an
 * `undefined` property is left out, as `JSON.stringify` does. Anything else (a function, a
 * bigint, a Map, a class instance, a cycle) throws a `PlanDataError` naming its path: a plan's
 * data that cannot be written down must not be checked as something else.
 */
export function planDataText(value: unknown): string {
  const plain = toPlainData(value, [], new Set());
  // lineWidth 0: no folding of long prose, so each string is one scalar the reader takes back as is.
  return new Document(plain, { version: '1.2' }).toString({ lineWidth: 0 });
}

function toPlainData(value: unknown, path: DataPath, seen: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new PlanDataError(`${where(path)} is ${value}, which a plan cannot hold (use a finite number or leave it out)`, path);
    return value;
  }
  if (value instanceof Date) return calendarDay(value, path);
  if (typeof value !== 'object') {
    const what = value === undefined ? 'undefined' : `a ${typeof value}`;
    throw new PlanDataError(`${where(path)} is ${what}; plan data holds only objects, arrays, strings, numbers, booleans, null and dates`, path);
  }
  if (seen.has(value)) throw new PlanDataError(`${where(path)} refers back to a value that contains it (a cycle)`, path);
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item, i) => (item === undefined ? null : toPlainData(item, [...path, i], seen)));
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new PlanDataError(`${where(path)} is a ${name}; plan data holds only plain objects (convert it first, e.g. Object.fromEntries for a Map)`, path);
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = toPlainData(item, [...path, key], seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * The calendar day a date stands for. Database drivers hand a DATE column over in two ways:
 * as midnight UTC (JSON, Prisma) or as midnight in the process's time zone (pg, mysql2). A date
 * at midnight UTC is taken as that day; any other as the day it falls on locally, which is
 * also what a timestamp from the same server means to its users.
 */
function calendarDay(date: Date, path: DataPath): string {
  if (Number.isNaN(date.getTime())) throw new PlanDataError(`${where(path)} is an invalid Date`, path);
  const utcMidnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
  const [y, m, d] = utcMidnight ? [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()] : [date.getFullYear(), date.getMonth(), date.getDate()];
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function where(path: DataPath): string {
  return path.length === 0 ? 'the plan' : `the value at ${formatPath(path)}`;
}

/**
 * Finds the data path of the innermost value whose text contains `offset`, in the text made by
 * `planDataText`: the place of a finding that only a text scan could give. `pathFinder(text)`
 * parses once for all the findings of a check (the text has no duplicate keys to look for: it
 * was written from an object).
 */
export function pathFinder(text: string): (offset: number) => DataPath {
  let doc: Document.Parsed | undefined;
  return (offset) => pathIn((doc ??= parseDocument(text, { keepSourceTokens: false, uniqueKeys: false })).contents, offset);
}

/** One offset's path (see `pathFinder`). */
export function pathAtOffset(text: string, offset: number): DataPath {
  return pathFinder(text)(offset);
}

function pathIn(contents: unknown, offset: number): DataPath {
  const path: (string | number)[] = [];
  let node: unknown = contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && contains(p.value as Node | null, offset));
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => contains(item as Node | null, offset));
      if (i < 0) return path;
      path.push(i);
      node = node.items[i];
    } else {
      return path;
    }
  }
}

function contains(node: Node | null, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset < node.range[1];
}
