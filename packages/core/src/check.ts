/**
 * The pipeline, top to bottom: text -> parse (yaml-syntax) -> header and shape (schema-*) ->
 * rules (json-rules-engine, per subject) -> path -> range -> severities and suppressions ->
 * sorted, de-duplicated diagnostics. Nothing here re-parses the text.
 */
import { isCollection, isMap, isPair, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { parsePlanText, rangeOf, type ParsedText } from './parse/parse-text.js';
import { locatePath, trimEnd } from './parse/locate.js';
import { plainValue } from './parse/plain-value.js';
import { knownKeys, MAX_SHAPE_FINDINGS, validateShapeCapped, type ShapeFinding } from './schema/validate-shape.js';
import { schemasByKind, API_VERSION, KINDS, type PlanKind } from './schema/index.js';
import { runPack, type EscapedScalar, type RawFinding, type RunMemo } from './rules/run-pack.js';
import { ruleMessage, type CompiledPack } from './rules/compile-pack.js';
import { toDataPath } from './rules/data-path.js';
import { isEmptyValue } from './rules/operators.js';
import type { RuleCheck } from './rules/rule-schema.js';
import { builtinMessage, formatMessage, typeName, valueType } from './messages/format-message.js';
import { builtinDocsUrl } from './messages/docs.js';
import { BUILTIN_RULES, BUILTIN_SEVERITIES, SYNTAX_MESSAGES, type BuiltinRuleId } from './messages/builtin-messages.js';
import { closest } from './suggest.js';
import { planSuppressions, suppressionRange } from './suppressions.js';
import { defaultRuleOptions, defaultSeverity, effectiveSeverity, type ResolvedSettings } from './settings.js';
import { LOCALES, type DataPath, type Diagnostic, type Locale, type Severity } from './types.js';

/** Options of a check. */
export interface CheckOptions {
  /** The date date rules compare with (YYYY-MM-DD); defaults to the current date. */
  today?: string;
  /**
   * Language of messages, as the user chose it (flag, config, editor setting). Without it the
   * plan's own `language` (fi, sv or en) decides, else English: a Finnish plan gets Finnish
   * findings unless someone asked otherwise.
   */
  locale?: Locale;
  /** The language when neither `locale` nor the plan's `language` says one (default English). */
  fallbackLocale?: Locale;
  /** The document's URI, passed through for callers' bookkeeping. */
  uri?: string;
  /** Effective severities and options (see `resolveSettings`). */
  settings?: ResolvedSettings;
  /**
   * A memo kept by the caller across checks of the same document (e.g. per open editor): list
   * items that did not change are not evaluated again. Results are the same with or without it.
   */
  memo?: RunMemo;
  /**
   * Cancels the check: it then rejects with `signal.reason` at its next step (between phases
   * and between list items). An editor aborts the check of a version that was edited again.
   */
  signal?: AbortSignal;
  /**
   * Lets other work in while the rules run: awaited between list items once `sliceMs` have
   * passed since the last time (and after parsing). The language server hands in a
   * `setImmediate` turn, so requests are answered while a long plan is checked.
   */
  yieldControl?: () => Promise<void>;
  /** How long the check may run between two `yieldControl` calls; default 10 ms. */
  sliceMs?: number;
  /**
   * Stops evaluating rules once the check has taken this long, and reports `check-incomplete`
   * with the findings so far. Meant for editors, where a stalled check is worse than a partial
   * one; without it (the default, and the CLI) every rule is always evaluated.
   */
  timeBudgetMs?: number;
}

/** Everything a check found, suppressed findings included. */
export interface CheckReport {
  /** The document's kind when its header could be read. */
  kind?: PlanKind;
  /** The language the messages are in: `options.locale`, else the plan's `language`, else en. */
  locale: Locale;
  /** Findings that stand (not suppressed), sorted by position. */
  diagnostics: Diagnostic[];
  /** Findings silenced by a suppression comment, with its justification. */
  suppressed: Diagnostic[];
  /**
   * Rules that do not concern this document (their `appliesWhen` does not hold, e.g. rules for
   * community housing in another kind of unit), by id; absent when there are none.
   */
  notApplicable?: string[];
}

const MAX_ALIASES = 100;

/** Today's date as YYYY-MM-DD (UTC). */
export function currentDate(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Checks one document with a compiled pack. Never throws for any input text. */
export async function checkWithPack(pack: CompiledPack, text: string, options: CheckOptions = {}): Promise<CheckReport> {
  const today = options.today ?? currentDate();
  const pace = new Pace(options);
  options.signal?.throwIfAborted();
  const parsed = parsePlanText(text);
  const locale = options.locale ?? planLanguage(parsed) ?? options.fallbackLocale ?? 'en';
  const out = new DiagnosticBuilder(parsed, pack, locale, options.settings);

  for (const p of parsed.problems) {
    const detail = locale !== 'en' ? SYNTAX_MESSAGES[p.code]?.[locale] ?? p.message : p.message;
    out.addSpan('yaml-syntax', 'syntax', { detail }, p.start, Math.max(p.end, p.start + 1), [], p.severity);
  }
  reportUnreadableCharacters(parsed.text, out);
  if (parsed.problems.some((p) => p.severity === 'error')) return out.finish(today);

  let doc: unknown;
  try {
    doc = plainValue(parsed.doc, MAX_ALIASES);
  } catch {
    out.addAt('yaml-syntax', 'tooManyAliases', {}, []);
    return out.finish(today);
  }

  const kind = readHeader(parsed, doc, out);
  if (!kind) return out.finish(today);

  // A turn for other work and a look at the budget before the shape step too (a long parse
  // may have used it up); the step itself is linear in the keys and reports at most
  // MAX_SHAPE_FINDINGS findings, the rest counted in one.
  if (pace.active) await pace.checkpoint();
  const shape = validateShapeCapped(schemasByKind[kind], doc);
  for (const f of shape.findings) out.addShape(f);
  if (shape.omitted > 0) out.addAt(shape.omittedRuleId!, 'moreShapeFindings', { count: shape.omitted, shown: MAX_SHAPE_FINDINGS }, shape.omittedPath!, 'key');

  const skip = new Set<string>();
  for (const [id, rule] of pack.rules) {
    const sev = effectiveSeverity(options.settings, id, defaultSeverity(rule.definition, options.settings));
    if (sev === 'off' || (rule.definition.appliesFrom && rule.definition.appliesFrom > today)) skip.add(id);
  }
  const options_ = options.settings?.options ?? defaultRuleOptions(pack);
  if (pace.active) {
    await pace.checkpoint();
    pace.queued();
  }
  let spans: [number, number][] | undefined;
  const run = await runPack(pack, {
    kind,
    doc,
    text: parsed.text,
    escaped: escapedScalars(parsed),
    scalarSpans: () => (spans ??= scalarSpansOf(parsed)),
    today,
    options: options_,
    skip,
    ...(options.memo ? { memo: options.memo } : {}),
    ...(pace.active ? { checkpoint: () => pace.checkpoint() } : {}),
  });
  // A rule that does not concern this document reports nothing, whatever its checks say: its
  // `appliesWhen` is the one place that scopes it (a day centre gets no community-housing finding).
  for (const f of run.findings) if (run.applicable.has(f.ruleId) || !pack.rules.get(f.ruleId)!.definition.appliesWhen) out.addRule(f, kind);
  if (!run.complete) out.addSpan('check-incomplete', 'checkIncomplete', { ms: options.timeBudgetMs }, 0, 0, [], 'warning');
  // Known only when every scope ran: rules whose `appliesWhen` does not hold for this document.
  const notApplicable = run.complete
    ? [...pack.rules.values()].map((r) => r.definition).filter((d) => d.appliesWhen && d.kinds.includes(kind) && !skip.has(d.id) && !run.applicable.has(d.id)).map((d) => d.id).sort()
    : [];
  return out.finish(today, kind, notApplicable);
}

/**
 * The caller's pacing of one check: cancellation, turns for other work, and the time budget.
 * Time given to other work is not counted against the budget: turns handed out by
 * `yieldControl`, and the wait for the pack's run queue (other documents' checks).
 */
class Pace {
  readonly active: boolean;
  private readonly started: number;
  private lastTurn: number;
  private away = 0;
  private queuedAt: number | undefined;

  constructor(private readonly options: CheckOptions) {
    this.active = options.signal !== undefined || options.yieldControl !== undefined || options.timeBudgetMs !== undefined;
    // The clock only when pacing: Node loads its performance module on first use, which a
    // one-plan CLI run (never paced) need not pay for.
    this.started = this.lastTurn = this.active ? performance.now() : 0;
  }

  /** Marks the moment the rules are queued; the next checkpoint is the first inside the run. */
  queued(): void {
    this.queuedAt = performance.now();
  }

  /** Resolves false when the budget is spent; rejects when the check was cancelled. */
  async checkpoint(): Promise<boolean> {
    const { signal, yieldControl, timeBudgetMs, sliceMs = 10 } = this.options;
    signal?.throwIfAborted();
    let now = performance.now();
    if (this.queuedAt !== undefined) {
      this.away += now - this.queuedAt;
      this.queuedAt = undefined;
      this.lastTurn = now;
    }
    if (yieldControl && now - this.lastTurn >= sliceMs) {
      await yieldControl();
      signal?.throwIfAborted();
      const back = performance.now();
      this.away += back - now;
      this.lastTurn = now = back;
    }
    return timeBudgetMs === undefined || now - this.started - this.away <= timeBudgetMs;
  }
}

/**
 * U+FFFD is what a decoder puts where bytes were not valid UTF-8: a plan saved as Windows-1252
 * (Notepad's "ANSI") loses every ä and ö that way, silently. Reported once, on the first run of
 * them, with the count; the rest of the check goes on, as the text is otherwise readable.
 */
function reportUnreadableCharacters(text: string, out: DiagnosticBuilder): void {
  const first = text.indexOf('\uFFFD');
  if (first < 0) return;
  let end = first + 1;
  while (text.charCodeAt(end) === 0xfffd) end++;
  let count = 0;
  for (let i = first; i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  out.addSpan('yaml-syntax', 'notUtf8', { count }, first, end, [], 'error');
}

/**
 * The plan's own `language` when it is one core writes messages in. Read from the top-level
 * node before anything else is reported, so every message of the check is in one language; a
 * value of another type or language is left to the schema check to report.
 */
function planLanguage(parsed: ParsedText): Locale | undefined {
  const root = parsed.doc.contents;
  if (!isMap(root)) return undefined;
  const value = root.items.find((p) => isScalar(p.key) && p.key.value === 'language')?.value;
  return isScalar(value) && (LOCALES as readonly unknown[]).includes(value.value) ? (value.value as Locale) : undefined;
}

/**
 * The double-quoted scalars (keys too) written with escapes, whose value reads otherwise than
 * their source: `"030303\u0045918R"` is an identity code to anyone who reads the value.
 */
function escapedScalars(parsed: ParsedText): EscapedScalar[] {
  const { text } = parsed;
  if (!text.includes('\\')) return [];
  const out: EscapedScalar[] = [];
  const stack: unknown[] = [parsed.doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) stack.push(node.value, node.key);
    else if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    else if (isScalar(node) && node.type === Scalar.QUOTE_DOUBLE && typeof node.value === 'string' && node.range) {
      const [start, end] = (node as Node).range!;
      if (text.slice(start, end).includes('\\')) out.push({ span: [start, end], value: node.value });
    }
  }
  return out;
}

/** The source spans of every scalar, keys included, in document order (see RunInput.scalarSpans). */
function scalarSpansOf(parsed: ParsedText): [number, number][] {
  const out: [number, number][] = [];
  const stack: unknown[] = [parsed.doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) stack.push(node.value, node.key);
    else if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    else if (isScalar(node) && node.range) out.push([node.range[0], node.range[1]]);
  }
  // Sorted for the binary search of withinSpan (run-pack.ts).
  return out.sort((a, b) => a[0] - b[0]);
}

/** Checks `apiVersion` and `kind`; returns the kind when the document is a plan we can check. */
function readHeader(parsed: ParsedText, doc: unknown, out: DiagnosticBuilder): PlanKind | undefined {
  const root = parsed.doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    out.addSpan('schema-type', 'emptyDocument', {}, 0, 0, []);
    return undefined;
  }
  if (!isMap(root)) {
    const actual = isSeq(root) ? 'array' : valueType(doc);
    const [start, , end] = root.range ?? [0, 0, 0];
    out.addSpan('schema-type', 'notMapping', { actual: { type: actual } }, start, trimEnd(parsed.text, start, end), []);
    return undefined;
  }
  const header = doc as Record<string, unknown>;
  const api = header.apiVersion;
  if (api === undefined) {
    out.addAt('schema-type', 'missingApiVersion', {}, [], 'key', { kind: 'insertKey', parentPath: [], key: 'apiVersion' });
  } else if (api !== API_VERSION) {
    out.addAt('schema-type', 'unknownApiVersion', { value: api, suggestion: API_VERSION }, ['apiVersion'], 'value', { kind: 'replaceValue', path: ['apiVersion'], value: API_VERSION }, API_VERSION);
  }
  const kind = header.kind;
  if (kind === undefined) {
    out.addAt('schema-type', 'missingKind', { allowed: KINDS }, [], 'key', { kind: 'insertKey', parentPath: [], key: 'kind' });
    return undefined;
  }
  if (!(KINDS as readonly unknown[]).includes(kind)) {
    const suggestion = typeof kind === 'string' ? closest(kind, KINDS) ?? KINDS[0] : KINDS[0];
    out.addAt('schema-type', 'unknownKind', { value: kind, suggestion }, ['kind'], 'value', { kind: 'replaceValue', path: ['kind'], value: suggestion }, suggestion);
    return undefined;
  }
  return api === API_VERSION ? (kind as PlanKind) : undefined;
}

