/**
 * Schema step, for editors: a missing key as a YAML skeleton built from the zod schema, so a
 * quick fix can insert exactly what the schema expects at the right indentation. Placeholder
 * values are chosen so the inserted text passes the schema (a string field with a format gets
 * a value in that format), while free text gets a visible marker the author must replace.
 */
import type { z } from 'zod';
import type { DataPath } from '../types.js';
import { schemasByKind, type PlanKind } from './index.js';
import { schemaAt, unwrapSchema } from './validate-shape.js';
import { currentDate } from '../check.js';

export { unwrapSchema };

type Def = Record<string, unknown> & { type: string };
type Internals = { _zod: { def: Def } };

/** The broad type of a schema node, wrappers removed. */
export type SchemaKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'enum' | 'literal' | 'union' | 'unknown';

/** Options of `keySkeleton` and `placeholderValue`. */
export interface SkeletonOptions {
  /** Text for free-text fields; default `TODO`. */
  placeholder?: string;
  /** Date used for date fields (YYYY-MM-DD); default today (UTC). */
  today?: string;
}

const MAX_DEPTH = 8;

/** The broad type of a schema node (through wrappers). */
export function schemaKind(schema: z.ZodType | undefined): SchemaKind {
  const u = unwrapSchema(schema) as unknown as Internals | undefined;
  const t = u?._zod.def.type;
  switch (t) {
    case 'object':
    case 'array':
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'union':
      return t;
    default:
      return 'unknown';
  }
}

function defOf(schema: z.ZodType | undefined): Def | undefined {
  return (unwrapSchema(schema) as unknown as Internals | undefined)?._zod.def;
}

function isOptional(schema: z.ZodType): boolean {
  const t = (schema as unknown as Internals)._zod.def.type;
  return t === 'optional' || t === 'default';
}

/**
 * A value that satisfies `schema`: enums take their first value, objects their required keys
 * (all keys when none is required, so a new section shows what it may contain), lists one
 * element. Strings try the placeholder first, then the formats the plan uses.
 */
export function placeholderValue(schema: z.ZodType, options: SkeletonOptions = {}, depth = 0): unknown {
  const def = defOf(schema);
  if (!def || depth > MAX_DEPTH) return null;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const entries = Object.entries(shape);
      const required = entries.filter(([, s]) => !isOptional(s));
      const chosen = required.length > 0 ? required : entries;
      return Object.fromEntries(chosen.map(([k, s]) => [k, placeholderValue(s, options, depth + 1)]));
    }
    case 'array':
      return [placeholderValue(def.element as z.ZodType, options, depth + 1)];
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'union':
      return placeholderValue((def.options as z.ZodType[])[0]!, options, depth + 1);
    case 'boolean':
      return false;
    case 'number':
      return firstValid(schema, [0, 1]) ?? 0;
    case 'string': {
      const today = options.today ?? currentDate();
      return firstValid(schema, [options.placeholder ?? 'TODO', 'month', today, '08:00-16:00']) ?? '';
    }
    default:
      return null;
  }
}

function firstValid<T>(schema: z.ZodType, candidates: T[]): T | undefined {
  return candidates.find((c) => schema.safeParse(c).success);
}

/**
 * The YAML text of `key` and a placeholder value under the mapping at `parentPath` of a plan of
 * `kind`, every line indented by `indent` spaces and ending in a line break. Undefined when the
 * schema does not know the key.
 */
export function keySkeleton(kind: PlanKind, parentPath: DataPath, key: string, indent: number, options: SkeletonOptions = {}): string | undefined {
  const schema = schemaAt(schemasByKind[kind], [...parentPath, key]);
  if (!schema) return undefined;
  const lines: string[] = [];
  renderPair(key, placeholderValue(schema, options), indent, lines);
  return lines.map((l) => `${l}\n`).join('');
}

/** Block-style YAML for one `key: value` pair, children indented by two spaces. */
function renderPair(key: string, value: unknown, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (isBlock(value)) {
    out.push(`${pad}${renderScalar(key)}:`);
    renderBlock(value, indent + 2, out);
  } else {
    out.push(`${pad}${renderScalar(key)}: ${renderInline(value)}`);
  }
}

function renderBlock(value: object, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isBlock(item) && !Array.isArray(item)) {
        // The item's first key shares the dash's line; the rest align under it.
        const inner: string[] = [];
        for (const [k, v] of Object.entries(item)) renderPair(k, v, indent + 2, inner);
        inner[0] = `${pad}- ${inner[0]!.slice(indent + 2)}`;
        out.push(...inner);
      } else {
        out.push(`${pad}- ${renderInline(item)}`);
      }
    }
    return;
  }
  for (const [k, v] of Object.entries(value)) renderPair(k, v, indent, out);
}

/** True for a non-empty mapping or list, which is written in block style. */
function isBlock(value: unknown): value is object {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}

function renderInline(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (value !== null && typeof value === 'object') return '{}';
  return renderScalar(value);
}

const PLAIN_RE = /^[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F ._/()-]*$/;
const RESERVED_RE = /^(?:true|false|null|yes|no|on|off|y|n|~|[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.inf|\.nan|0x[0-9a-f]+|0o[0-7]+))$/i;

/** A scalar as YAML: plain when that reads back as the same string, else double-quoted. */
export function renderScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'string') return String(value);
  if (PLAIN_RE.test(value) && !RESERVED_RE.test(value) && !value.endsWith(' ') && !/(?::| #)/.test(value)) return value;
  return JSON.stringify(value);
}
