/**
 * Rules step: evaluates a compiled pack on one document. Subjects are built first (the
 * document, each list item a scope iterates, each text match), then each scope's Engine runs
 * once per subject, one run after another. Findings carry data paths, never positions: the
 * path -> range step comes last, in check.ts.
 */
import { Fact, type Almanac } from 'json-rules-engine';
import type { DataPath, PathSegment } from '../types.js';
import type { PlanKind } from '../schema/common.js';
import { expandPath, getAt, parsePath, WILDCARD, type PathMatch } from './data-path.js';
import { maskIdentifier } from './checksums.js';
import { readScope } from './derived-facts.js';
import { isEmptyValue } from './operators.js';
import { APPLIES_CHECK, CONTEXT_FACT, scopeExpression, scopeParams, type CompiledPack, type Scope } from './compile-pack.js';
import { RUN_FACTS, type EachSpec } from './rule-schema.js';

/** One subject a scope's checks run against. */
interface Subject {
  path: DataPath;
  item: unknown;
  previous?: unknown;
  index?: number;
  isLast?: boolean;
  /** Character offsets, for subjects that are text matches rather than nodes. */
  span?: [number, number];
}

/** A rule firing on a subject, before messages and ranges. */
export interface RawFinding {
  ruleId: string;
  checkIndex: number;
  /** Path of the subject the check ran on. */
  subjectPath: DataPath;
  /** Offsets when the subject is a text match. */
  span?: [number, number];
  /** Message placeholder values, already resolved. */
  data: Record<string, unknown>;
}

/**
 * A caller-owned cache of per-subject findings across checks of the same document (the
 * language server keeps one per open document). A subject's findings are reused while the
 * subject, its neighbours, the document values its scope reads, today and the options are all
 * unchanged: editing one activity re-runs the engine for that activity only. Entries not used
 * by a check are dropped, so the memo never outgrows the document.
 */
export class RunMemo {
  /** scope key -> the document values and settings the findings depend on, and per subject key the findings. */
  entries = new Map<string, { dependencies: string; subjects: Map<string, RawFinding[]> }>();
  /** The pack the entries came from: another pack's scopes are numbered differently. */
  pack: CompiledPack | undefined;
}

/** Per-run inputs. */
export interface RunInput {
  kind: PlanKind;
  doc: unknown;
  text: string;
  today: string;
  /** Effective options of every rule, by rule id. */
  options: Record<string, Record<string, unknown>>;
  /** Rules to skip (severity off, or not yet in force). */
  skip: ReadonlySet<string>;
  /** Reuse findings of unchanged subjects from earlier checks of this document. */
  memo?: RunMemo;
  /**
   * Called before each engine run (one per subject). It may wait (to let other work in),
   * reject (the run is abandoned, e.g. cancelled) or return false (stop here: the time budget
   * is spent; the findings so far are returned, marked incomplete).
   */
  checkpoint?: () => boolean | Promise<boolean>;
  /**
   * Quoted scalars whose text differs from what they read (`"030303\u0045918R"`): their source
   * offsets and decoded value. Text matches are looked for in these values too, so an escape
   * does not hide what a reader of the value sees.
   */
  escaped?: readonly EscapedScalar[];
  /**
   * The source spans of every scalar (keys and values), sorted and not overlapping: text outside
   * them is comments, indicators and white space. Asked for only by a text check with
   * `comments: false`.
   */
  scalarSpans?: () => readonly (readonly [number, number])[];
}

/** A quoted scalar with escapes: the offsets of its source and the value it stands for. */
export interface EscapedScalar {
  span: [number, number];
  value: string;
}

/** The findings of a run; `complete` is false when a checkpoint stopped it early. */
export interface RunOutput {
  findings: RawFinding[];
  complete: boolean;
  /** Rules with an `appliesWhen` that holds for the document (complete runs only). */
  applicable: Set<string>;
}