/** Collects findings, turns paths into ranges and messages, applies severities and suppressions. */
class DiagnosticBuilder {
  private readonly list: Diagnostic[] = [];

  constructor(
    private readonly parsed: ParsedText,
    private readonly pack: CompiledPack,
    private readonly locale: Locale,
    private readonly settings: ResolvedSettings | undefined,
  ) {}

  /** A built-in finding at explicit offsets. */
  addSpan(ruleId: string, messageId: string, data: Record<string, unknown>, start: number, end: number, path: DataPath, severity?: Severity): void {
    this.push({
      ruleId,
      severity: severity ?? builtinSeverity(ruleId),
      messageId,
      message: builtinMessage(messageId, this.locale, this.localise(data)),
      range: rangeOf(this.parsed.lineCounter, start, end),
      path,
      docsUrl: builtinDocsUrl(ruleId),
    });
  }

  /** A built-in finding on a data path. */
  addAt(ruleId: string, messageId: string, data: Record<string, unknown>, path: DataPath, anchor: 'key' | 'value' = 'value', fix?: Diagnostic['fix'], suggestion?: string): void {
    const loc = locatePath(this.parsed, path, anchor);
    this.push({
      ruleId,
      severity: builtinSeverity(ruleId),
      messageId,
      message: builtinMessage(messageId, this.locale, this.localise(data)),
      range: rangeOf(this.parsed.lineCounter, loc.start, loc.end),
      path,
      docsUrl: builtinDocsUrl(ruleId),
      ...(fix ? { fix } : {}),
      ...(suggestion ? { suggestion } : {}),
    });
  }

