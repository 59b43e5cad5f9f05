/**
 * @laatuvahti/core: checks Finnish social-care plans (YAML) against a declarative rule pack and
 * returns diagnostics with exact ranges. Public API re-exports only.
 */
import { checkWithPack, type CheckOptions, type CheckReport } from './check.js';
import { getDefaultPack } from './default-pack.js';
import { resolveSettings, type RuleSettings } from './settings.js';
import type { CompiledPack } from './rules/compile-pack.js';
import type { ConfigFile } from './rules/rule-schema.js';
import type { FileDiagnostic } from './rules/read-definitions.js';
import type { Diagnostic, Locale } from './types.js';

/** Options of `check` and `checkDocument`. */
export interface PublicCheckOptions {
  /** The date date rules compare with (YYYY-MM-DD); defaults to the current date. */
  today?: string;
  /** Language of messages: 'fi', 'sv' or 'en' (default 'en'). */
  locale?: Locale;
  /** The document's URI (kept for the caller's bookkeeping). */
  uri?: string;
  /** Per-rule settings, as in the `rules:` section of laatuvahti.config.yaml. */
  config?: { rules?: RuleSettings; locale?: Locale; extends?: ConfigFile['extends'] };
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

/** A check report plus problems found in the given config. */
export interface DocumentReport extends CheckReport {
  /** Problems of `options.config` (unknown rules, invalid options), which were then ignored. */
  configDiagnostics: FileDiagnostic[];
}

/**
 * Checks one plan. Returns the findings that stand (suppressed ones left out), sorted by
 * position. Never throws for any input text.
 */
export async function check(text: string, options: PublicCheckOptions = {}): Promise<Diagnostic[]> {
  return (await checkDocument(text, options)).diagnostics;
}

/** Like `check`, with suppressed findings and config problems as well. */
export async function checkDocument(text: string, options: PublicCheckOptions = {}): Promise<DocumentReport> {
  const pack = options.pack ?? getDefaultPack();
  const { settings, diagnostics: configDiagnostics } = resolveSettings(pack, options.config?.rules ?? {}, undefined, options.locale ?? options.config?.locale ?? 'en', options.config?.extends);
  const checkOptions: CheckOptions = {
    locale: options.locale ?? options.config?.locale ?? 'en',
    settings,
    ...(options.today ? { today: options.today } : {}),
    ...(options.uri ? { uri: options.uri } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.yieldControl ? { yieldControl: options.yieldControl } : {}),
    ...(options.sliceMs !== undefined ? { sliceMs: options.sliceMs } : {}),
    ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}),
  };
  const report = await checkWithPack(pack, text, checkOptions);
  return { ...report, configDiagnostics };
}

export { checkWithPack, currentDate, type CheckOptions, type CheckReport } from './check.js';
export { getDefaultPack, bundledPackSource } from './default-pack.js';
export { RunMemo } from './rules/run-pack.js';
export { compilePack, RunQueue, DOCS_BASE_URL, type CompiledPack, type CompiledRule, type PackSource } from './rules/compile-pack.js';
export { resolveSettings, effectiveSeverity, defaultSeverity, defaultRuleOptions, type ResolvedSettings, type RuleSettings } from './settings.js';
export { readRuleFile, readReferenceFile, readConfigFile, readDefinition, ruleLoadDiagnostic, type FileDiagnostic, type ReadResult } from './rules/read-definitions.js';
export { ruleFileSchema, configFileSchema, referenceFileSchema, KNOWN_FACTS, BASES, RULE_SETS, type Basis, type RuleSet, type RuleFile, type ConfigFile, type ReferenceFile, type RuleCheck } from './rules/rule-schema.js';
export { KNOWN_OPERATORS, OPERATORS, isEmptyValue } from './rules/operators.js';
export { isValidBusinessId, isValidPersonalId, maskIdentifier, redactPersonalIds, PERSONAL_ID_SCAN_RE } from './rules/checksums.js';
export { applyFixes, AUTO_FIX_KINDS, type FixEdit, type FixResult } from './fixes.js';
export { ruleOutcomes, type RuleOutcome, type RuleOutcomeKind, type OutcomeInput } from './outcomes.js';
export { complianceReport, reportedRules, markdownText, SEVERITY_NAMES, type ComplianceReportInput, type ReportedPlan, type ReportedRule } from './report/compliance-report.js';
export { parseInterval, addInterval, isLongerThan } from './rules/interval.js';
export { parsePath, formatPath, getAt, expandPath, toDataPath } from './rules/data-path.js';
export { parseText, positionAt, rangeOf, type ParsedText, type SyntaxProblem } from './parse/parse-text.js';
export { locatePath, type Location } from './parse/locate.js';
export { isPlanText } from './plan-detect.js';
export { schemasByKind, selfMonitoringPlanSchema, serviceDescriptionSchema, API_VERSION, KINDS, KIND_NAMES, type PlanKind, type SelfMonitoringPlan, type ServiceDescription } from './schema/index.js';
export { schemaAt, knownKeys, enumValues, validateShape } from './schema/validate-shape.js';
export { descriptionsOf } from './schema/meta.js';
export { keySkeleton, placeholderValue, renderScalar, schemaKind, unwrapSchema, type SchemaKind, type SkeletonOptions } from './schema/key-skeleton.js';
export { createPlanSkeleton, type PlanSkeletonOptions } from './skeleton.js';
export { BUILTIN_RULES, BUILTIN_SEVERITIES, BUILTIN_TITLES, BUILTIN_MESSAGES, type BuiltinRuleId } from './messages/builtin-messages.js';
export { builtinDocsUrl } from './messages/docs.js';
export { BASIS_NAMES, OFF_BY_DEFAULT } from './messages/basis-names.js';
export { formatMessage } from './messages/format-message.js';
export { localizedRuleDocs, ruleSummary, README_HEADINGS, README_OPTIONAL_HEADINGS } from './messages/rule-docs.js';
export { closest, editDistance } from './suggest.js';
export { findSuppressions, type Suppression } from './suppressions.js';
export * from './types.js';