/** Runs every scope of `kind` on the document; never two runs on one pack at once. */
export function runPack(pack: CompiledPack, input: RunInput): Promise<RunOutput> {
  return pack.queue.run(async () => {
    const findings: RawFinding[] = [];
    const applicable = new Set<string>();
    const next: RunMemo['entries'] = new Map();
    if (input.memo && input.memo.pack !== pack) {
      input.memo.entries.clear();
      input.memo.pack = pack;
    }
    const checkpoint = input.checkpoint;
    const settings = input.memo ? JSON.stringify([input.today, input.options, [...input.skip].sort()]) : '';
    // The document's scopes first: they say which rules apply (`appliesWhen`), and the item scopes
    // then skip the checks of rules that do not concern the document.
    const scopes = [...pack.scopes[input.kind].entries()].sort(([, a], [, b]) => Number(a.each !== undefined) - Number(b.each !== undefined));
    let skip = input.skip;
    let gated = false;
    for (const [scopeIndex, scope] of scopes) {
      if (!gated && scope.each !== undefined) {
        gated = true;
        skip = withNotApplicable(pack, input.kind, input.skip, applicable);
      }
      if (allSkipped(scope, skip)) continue;
      const memoable = input.memo !== undefined && scope.each !== undefined && scope.documentDependencies !== undefined && !isTextMatch(scope.each);
      if (!memoable) {
        for (const subject of buildSubjects(scope.each, input)) {
          // A stopped run leaves the memo as it was: its entries still match their documents.
          if (checkpoint && !(await checkpoint())) return { findings, complete: false, applicable };
          await runScope(pack, scope, subject, input, skip, findings, applicable);
        }
        continue;
      }
      // What every subject of the scope depends on besides itself: compared once per scope, so
      // a change there drops the scope's saved findings, and subject keys stay small.
      const scopeKey = `${input.kind}#${scopeIndex}`;
      // Which rules apply is part of it: a scope's saved findings were filtered by that.
      const dependencies = settings + JSON.stringify([...skip].sort()) + JSON.stringify(scope.documentDependencies!.map((p) => getAt(input.doc, p.slice(4))));
      const saved = input.memo!.entries.get(scopeKey);
      const previous = saved?.dependencies === dependencies ? saved.subjects : undefined;
      const subjects = new Map<string, RawFinding[]>();
      for (const subject of buildSubjects(scope.each, input)) {
        const key = JSON.stringify(scope.readsNeighbours ? [subject.path, subject.item, subject.previous, subject.index, subject.isLast] : [subject.path, subject.item]);
        let found = previous?.get(key);
        if (!found) {
          if (checkpoint && !(await checkpoint())) return { findings, complete: false, applicable };
          found = [];
          // Memoised scopes iterate items: `appliesWhen` is evaluated in the document's scope.
          await runScope(pack, scope, subject, input, skip, found, applicable);
        }
        subjects.set(key, found);
        findings.push(...found);
      }
      next.set(scopeKey, { dependencies, subjects });
    }
    if (input.memo) input.memo.entries = next;
    return { findings, complete: true, applicable };
  });
}

/** `skip` and the rules of `kind` whose `appliesWhen` did not hold in the document's scopes. */
function withNotApplicable(pack: CompiledPack, kind: PlanKind, skip: ReadonlySet<string>, applicable: ReadonlySet<string>): ReadonlySet<string> {
  const out = new Set(skip);
  for (const [id, rule] of pack.rules) if (rule.definition.appliesWhen && rule.definition.kinds.includes(kind) && !applicable.has(id)) out.add(id);
  return out;
}

function isTextMatch(each: EachSpec): boolean {
  return typeof each === 'object' && !Array.isArray(each);
}

function allSkipped(scope: Scope, skip: ReadonlySet<string>): boolean {
  for (const { ruleId } of scope.checks.values()) if (!skip.has(ruleId)) return false;
  return true;
}

async function runScope(pack: CompiledPack, scope: Scope, subject: Subject, input: RunInput, skip: ReadonlySet<string>, out: RawFinding[], applicable: Set<string>): Promise<void> {
  const context = { doc: input.doc, item: subject.item, previous: subject.previous, index: subject.index, isLast: subject.isLast, today: input.today, options: input.options };
  // Handed over as an uncached Fact: the engine would otherwise hash a cache key for it on every
  // run (hash-it), and a constant fact is read straight from the value it carries anyway.
  const result = await scope.engine.run({ [CONTEXT_FACT]: new Fact(CONTEXT_FACT, context, { cache: false }) });
  for (const event of result.events) {
    const ref = scope.checks.get(event.type);
    if (!ref || skip.has(ref.ruleId)) continue;
    if (ref.checkIndex === APPLIES_CHECK) {
      applicable.add(ref.ruleId);
      continue;
    }
    const rule = pack.rules.get(ref.ruleId)!.definition;
    const report = rule.checks[ref.checkIndex]!.report;
    const data: Record<string, unknown> = {};
    for (const [name, expr] of Object.entries(report.data ?? {})) {
      data[name] = await firstPresent(Array.isArray(expr) ? expr : [expr], ref.ruleId, result.almanac);
    }
    out.push({ ruleId: ref.ruleId, checkIndex: ref.checkIndex, subjectPath: subject.path, span: subject.span, data });
  }
}