  addShape(f: ShapeFinding): void {
    this.addAt(f.ruleId, f.messageId, f.data, f.path, f.anchor, f.fix, f.suggestion);
  }

  /** A rule's finding: message from the rule file, range from the subject and report path. */
  addRule(f: RawFinding, kind: PlanKind): void {
    const compiled = this.pack.rules.get(f.ruleId)!;
    const rule = compiled.definition;
    const report = rule.checks[f.checkIndex]!.report;
    const path: DataPath = [...f.subjectPath, ...(report.path ? toDataPath(report.path) : [])];
    let start: number;
    let end: number;
    let fix: Diagnostic['fix'];
    if (f.span) {
      [start, end] = f.span;
    } else {
      const loc = locatePath(this.parsed, path, report.anchor ?? 'value');
      // A missing top-level section is shown where it belongs, after the section that precedes it
      // in the format's order (where "insert" puts it), not with every other one on the kind line.
      const at = !loc.exact && loc.depth === 0 && path.length > 0 ? this.precedingSection(kind, String(path[0])) : undefined;
      start = at?.[0] ?? loc.start;
      end = at?.[1] ?? loc.end;
      const last = path[path.length - 1];
      if (!loc.exact && loc.depth === path.length - 1 && typeof last === 'string') {
        fix = { kind: 'insertKey', parentPath: path.slice(0, -1), key: last };
      }
    }
    const replacement = report.fix ? f.data[report.fix.replaceValue] : undefined;
    if (typeof replacement === 'string' && replacement !== '') fix = { kind: 'replaceValue', path, value: replacement };
    const related = report.related?.map((r) => {
      const rp = toDataPath(r.path);
      const loc = locatePath(this.parsed, rp, r.anchor ?? 'value');
      return { path: rp, range: rangeOf(this.parsed.lineCounter, loc.start, loc.end), message: formatMessage(ruleMessage(rule, r.message, this.locale), f.data, this.locale) };
    });
    const messageId = chooseMessage(report, f.data);
    this.push({
      ruleId: f.ruleId,
      severity: report.severity ?? rule.severity,
      messageId,
      message: formatMessage(ruleMessage(rule, messageId, this.locale), f.data, this.locale),
      range: rangeOf(this.parsed.lineCounter, start, end),
      path,
      source: { title: rule.source.title, requirements: rule.source.requirements ?? [], basis: rule.basis, ...(rule.source.url ? { url: rule.source.url } : {}) },
      docsUrl: compiled.docsUrl,
      ...(related?.length ? { related } : {}),
      ...(fix ? { fix } : {}),
    });
  }

