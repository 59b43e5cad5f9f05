/**
 * Schema step: zod issues -> findings on data paths (`schema-type`, `schema-unknown-key`), each
 * with a localisable message id, placeholder data, and a "did you mean" where one is close.
 */
import type { z } from 'zod';
import type { DataPath, DiagnosticFix } from '../types.js';
import { closest } from '../suggest.js';
import { formatPath, getAt } from '../rules/data-path.js';
import { FORMAT_TOKENS } from './primitives.js';

/**
 * YAML 1.1's merge key. Plans are read with merge keys off (their expansion is a known
 * denial-of-service vector), so `<<` is an ordinary, unknown key whose merged keys the rules do
 * not see; it gets a message that says so instead of a "did you mean".
 */
const MERGE_KEY = '<<';

/** A schema problem, still on a data path. */
export interface ShapeFinding {
  ruleId: 'schema-type' | 'schema-unknown-key';
  messageId: string;
  data: Record<string, unknown>;
  path: DataPath;
  anchor: 'key' | 'value';
  suggestion?: string;
  fix?: DiagnosticFix;
}

type ZodInternals = { _zod: { def: Record<string, unknown> & { type: string } } };

/** Removes optional / nullable / default / readonly / lazy / pipe wrappers. */
export function unwrapSchema(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema as unknown as ZodInternals | undefined;
  for (let i = 0; s && i < 20; i++) {
    const def = s._zod.def;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'readonly') s = def.innerType as ZodInternals;
    else if (def.type === 'lazy') s = (def.getter as () => ZodInternals)();
    else if (def.type === 'pipe') s = def.in as ZodInternals;
    else break;
  }
  return s as unknown as z.ZodType | undefined;
}

function unwrap(schema: unknown): ZodInternals | undefined {
  return unwrapSchema(schema as z.ZodType | undefined) as unknown as ZodInternals | undefined;
}

/** The schema node at a data path (list indices step into the element schema). */
export function schemaAt(schema: z.ZodType, path: DataPath): z.ZodType | undefined {
  let s: ZodInternals | undefined = schema as unknown as ZodInternals;
  for (const seg of path) {
    const u = unwrap(s);
    if (!u) return undefined;
    const def = u._zod.def;
    if (def.type === 'object' && typeof seg === 'string') s = (def.shape as Record<string, ZodInternals>)[seg];
    else if (def.type === 'array') s = def.element as ZodInternals;
    else if (def.type === 'union') {
      // Take the first branch that knows the key (the price union's branches share no key).
      s = (def.options as ZodInternals[]).map((o) => schemaAt(o as unknown as z.ZodType, [seg]) as unknown as ZodInternals).find(Boolean);
    } else return undefined;
  }
  return s as unknown as z.ZodType | undefined;
}

/** The keys an object schema knows (through wrappers and unions). */
export function knownKeys(schema: z.ZodType | undefined): string[] {
  const u = unwrap(schema);
  if (!u) return [];
  const def = u._zod.def;
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'union') return [...new Set((def.options as z.ZodType[]).flatMap(knownKeys))];
  return [];
}

/** The allowed values of an enum or literal schema (through wrappers). */
export function enumValues(schema: z.ZodType | undefined): string[] {
  const u = unwrap(schema);
  if (!u) return [];
  const def = u._zod.def;
  if (def.type === 'enum') return Object.values(def.entries as Record<string, string>);
  if (def.type === 'literal') return (def.values as unknown[]).map(String);
  return [];
}

/**
 * At most this many shape findings are reported one by one; the rest are counted in one
 * finding after them (`moreShapeFindings`). A pasted export with 100,000 stray keys would
 * otherwise be 100,000 findings: no one reads them, an editor shows at most 1,000 per file,
 * and every one is located, formatted and sent.
 */
export const MAX_SHAPE_FINDINGS = 200;

/** Shape findings cut to a limit, with a count of the rest. */
export interface CappedShapeFindings {
  findings: ShapeFinding[];
  /** How many findings past the limit are not in `findings`. */
  omitted: number;
  /** The most serious rule among the omitted ones (`schema-type`, an error, before unknown keys). */
  omittedRuleId?: ShapeFinding['ruleId'];
  /** The path of the first omitted finding, where the count is shown. */
  omittedPath?: DataPath;
}

/** Validates `value` against `schema`; returns findings in document order of their paths. */
export function validateShape(schema: z.ZodType, value: unknown): ShapeFinding[] {
  return validateShapeCapped(schema, value, Infinity).findings;
}

/**
 * `validateShape` that builds at most `limit` findings and counts the rest without working
 * them out (no "did you mean" search, no objects), so its cost past the limit is a count.
 */
export function validateShapeCapped(schema: z.ZodType, value: unknown, limit = MAX_SHAPE_FINDINGS): CappedShapeFindings {
  // Without zod's generated object parsers: generating and compiling them (new Function) made
  // the first check of a process 7 ms slower on a 1,000-line plan, and once warm they save
  // only 0.04 ms there. A per-call option, so an importing system's own zod use is untouched.
  const result = schema.safeParse(value, { jitless: true });
  const out = new ShapeSink(limit);
  if (!result.success) for (const issue of result.error.issues) collectIssue(schema, value, issue as Issue, out);
  return out;
}

