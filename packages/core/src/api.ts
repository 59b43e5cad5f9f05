/**
 * The public API's entry points, built on the pipeline: check a text, check data, the rule
 * catalogue and its documentation, the compliance report. `@laatuvahti/core` (index.ts) exposes
 * them with the hand-written types of api-types.ts; the CLI and the language server reach the
 * same functions through `@laatuvahti/core/internal`.
 */
import { checkWithPack, currentDate, type CheckOptions, type CheckReport } from './check.js';
import { getDefaultPack } from './default-pack.js';
import { resolveSettings, defaultSeverity, effectiveSeverity, type RuleSettings } from './settings.js';
import { ruleOutcomes, type RuleOutcome } from './outcomes.js';
import { complianceReport, reportedRules, type ReportedPlan as ReportedPlanInput } from './report/compliance-report.js';
import { localizedRuleDocs } from './messages/rule-docs.js';
import { BUILTIN_RULES, BUILTIN_SEVERITIES, BUILTIN_TITLES } from './messages/builtin-messages.js';
import { builtinDocsUrl } from './messages/docs.js';
import { formatPath } from './rules/data-path.js';
import { KINDS } from './schema/index.js';
import { planDataText, pathFinder } from './plan-data.js';
import type { CompiledPack } from './rules/compile-pack.js';
import type { RuleSetChoice } from './rules/rule-schema.js';
import type { FileDiagnostic } from './rules/read-definitions.js';
import type { DataFinding, DataReport, RuleInfo } from './api-types.js';
import type { DataPath, Diagnostic, Locale } from './types.js';

/** Options of `check`, `checkDocument` and `checkData` (the public `CheckOptions` with core's own types). */
export interface PublicCheckOptions {
  /** The date rules compare with (YYYY-MM-DD); defaults to the current date. */
  today?: string;
  /** Language of messages; without it (and `config.locale`) the plan's `language` decides, else en. */
  locale?: Locale;
  /** The document's URI (kept for the caller's bookkeeping). */
  uri?: string;
  /** Per-rule settings, as in the `rules:` section of laatuvahti.config.yaml. */
  config?: { rules?: RuleSettings; locale?: Locale; extends?: RuleSetChoice };
  /** A compiled rule pack; defaults to the pack that ships inside this package. */
  pack?: CompiledPack;
  /** Cancels the check, which then rejects with the signal's reason (see `CheckOptions`). */
  signal?: AbortSignal;
  /** Awaited between list items every `sliceMs` (default 10) ms of work, to let other work in. */
  yieldControl?: () => Promise<void>;
  sliceMs?: number;
  /** Stops evaluating rules after this many ms and reports `check-incomplete` (see `CheckOptions`). */
  timeBudgetMs?: number;
}

/** A check report plus problems found in the given config, and every rule's outcome. */
export interface DocumentReport extends CheckReport {
  /** Problems of `options.config` (unknown rules, invalid options), which were then ignored. */
  configDiagnostics: FileDiagnostic[];
  /** Every rule of the document's kind with its outcome (`ruleOutcomes`); empty without a kind. */
  outcomes: RuleOutcome[];
}

/**
 * Checks one plan. Returns the findings that stand (suppressed ones left out), sorted by
 * position. Never throws for any input text.
 */
export async function check(text: string, options: PublicCheckOptions = {}): Promise<Diagnostic[]> {
  return (await runCheck(text, options)).report.diagnostics;
}

/** Like `check`, with suppressed findings, config problems and rule outcomes as well. */
export async function checkDocument(text: string, options: PublicCheckOptions = {}): Promise<DocumentReport> {
  const { report, pack, settings, today, configDiagnostics } = await runCheck(text, options);
  return { ...report, configDiagnostics, outcomes: ruleOutcomes(pack, report, { today, settings }) };
}

/** The check both share; `check` leaves the outcomes uncounted (the bench times it). */
async function runCheck(text: string, options: PublicCheckOptions) {
  const pack = options.pack ?? getDefaultPack();
  // The caller's choice of language, if any; otherwise the plan's own `language` decides (check.ts).
  const chosen = options.locale ?? options.config?.locale;
  const today = options.today ?? currentDate();
  const { settings, diagnostics: configDiagnostics } = resolveSettings(pack, options.config?.rules ?? {}, undefined, chosen ?? 'en', options.config?.extends);
  const checkOptions: CheckOptions = {
    ...(chosen ? { locale: chosen } : {}),
    settings,
    today,
    ...(options.uri ? { uri: options.uri } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.yieldControl ? { yieldControl: options.yieldControl } : {}),
    ...(options.sliceMs !== undefined ? { sliceMs: options.sliceMs } : {}),
    ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}),
  };
  const report = await checkWithPack(pack, text, checkOptions);
  return { report, pack, settings, today, configDiagnostics };
}

/**
 * Checks a plan held as data (from `JSON.parse`, or mapped from database rows): the same
 * findings as `check` gives for the same plan written as YAML, each with its data path instead
 * of a range. Rejects with a `PlanDataError` (a TypeError naming the path) for a value no plan
 * file could hold (a function, a Map, a cycle, NaN); see plan-data.ts.
 */
