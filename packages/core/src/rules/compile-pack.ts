/**
 * Rules step: rule definitions -> a compiled pack. Each (document kind, iteration scope) gets one
 * json-rules-engine Engine, built when first needed and reused for every document after that: a
 * new Engine per run costs more than the rules themselves (reusing one Engine and running list items
 * one after another was fastest; all items in one run, or all at once, was 2x slower). Engines are
 * never run concurrently; see `runPack`.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Locale } from '../types.js';
import type { PlanKind } from '../schema/common.js';
import { getAt } from './data-path.js';
import { OPERATORS } from './operators.js';
import { DERIVED_FACT_HANDLERS } from './derived-facts.js';
import { RUN_FACTS, type ConditionNode, type EachSpec, type ReferenceFile, type RuleCheck, type RuleFile } from './rule-schema.js';

/** The one runtime fact of a run: `{doc, item, previous, index, isLast, today, options}`. */
export const CONTEXT_FACT = 'ctx';

/** A rule of a compiled pack, with where it came from. */
export interface CompiledRule {
  definition: RuleFile;
  /** Link to the rule's documentation. */
  docsUrl: string;
  /** The folder the rule was loaded from, when it came from disk. */
  origin?: string;
  /** The rule's README (markdown), for `explain` and hovers. */
  readme?: string;
}

/** The checks of one kind that iterate over the same subjects, evaluated by one Engine. */
export interface Scope {
  kind: PlanKind;
  each: EachSpec | undefined;
  /** Built on first use: a one-file run of the CLI needs the Engines of one kind only. */
  readonly engine: Engine;
  /** Engine rule name -> the rule and check it stands for. */
  checks: ReadonlyMap<string, { ruleId: string; checkIndex: number }>;
  /**
   * The document paths this scope's checks and messages read (besides the subject itself), or
   * undefined when they read the whole document. Lets a caller reuse a subject's findings while
   * neither the subject nor these values changed (see `RunMemo`). Worked out on first use.
   */
  readonly documentDependencies: readonly string[] | undefined;
  /** Whether the checks read `previous`, `index` or `isLast` (then a neighbour's edit matters). */
  readonly readsNeighbours: boolean;
}

/** A rule pack ready to run. */
export interface CompiledPack {
  rules: ReadonlyMap<string, CompiledRule>;
  scopes: Readonly<Record<PlanKind, readonly Scope[]>>;
  references: ReadonlyMap<string, ReferenceFile>;
  /** Serialises runs: json-rules-engine misbehaves when two runs share an Engine at once. */
  queue: RunQueue;
}

/** One run at a time; each caller waits for the previous one to settle. */
export class RunQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Runs `task` after every earlier task has finished. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** Input of `compilePack`: rule definitions that already passed the rule-file schema. */
export interface PackSource {
  rules: readonly CompiledRule[];
  references: readonly ReferenceFile[];
}

/** The `checkIndex` of a scope entry that evaluates a rule's `appliesWhen` rather than a check. */
export const APPLIES_CHECK = -1;

/** The docs link used for rules of the pack that ships inside @laatuvahti/core. */
export const DOCS_BASE_URL = 'https://github.com/laatuvahti/laatuvahti/blob/main/rules/';

