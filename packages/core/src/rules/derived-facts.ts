/**
 * Rules step: facts computed on demand from a condition's `params`: counts and sums over lists,
 * the values at a path, the span between two dates, and a row of reference data. Paths in params
 * are scope expressions: a run fact's name (`doc`, `item`, `previous`, `today`, `options`) followed
 * by a path, e.g. `doc.services[*].producer.kind`.
 */
import type { Almanac } from 'json-rules-engine';
import { isIsoDate } from '../schema/primitives.js';
import { getAt, parsePath, WILDCARD } from './data-path.js';
import { OPERATORS, regex, type OperatorFn } from './operators.js';
import { MAX_MATCH_INPUT } from './regex-safety.js';
import { RUN_FACTS, type ReferenceFile } from './rule-schema.js';

type Handler = (params: Record<string, unknown>, almanac: Almanac, references: ReadonlyMap<string, ReferenceFile>) => Promise<unknown>;

/** Reads a scope expression such as `doc.services` or `item.every` from the run's context fact. */
export async function readScope(expr: unknown, almanac: Pick<Almanac, 'factValue'>): Promise<unknown> {
  if (typeof expr !== 'string') return undefined;
  const segments = parsePath(expr);
  const base = segments[0];
  if (typeof base !== 'string' || !(RUN_FACTS as readonly string[]).includes(base)) return undefined;
  const ctx = await almanac.factValue('ctx');
  return getAt(ctx, segments);
}

/** Like `readScope`, but a wildcard path yields `undefined` for items that lack the field. */
async function readScopeKeepingMissing(expr: unknown, almanac: Pick<Almanac, 'factValue'>): Promise<unknown> {
  if (typeof expr !== 'string') return undefined;
  const segments = parsePath(expr);
  const star = segments.indexOf(WILDCARD);
  if (star === -1) return readScope(expr, almanac);
  const ctx = await almanac.factValue('ctx');
  const list = getAt(ctx, segments.slice(0, star));
  if (!Array.isArray(list)) return [];
  const rest = segments.slice(star + 1);
  return list.map((item) => (rest.length ? getAt(item, rest) : item));
}

/** json-rules-engine's built-in comparisons, for `where` filters (which run outside the engine). */
const BUILTIN: Readonly<Record<string, OperatorFn>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => Array.isArray(b) && b.includes(a),
  notIn: (a, b) => Array.isArray(b) && !b.includes(a),
  contains: (a, b) => Array.isArray(a) && a.includes(b),
  doesNotContain: (a, b) => Array.isArray(a) && !a.includes(b),
  lessThan: (a, b) => typeof a === 'number' && typeof b === 'number' && a < b,
  lessThanInclusive: (a, b) => typeof a === 'number' && typeof b === 'number' && a <= b,
  greaterThan: (a, b) => typeof a === 'number' && typeof b === 'number' && a > b,
  greaterThanInclusive: (a, b) => typeof a === 'number' && typeof b === 'number' && a >= b,
};

interface WhereClause {
  path?: string;
  operator: string;
  value?: unknown;
}

/** True when `item` satisfies every clause of a `where` filter. */
function matchesWhere(item: unknown, where: unknown): boolean {
  if (!Array.isArray(where)) return true;
  return where.every((clause: WhereClause) => {
    const op = OPERATORS[clause.operator] ?? BUILTIN[clause.operator];
    if (!op) return false;
    const v = clause.path ? getAt(item, clause.path) : item;
    return op(v, clause.value);
  });
}

/**
 * The list at `params.path`, filtered by `where`; `select` then picks a field of each item
 * (e.g. the names of the client groups in rehabilitation).
 */
async function listAt(params: Record<string, unknown>, almanac: Almanac): Promise<unknown[]> {
  const value = params.keepMissing === true ? await readScopeKeepingMissing(params.path, almanac) : await readScope(params.path, almanac);
  const list = Array.isArray(value) ? value : [];
  const kept = params.where ? list.filter((x) => matchesWhere(x, params.where)) : list;
  if (typeof params.select !== 'string') return kept;
  const select = params.select;
  return kept.map((x) => getAt(x, select)).filter((x) => x !== undefined);
}

/** The derived facts by name. */
export const DERIVED_FACT_HANDLERS: Readonly<Record<string, Handler>> = {
  /** `{path, where?}`: how many items of the list at `path` match `where` (0 when absent). */
  countOf: async (params, almanac) => (await listAt(params, almanac)).length,
  /** `{path}`: the sum of the numbers at `path` (a wildcard path); undefined if any is not a number. */
  sumOf: async (params, almanac) => {
    // Items that lack the number count as "not a number": a partial sum would mislead.
    const list = await listAt({ ...params, keepMissing: true }, almanac);
    if (list.length === 0 || !list.every((x) => typeof x === 'number')) return undefined;
    return (list as number[]).reduce((a, b) => a + b, 0);
  },
  /** `{path, where?, select?}`: the values at a path, e.g. every responsible person's id. */
  valuesOf: async (params, almanac) => listAt(params, almanac),
  /** `{from, to}`: a date span between two dates (undefined unless both are valid dates). */
  span: async (params, almanac) => {
    const from = await readScope(params.from, almanac);
    const to = await readScope(params.to, almanac);
    return typeof from === 'string' && typeof to === 'string' && isIsoDate(from) && isIsoDate(to) ? { from, to } : undefined;
  },
  /**
   * `{path, pattern, with}`: the string at `path` with every match of `pattern` replaced by
   * `with` (undefined unless it is a string and the pattern matches), e.g. a business ID typed
   * with an en dash written with a hyphen, to offer as a fix.
   */
  replaced: async (params, almanac) => {
    const value = await readScope(params.path, almanac);
    const re = regex(params.pattern);
    // Bounded like `matches` (operators.ts): a value that long is no identifier to correct.
    if (typeof value !== 'string' || value.length > MAX_MATCH_INPUT || !re || typeof params.with !== 'string' || !re.test(value)) return undefined;
    return value.replace(new RegExp(re.source, 'gu'), params.with);
  },
  /** `{table, where: {column: expr}}`: the first reference row whose columns equal the values. */
  lookup: async (params, almanac, references) => {
    const table = typeof params.table === 'string' ? references.get(params.table) : undefined;
    if (!table) return undefined;
    const where = (params.where ?? {}) as Record<string, unknown>;
    const wanted: [string, string][] = [];
    for (const [column, expr] of Object.entries(where)) {
      const v = await readScope(expr, almanac);
      if (v === undefined || v === null) return undefined;
      wanted.push([column, normalise(v)]);
    }
    return table.rows.find((row) => wanted.every(([c, v]) => normalise(row[c]) === v));
  },
};

/** Compares reference keys loosely on case and spacing ("27 e" = "27e" = "27 E"). */
function normalise(v: unknown): string {
  return String(v ?? '').toLowerCase().replace(/\s+/g, '');
}