export async function checkData(value: unknown, options: PublicCheckOptions = {}): Promise<DataReport> {
  const text = planDataText(value);
  const report = await checkDocument(text, options);
  const pathAt = pathFinder(text);
  return {
    ...(report.kind ? { kind: report.kind } : {}),
    locale: report.locale,
    findings: report.diagnostics.map((d) => toDataFinding(d, text, pathAt)),
    ...(report.notApplicable ? { notApplicable: report.notApplicable } : {}),
    configDiagnostics: report.configDiagnostics,
    outcomes: report.outcomes,
  };
}

/** A text finding of a data plan's YAML form -> the same finding by data path. */
function toDataFinding(d: Diagnostic, text: string, pathAt: (offset: number) => DataPath): DataFinding {
  // Findings of a scan over the text (a personal identity code) have no path of their own: the
  // value the match lies in is the place.
  const path = d.path.length === 0 && (d.range.start.line > 0 || d.range.start.character > 0) ? pathAt(offsetOf(text, d.range.start)) : d.path;
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    messageId: d.messageId,
    path,
    dataPath: formatPath(path),
    ...(d.source ? { source: d.source } : {}),
    docsUrl: d.docsUrl,
    ...(d.related ? { related: d.related.map((r) => ({ path: r.path, dataPath: formatPath(r.path), message: r.message })) } : {}),
    ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
    ...(d.fix && d.fix.kind !== 'replaceText' ? { fix: d.fix } : {}),
  };
}

/** The UTF-16 offset of a position in `text` (LF line ends: the text is planDataText's). */
function offsetOf(text: string, position: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

/** Options of `catalogRules` and `ruleDocumentation` (core's own types). */
export interface CatalogOptions {
  locale?: Locale;
  pack?: CompiledPack;
  config?: PublicCheckOptions['config'];
}

/**
 * The rule catalogue: the pack's rules sorted by id, then the engine's own checks, each with
 * its title and source in `locale` and the severity it reports at under `config`.
 */
export function catalogRules(options: CatalogOptions = {}): RuleInfo[] {
  const pack = options.pack ?? getDefaultPack();
  const locale = options.locale ?? options.config?.locale ?? 'en';
  const { settings } = resolveSettings(pack, options.config?.rules ?? {}, undefined, locale, options.config?.extends);
  const rules: RuleInfo[] = [...pack.rules.values()]
    .map(({ definition: d, docsUrl }) => ({
      id: d.id,
      title: d.title[locale],
      severity: effectiveSeverity(settings, d.id, defaultSeverity(d, settings)),
      source: { title: d.source.title[locale], requirements: [...(d.source.requirements ?? [])], basis: d.basis, ...(d.source.url ? { url: d.source.url } : {}) },
      kinds: [...d.kinds],
      builtin: false,
      docsUrl,
    }))
    // Code-unit order, as everywhere in core: the same on every machine.
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const id of BUILTIN_RULES) {
    rules.push({ id, title: BUILTIN_TITLES[id][locale], severity: effectiveSeverity(settings, id, BUILTIN_SEVERITIES[id]), kinds: [...KINDS], builtin: true, docsUrl: builtinDocsUrl(id) });
  }
  return rules;
}

/**
 * A rule's documentation (Markdown: what it checks, why, how to fix, examples) in `locale`;
 * undefined for an unknown id and for the engine's own checks, whose page is at their `docsUrl`.
 */
export function ruleDocumentation(ruleId: string, options: Omit<CatalogOptions, 'config'> = {}): string | undefined {
  const readme = (options.pack ?? getDefaultPack()).rules.get(ruleId)?.readme;
  return readme === undefined ? undefined : localizedRuleDocs(readme, options.locale ?? 'en');
}

/** One plan of `plansComplianceReport`. */
export interface PlanForReport {
  path: string;
  report: DocumentReport | DataReport;
  sha256?: string;
}

/**
 * The compliance report in Markdown (what `laatuvahti check --format markdown` writes): per
 * plan the outcome of every rule of its kind with its source, and the findings, located by line
 * for text and by data path for data.
 */
export function plansComplianceReport(options: { plans: readonly PlanForReport[]; locale?: Locale; today?: string; pack?: CompiledPack; version?: string }): string {
  const pack = options.pack ?? getDefaultPack();
  const locale = options.locale ?? 'en';
  const plans: ReportedPlanInput[] = options.plans.map(({ path, report, sha256 }) => ({
    path,
    ...(report.kind ? { kind: report.kind } : {}),
    ...(sha256 ? { sha256 } : {}),
    diagnostics: 'findings' in report ? report.findings.map(asLocatedByPath) : report.diagnostics,
    suppressed: 'findings' in report ? [] : report.suppressed,
    outcomes: report.outcomes,
    located: 'findings' in report ? 'data' : 'text',
  }));
  return complianceReport({ plans, rules: reportedRules(pack, locale), locale, today: options.today ?? currentDate(), version: options.version ?? 'core' });
}

/** A data finding in the report's shape; `located: 'data'` shows its path, never this range. */
function asLocatedByPath(f: DataFinding): Diagnostic {
  const { dataPath: _shown, related: _related, ...rest } = f;
  return { ...rest, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}