/** Findings up to a limit, then a count. */
class ShapeSink implements CappedShapeFindings {
  readonly findings: ShapeFinding[] = [];
  omitted = 0;
  omittedRuleId?: ShapeFinding['ruleId'];
  omittedPath?: DataPath;

  constructor(private readonly limit: number) {}

  get full(): boolean {
    return this.findings.length >= this.limit;
  }

  push(f: ShapeFinding): void {
    if (this.full) this.skip(1, f.ruleId, f.path);
    else this.findings.push(f);
  }

  /** Counts findings that are not built. The count carries the worst rule it stands for (`schema-type` is an error), so a capped error still fails the gate. */
  skip(count: number, ruleId: ShapeFinding['ruleId'], path: DataPath): void {
    if (this.omitted === 0) this.omittedPath = path;
    this.omitted += count;
    if (this.omittedRuleId !== 'schema-type') this.omittedRuleId = ruleId;
  }
}

type Issue = z.core.$ZodIssue & { path: PropertyKey[] };

function collectIssue(root: z.ZodType, value: unknown, issue: Issue, out: ShapeSink): void {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  // A list element is named with its list: `findings[0]`, not `0`.
  const key = typeof path[path.length - 1] === 'number' ? formatPath(path.slice(-2)) : String(path[path.length - 1] ?? '');
  const actual = getAt(value, path);
  const parentValue = getAt(value, path.slice(0, -1));
  if (actual === undefined && path.length > 0 && issue.code !== 'unrecognized_keys' && isPlainObject(parentValue)) {
    // A required key is absent (zod says invalid_type or invalid_value depending on the schema).
    const parent = path.slice(0, -1);
    out.push({
      ruleId: 'schema-type',
      messageId: 'requiredKey',
      data: { key, parent: parent.length ? formatPath(parent) : 'kind' },
      path,
      anchor: 'key',
      fix: { kind: 'insertKey', parentPath: parent, key },
    });
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      // Known keys that are not among the unknown ones, worked out once for all of them: per
      // key it made 100,000 unknown keys cost 100,000² comparisons.
      const unknown = new Set(issue.keys);
      const offered = knownKeys(schemaAt(root, path)).filter((x) => !unknown.has(x));
      for (let i = 0; i < issue.keys.length; i++) {
        const k = issue.keys[i]!;
        if (out.full) {
          out.skip(issue.keys.length - i, 'schema-unknown-key', [...path, k]);
          break;
        }
        if (k === MERGE_KEY) {
          out.push({ ruleId: 'schema-unknown-key', messageId: 'mergeKey', data: { key: k }, path: [...path, k], anchor: 'key' });
          continue;
        }
        const suggestion = closest(k, offered);
        // Renaming onto a key the mapping already has would make a duplicate key: no fix then.
        const taken = suggestion !== undefined && isPlainObject(actual) && Object.hasOwn(actual as object, suggestion);
        out.push({
          ruleId: 'schema-unknown-key',
          messageId: suggestion ? 'unknownKeySuggest' : 'unknownKey',
          data: { key: k, suggestion },
          path: [...path, k],
          anchor: 'key',
          suggestion,
          fix: suggestion && !taken ? { kind: 'renameKey', path: [...path, k], key: suggestion } : undefined,
        });
      }
      return;
    }
    case 'invalid_type': {
      out.push({ ruleId: 'schema-type', messageId: 'wrongType', data: { key, expected: { type: issue.expected }, actual: { type: typeOf(actual) } }, path, anchor: 'value' });
      return;
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = typeof actual === 'string' ? closest(actual, allowed) : undefined;
      out.push({
        ruleId: 'schema-type',
        messageId: suggestion ? 'badEnumSuggest' : 'badEnum',
        data: { key, value: actual, allowed, suggestion },
        path,
        anchor: 'value',
        suggestion,
        fix: suggestion ? { kind: 'replaceValue', path, value: suggestion } : undefined,
      });
      return;
    }
    case 'invalid_union': {
      // Report the branch that came closest (fewest issues), as if it were the only one.
      const branches = (issue as unknown as { errors: Issue[][] }).errors;
      const best = [...branches].sort((a, b) => a.length - b.length)[0];
      if (best && best.length > 0) {
        for (const sub of best) collectIssue(root, value, { ...sub, path: [...issue.path, ...sub.path] } as Issue, out);
        return;
      }
      break;
    }
    default:
      break;
  }
  const token = FORMAT_TOKENS.find((t) => issue.message === t);
  out.push({
    ruleId: 'schema-type',
    messageId: token ? token.slice('laatuvahti:'.length) : 'badValue',
    data: { key, value: actual, detail: token ? undefined : issue.message },
    path,
    anchor: 'value',
  });
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