/** Compiles validated rule definitions into Engines, one per (kind, scope). */
export function compilePack(source: PackSource): CompiledPack {
  const rules = new Map<string, CompiledRule>();
  for (const r of source.rules) rules.set(r.definition.id, r);
  const references = new Map(source.references.map((t) => [t.table, t]));

  const scopes: Record<PlanKind, Scope[]> = { SelfMonitoringPlan: [], ServiceDescription: [] };
  for (const kind of Object.keys(scopes) as PlanKind[]) {
    const byScope = new Map<string, { each: EachSpec | undefined; checks: Map<string, { ruleId: string; checkIndex: number }>; sources: RuleCheck[] }>();
    const scopeOf = (each: EachSpec | undefined) => {
      const key = each === undefined ? '' : JSON.stringify(each);
      let scope = byScope.get(key);
      if (!scope) byScope.set(key, (scope = { each, checks: new Map(), sources: [] }));
      return scope;
    };
    for (const { definition } of rules.values()) {
      if (!definition.kinds.includes(kind)) continue;
      definition.checks.forEach((check, checkIndex) => {
        const scope = scopeOf(check.each);
        scope.checks.set(`${definition.id}#${checkIndex}`, { ruleId: definition.id, checkIndex });
        scope.sources.push(check);
      });
      if (definition.appliesWhen) {
        // Evaluated with the document's checks: its event says the rule applies.
        const scope = scopeOf(undefined);
        scope.checks.set(`${definition.id}#applies`, { ruleId: definition.id, checkIndex: APPLIES_CHECK });
        scope.sources.push({ when: definition.appliesWhen, report: { message: 'applies' } });
      }
    }
    for (const s of byScope.values()) scopes[kind].push(new LazyScope(kind, s.each, s.checks, s.sources, references));
  }
  return { rules, scopes, references, queue: new RunQueue() };
}

/** A scope whose Engine and memo facts are worked out when first asked for. */
class LazyScope implements Scope {
  private built?: Engine;
  private analysis?: { deps: readonly string[] | undefined; neighbours: boolean };

  constructor(
    readonly kind: PlanKind,
    readonly each: EachSpec | undefined,
    readonly checks: ReadonlyMap<string, { ruleId: string; checkIndex: number }>,
    private readonly sources: readonly RuleCheck[],
    private readonly references: ReadonlyMap<string, ReferenceFile>,
  ) {}

  get engine(): Engine {
    if (!this.built) {
      const rules: RuleProperties[] = [];
      let i = 0;
      for (const [name, { ruleId }] of this.checks) {
        rules.push({
          name,
          conditions: scopeOptions(this.sources[i++]!.when, ruleId) as RuleProperties['conditions'],
          // The event travels with every result of every run: keep it tiny (no params).
          event: { type: name },
        });
      }
      this.built = buildEngine(rules, this.references);
    }
    return this.built;
  }

  get documentDependencies(): readonly string[] | undefined {
    return this.analyse().deps;
  }

  get readsNeighbours(): boolean {
    return this.analyse().neighbours;
  }

  private analyse(): { deps: readonly string[] | undefined; neighbours: boolean } {
    if (!this.analysis) {
      const deps = new Set<string>();
      for (const check of this.sources) {
        collectDocumentPaths(check.when, deps);
        collectDocumentPaths(check.report.data ?? {}, deps);
      }
      this.analysis = { deps: deps.has('doc') ? undefined : [...deps].sort(), neighbours: this.sources.some(readsNeighbours) };
    }
    return this.analysis;
  }
}

function buildEngine(rules: RuleProperties[], references: ReadonlyMap<string, ReferenceFile>): Engine {
  const engine = new Engine(rules, {
    allowUndefinedFacts: true,
    pathResolver: (value: object, path: string) => getAt(value, path),
  });
  for (const [name, fn] of Object.entries(OPERATORS)) engine.addOperator(name, fn);
  for (const [name, handler] of Object.entries(DERIVED_FACT_HANDLERS)) {
    // Not cached: json-rules-engine would hash the params on every call, which cost more than
    // recomputing these small facts.
    engine.addFact(name, (params, almanac) => handler(params as Record<string, unknown>, almanac, references), { cache: false });
  }
  return engine;
}

/**
 * Rewrites a check's conditions for the engine. All run facts travel in one runtime fact, `ctx`
 * (json-rules-engine hashes every runtime fact on every run, so one beats seven), and options
 * are per rule while all rules of a scope share one run: `options.maxInterval` in rule X reads
 * `ctx.options.X.maxInterval`. Rule files keep the plain vocabulary (`fact: item`, `fact: options`).
 */