  /** The key token of the existing top-level section that comes last before `key` in the format's order. */
  private precedingSection(kind: PlanKind, key: string): [number, number] | undefined {
    const root = this.parsed.doc.contents;
    if (!isMap(root)) return undefined;
    const order = knownKeys(schemasByKind[kind]);
    const rank = order.indexOf(key);
    let best: [number, number] | undefined;
    let bestRank = -1;
    for (const pair of root.items) {
      const r = isScalar(pair.key) ? order.indexOf(String(pair.key.value)) : -1;
      const range = isScalar(pair.key) ? pair.key.range : undefined;
      if (range && r !== -1 && r < rank && r > bestRank) {
        best = [range[0], range[1]];
        bestRank = r;
      }
    }
    return best;
  }

  private localise(data: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) {
      out[k] = v && typeof v === 'object' && !Array.isArray(v) && 'type' in v ? typeName(String((v as { type: unknown }).type), this.locale) : v;
    }
    return out;
  }

  private push(d: Diagnostic): void {
    this.list.push(d);
  }

  /** Applies severity settings and suppressions, sorts and de-duplicates. */
  finish(today: string, kind?: PlanKind, notApplicable: readonly string[] = []): CheckReport {
    const active: Diagnostic[] = [];
    for (const d of this.list) {
      const sev = effectiveSeverity(this.settings, d.ruleId, d.severity);
      if (sev === 'off') continue;
      active.push(sev === d.severity ? d : { ...d, severity: sev });
    }
    const suppressed = this.applySuppressions(active, today);
    const diagnostics = dedupe(active.filter((d) => !d.suppressed));
    return { ...(kind ? { kind } : {}), locale: this.locale, diagnostics, suppressed: dedupe(suppressed), ...(notApplicable.length ? { notApplicable: [...notApplicable] } : {}) };
  }

  private applySuppressions(active: Diagnostic[], today: string): Diagnostic[] {
    const suppressions = planSuppressions(this.parsed);
    const suppressed: Diagnostic[] = [];
    const known = new Set<string>([...this.pack.rules.keys(), ...BUILTIN_RULES]);
    const lc = this.parsed.lineCounter;
    // `suggestion`: what the reported text should read (a misspelt rule id), offered as a fix.
    const report = (messageId: string, data: Record<string, unknown>, start: number, end: number, suggestion?: string) => {
      const sev = effectiveSeverity(this.settings, 'suppression-invalid', 'warning');
      if (sev === 'off') return;
      active.push({
        ruleId: 'suppression-invalid',
        severity: sev,
        messageId,
        message: builtinMessage(messageId, this.locale, data),
        range: suppressionRange(lc, start, end),
        path: [],
        docsUrl: builtinDocsUrl('suppression-invalid'),
        ...(suggestion ? { suggestion, fix: { kind: 'replaceText' as const, value: suggestion } } : {}),
      });
    };
    // The findings on each line, so that many suppressions over many findings cost one pass.
    const byLine = new Map<number, Diagnostic[]>();
    for (const d of active) {
      const line = byLine.get(d.range.start.line);
      if (line) line.push(d);
      else byLine.set(d.range.start.line, [d]);
    }
    for (const s of suppressions) {
      if (s.rules.length === 0) {
        report('suppressionNoRule', {}, s.start, s.end);
        continue;
      }
      if (!s.reason) report('suppressionNoReason', {}, s.start, s.end);
      const expired = s.until !== undefined && s.until < today;
      for (const r of s.rules) {
        if (!known.has(r.id)) {
          const suggestion = closest(r.id, [...known]);
          if (suggestion) report('suppressionUnknownRuleSuggest', { rule: r.id, suggestion }, r.start, r.end, suggestion);
          else report('suppressionUnknownRule', { rule: r.id }, r.start, r.end);
          continue;
        }
        const targets = (byLine.get(s.targetLine) ?? []).filter((d) => d.ruleId === r.id && !d.suppressed);
        if (expired) {
          report('suppressionExpired', { rule: r.id, until: s.until }, s.start, s.end);
          continue;
        }
        if (targets.length === 0) {
          report('suppressionUnused', { rule: r.id }, r.start, r.end);
          continue;
        }
        // Without a reason the suppression is reported and does not silence anything.
        if (!s.reason) continue;
        for (const d of targets) {
          d.suppressed = { justification: s.reason, line: s.line, ...(s.until ? { until: s.until } : {}) };
          suppressed.push(d);
        }
      }
    }
    return suppressed;
  }
}

/** The report's message, or its `whenMissing` alternative for the first placeholder without a value. */
function chooseMessage(report: RuleCheck['report'], data: Record<string, unknown>): string {
  for (const [name, messageId] of Object.entries(report.whenMissing ?? {})) if (isEmptyValue(data[name])) return messageId;
  return report.message;
}

function builtinSeverity(ruleId: string): Severity {
  return BUILTIN_SEVERITIES[ruleId as BuiltinRuleId] ?? 'error';
}

/** Sorts by position, then rule id; drops exact repeats (same rule, range and message). */
function dedupe(list: Diagnostic[]): Diagnostic[] {
  const sorted = [...list].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.message, b.message),
  );
  const out: Diagnostic[] = [];
  for (const d of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.ruleId === d.ruleId && prev.message === d.message && sameRange(prev, d)) continue;
    out.push(d);
  }
  return out;
}

/** Code-unit order: stable across machines, and without localeCompare's start-up cost (~7 ms). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character
  );
}