type DataExpression = string | { fact: string; path?: string; params?: Record<string, unknown> };

/** The first expression whose value is present (placeholders with a fallback). */
async function firstPresent(exprs: DataExpression[], ruleId: string, almanac: Almanac): Promise<unknown> {
  let value: unknown;
  for (const expr of exprs) {
    value = await resolveData(expr, ruleId, almanac);
    if (!isEmptyValue(value)) return value;
  }
  return value;
}

async function resolveData(
  expr: DataExpression,
  ruleId: string,
  almanac: Almanac,
): Promise<unknown> {
  if (typeof expr === 'string') return readScope(scopeExpression(expr, ruleId), almanac);
  try {
    if ((RUN_FACTS as readonly string[]).includes(expr.fact)) {
      const base = scopeExpression(expr.fact, ruleId);
      return await readScope(expr.path ? `${base}.${expr.path}` : base, almanac);
    }
    return await almanac.factValue(expr.fact, scopeParams(expr.params ?? {}, ruleId), expr.path);
  } catch {
    return undefined;
  }
}

/** The subjects a scope iterates: the document, list items at paths, or text matches. */
function buildSubjects(each: EachSpec | undefined, input: RunInput): Subject[] {
  if (each === undefined) return [{ path: [], item: input.doc }];
  if (typeof each === 'object' && !Array.isArray(each)) return textMatches(each, input.text, input.escaped ?? [], input.scalarSpans);
  const patterns = typeof each === 'string' ? [each] : each;
  const subjects: Subject[] = [];
  for (const pattern of patterns) {
    const segments = parsePath(pattern);
    const matches = expandPath(input.doc, segments);
    const listItems = segments[segments.length - 1] === WILDCARD;
    matches.forEach((m, i) => subjects.push(listItems ? withNeighbours(m, matches, i) : { path: m.path, item: m.value }));
  }
  return subjects;
}

/** An item of a list with its predecessor in document order (for gaps between dated entries). */
function withNeighbours(m: PathMatch, all: PathMatch[], i: number): Subject {
  const prev = all[i - 1];
  const index = m.path[m.path.length - 1] as number;
  const sameList = prev !== undefined && sameParent(prev.path, m.path);
  const next = all[i + 1];
  return {
    path: m.path,
    item: m.value,
    previous: sameList ? prev.value : undefined,
    index,
    isLast: next === undefined || !sameParent(next.path, m.path),
  };
}

function sameParent(a: DataPath, b: DataPath): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length - 1; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Every match of a pattern in the whole text, comments included, and in the decoded value of
 * each quoted scalar with escapes (shown on the whole scalar, unless the source holds the same match).
 */
function textMatches(spec: { match: string; flags?: string; comments?: boolean }, text: string, escaped: readonly EscapedScalar[], scalarSpans?: RunInput['scalarSpans']): Subject[] {
  const spans = spec.comments === false && scalarSpans ? scalarSpans() : undefined;
  const re = new RegExp(spec.match, `g${(spec.flags ?? '').replace(/g/g, '')}`);
  const out: Subject[] = [];
  const subject = (found: string, span: [number, number]): Subject => ({
    path: [] as PathSegment[],
    // `masked` is the only form of the match a message may show: it may be a personal identity code.
    item: { text: found, masked: maskIdentifier(found) },
    span,
  });
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    const start = m.index!;
    if (spans && !withinSpan(spans, start)) continue;
    out.push(subject(m[0], [start, start + m[0].length]));
  }
  const direct = out.length;
  for (const { span, value } of escaped) {
    // The source's own matches inside this scalar (they are sorted by offset): found already.
    const inSource = new Set<string>();
    for (let i = firstAtOrAfter(out, direct, span[0]); i < direct && out[i]!.span![1] <= span[1]; i++) inSource.add((out[i]!.item as { text: string }).text);
    for (const m of value.matchAll(re)) if (m[0].length > 0 && !inSource.has(m[0])) out.push(subject(m[0], span));
  }
  return out;
}

/** Whether `offset` lies inside one of `spans` (sorted by start, not overlapping). */
function withinSpan(spans: readonly (readonly [number, number])[], offset: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid]![1] <= offset) low = mid + 1;
    else high = mid;
  }
  const span = spans[low];
  return span !== undefined && span[0] <= offset;
}

/** The index of the first of `subjects[0..count)` (sorted by start) that starts at `offset` or later. */
function firstAtOrAfter(subjects: readonly Subject[], count: number, offset: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (subjects[mid]!.span![0] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