function scopeOptions(node: ConditionNode, ruleId: string): ConditionNode {
  if ('all' in node) return { all: node.all.map((n) => scopeOptions(n, ruleId)) };
  if ('any' in node) return { any: node.any.map((n) => scopeOptions(n, ruleId)) };
  if ('not' in node) return { not: scopeOptions(node.not, ruleId) };
  const leaf = { ...node, ...toContextFact(node.fact, node.path, ruleId) };
  if (leaf.params) leaf.params = scopeParams(leaf.params, ruleId);
  const v = leaf.value as { fact?: string; path?: string; params?: Record<string, unknown> } | undefined;
  if (v && typeof v === 'object' && typeof v.fact === 'string') {
    leaf.value = {
      ...v,
      ...toContextFact(v.fact, v.path, ruleId),
      ...(v.params ? { params: scopeParams(v.params, ruleId) } : {}),
    };
  }
  return leaf;
}

/** `{fact: item, path: every}` -> `{fact: ctx, path: item.every}`; derived facts stay as they are. */
function toContextFact(fact: string, path: string | undefined, ruleId: string): { fact: string; path?: string } {
  if (!(RUN_FACTS as readonly string[]).includes(fact)) return { fact, ...(path ? { path } : {}) };
  const base = fact === 'options' ? `options.${ruleId}` : fact;
  return { fact: CONTEXT_FACT, path: path ? `${base}.${path}` : base };
}

/** Scopes `options.*` expressions anywhere in a fact's params (also inside `where` clauses). */
export function scopeParams(params: Record<string, unknown>, ruleId: string): Record<string, unknown> {
  return scopeDeep(params, ruleId) as Record<string, unknown>;
}

function scopeDeep(value: unknown, ruleId: string): unknown {
  if (typeof value === 'string') return scopeExpression(value, ruleId);
  if (Array.isArray(value)) return value.map((v) => scopeDeep(v, ruleId));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scopeDeep(v, ruleId)]));
  }
  return value;
}

/** `options.x` in a scope expression -> `options.<ruleId>.x`. */
export function scopeExpression(expr: string, ruleId: string): string {
  return expr === 'options' || expr.startsWith('options.') ? `options.${ruleId}${expr.slice(7)}` : expr;
}

/**
 * Every `doc...` path a condition tree or message data reads: fact paths (`fact: doc, path: x`)
 * and scope expressions in params and data (`doc.services[*].producer.kind`). `doc` alone means
 * the whole document.
 */
function collectDocumentPaths(node: unknown, out: Set<string>, docFact = false): void {
  if (typeof node === 'string') {
    if (node === 'doc' || node.startsWith('doc.') || node.startsWith('doc[')) out.add(node);
    return;
  }
  if (Array.isArray(node)) {
    for (const n of node) collectDocumentPaths(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (o.fact === 'doc') out.add(typeof o.path === 'string' ? `doc.${o.path}` : 'doc');
  for (const [k, v] of Object.entries(o)) {
    // A where clause's `path` is relative to the list item, not a document path.
    if (k === 'path' || k === 'fact') continue;
    collectDocumentPaths(v, out, docFact);
  }
}

const NEIGHBOUR_FACTS = ['previous', 'index', 'isLast'];

/** True when a check reads the subject's neighbours or position. */
function readsNeighbours(node: unknown): boolean {
  if (typeof node === 'string') return NEIGHBOUR_FACTS.some((f) => node === f || node.startsWith(`${f}.`));
  if (Array.isArray(node)) return node.some(readsNeighbours);
  if (!node || typeof node !== 'object') return false;
  return Object.values(node as Record<string, unknown>).some(readsNeighbours);
}

/** The message text of a rule's message id in a locale. */
export function ruleMessage(rule: RuleFile, messageId: string, locale: Locale): string {
  return rule.messages[messageId]?.[locale] ?? messageId;
}
