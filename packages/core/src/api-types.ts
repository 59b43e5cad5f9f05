/**
 * The types of the public API (`@laatuvahti/core` and `@laatuvahti/core/node`): written out by
 * hand, neither inferred from core's schemas nor taken from the libraries it bundles, so the
 * published declarations name no third-party type and change only when this file does.
 */
import type { DataPath, Diagnostic, DiagnosticFix, Locale, Severity, SourceCitation } from './types.js';

export type { AppliedSuppression, DataPath, Diagnostic, DiagnosticFix, Locale, PathSegment, Position, Range, RelatedLocation, Severity, SourceCitation } from './types.js';

/** The two kinds of document in `apiVersion: laatuvahti/v1`. */
export type PlanKind = 'SelfMonitoringPlan' | 'ServiceDescription';

/** A rule's severity in a config: a finding's severity, or `off`. */
export type RuleSeverity = Severity | 'off';

/** One rule's entry under `rules:` in laatuvahti.config.yaml. */
export type RuleSetting = RuleSeverity | { severity?: RuleSeverity; options?: Record<string, string | number | boolean> };

/** The shipped rule sets: the recommended one, and strict, which adds single-document practice. */
export type RuleSetName = 'laatuvahti:recommended' | 'laatuvahti:strict';

/** A config, as in laatuvahti.config.yaml (the parts that apply to one check). */
export interface Config {
  /** The shipped rule set: `laatuvahti:recommended` (the default) or `laatuvahti:strict`. */
  extends?: RuleSetName | readonly RuleSetName[];
  /** Language of messages when the caller does not choose one. */
  locale?: Locale;
  /** Severities and options per rule id. */
  rules?: Record<string, RuleSetting>;
}

declare const RULE_PACK: unique symbol;

/**
 * A compiled rule pack: the one that ships inside the package (the default everywhere), or one
 * with extra rule folders from `loadRulePack` (`@laatuvahti/core/node`). Opaque: pass it on.
 */
export interface RulePack {
  readonly [RULE_PACK]: true;
}

/** Options of `check`, `checkDocument` and `checkData`. */
export interface CheckOptions {
  /** The date rules compare with (YYYY-MM-DD); defaults to the current date (UTC). */
  today?: string;
  /**
   * Language of messages: 'fi', 'sv' or 'en'. Without it (and without `config.locale`) the
   * plan's own `language` decides, else English.
   */
  locale?: Locale;
  /** The document's URI (kept for the caller's bookkeeping). */
  uri?: string;
  /** Severities and options per rule, and the rule set, as in laatuvahti.config.yaml. */
  config?: Config;
  /** A rule pack; defaults to the pack that ships inside this package. */
  pack?: RulePack;
  /** Cancels the check, which then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Awaited between list items every `sliceMs` (default 10) ms of work, to let other work in. */
  yieldControl?: () => Promise<void>;
  /** How long the check may run between two `yieldControl` calls; default 10 ms. */
  sliceMs?: number;
  /** Stops evaluating rules after this many ms and reports `check-incomplete` with the findings so far. */
  timeBudgetMs?: number;
}

/** A problem in a config or rule file, which was then ignored (an unknown rule id, a bad option). */
export interface ConfigProblem {
  /** The file, or `config` for a config given as an object. */
  uri: string;
  diagnostic: Diagnostic;
}

/** How one rule fared for one document (for evidence of what was checked). */
export interface RuleOutcome {
  ruleId: string;
  outcome: 'failed' | 'suppressed' | 'baselined' | 'passed' | 'not-applicable' | 'off' | 'not-in-force' | 'not-evaluated';
  /** The severity the rule ran with (after config), or `off`. */
  severity: RuleSeverity;
  /** Findings that stand, silenced by comments, and recorded in a baseline. */
  findings: number;
  suppressed: number;
  baselined: number;
  /** The rule's `appliesFrom`, for `not-in-force`. */
  appliesFrom?: string;
}

/** Everything a check of a text found. */
export interface DocumentReport {
  /** The document's kind when its header could be read. */
  kind?: PlanKind;
  /** The language the messages are in. */
  locale: Locale;
  /** Findings that stand (not suppressed), sorted by position. */
  diagnostics: Diagnostic[];
  /** Findings silenced by a suppression comment, with its justification. */
  suppressed: Diagnostic[];
  /** Rules that do not concern this document (e.g. community-housing rules for a day centre). */
  notApplicable?: string[];
  /** Problems of `options.config`, which were then ignored. */
  configDiagnostics: ConfigProblem[];
  /** Every rule of the document's kind with its outcome; empty when no rule could run. */
  outcomes: RuleOutcome[];
}

/** A second place a data finding concerns. */
export interface RelatedData {
  path: DataPath;
  /** `path` written out: `unit.premises.accessible`, `socialActivity.activities[0].every`. */
  dataPath: string;
  message: string;
}

/** One finding of `checkData`: a `Diagnostic` with a data path in place of a range. */
export interface DataFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  messageId: string;
  /** Where in the data: key and index segments; [] for the whole plan. */
  path: DataPath;
  /** `path` written out: `unit.premises.accessible`, `socialActivity.activities[0].every`. */
  dataPath: string;
  source?: SourceCitation;
  docsUrl: string;
  related?: RelatedData[];
  /** Suggested value or key ("did you mean"). */
  suggestion?: string;
  /** The change that would correct the data (a key to add, a value or key to replace). */
  fix?: Exclude<DiagnosticFix, { kind: 'replaceText' }>;
}

/** Everything a check of data found. */
export interface DataReport {
  kind?: PlanKind;
  locale: Locale;
  /** Findings, in the order of the plan's text form (the format's key order). */
  findings: DataFinding[];
  notApplicable?: string[];
  configDiagnostics: ConfigProblem[];
  outcomes: RuleOutcome[];
}

/** The result of `applyFixes`. */
export interface FixResult {
  /** The corrected text. */
  text: string;
  /** The findings whose fixes were applied. */
  applied: Diagnostic[];
  /** The edits made, in text order, as UTF-16 offsets into the original text. */
  edits: { start: number; end: number; newText: string }[];
}

/** One rule of the catalogue. */
export interface RuleInfo {
  id: string;
  /** The rule's title in the requested language. */
  title: string;
  /** The severity it reports at under the given config (`off` when it does not run). */
  severity: RuleSeverity;
  /** Where the requirement comes from, in the requested language (absent for the engine's own checks). */
  source?: { title: string; requirements: readonly string[]; basis: SourceCitation['basis']; url?: string };
  /** The kinds of plan it checks (both for the engine's own checks). */
  kinds: readonly PlanKind[];
  /** True for the engine's own checks (syntax, schema, config, suppressions). */
  builtin: boolean;
  docsUrl: string;
}

/** Options of `listRules` and `ruleDocumentation`. */
export interface RuleCatalogOptions {
  locale?: Locale;
  pack?: RulePack;
  /** The config whose severities `listRules` reports. */
  config?: Config;
}

/** One plan in a compliance report. */
export interface ReportedPlan {
  /** The path or name shown for the plan. */
  path: string;
  /** The plan's check (`checkDocument`, or `checkData` for data). */
  report: DocumentReport | DataReport;
  /** SHA-256 of the plan's bytes (hex), to tie the report to the exact file. */
  sha256?: string;
}

/** Input of `complianceReport`. */
export interface ComplianceReportOptions {
  plans: readonly ReportedPlan[];
  /** The report's language; default en. */
  locale?: Locale;
  /** The date the plans were checked with; defaults to the current date. */
  today?: string;
  /** The rule pack they were checked with; defaults to the shipped one. */
  pack?: RulePack;
  /** The name and version of the checking tool, as shown in the report. */
  version?: string;
}

/** Options of `checkFile` (`@laatuvahti/core/node`). */
export interface CheckFileOptions {
  /** The date rules compare with (YYYY-MM-DD); defaults to the current date. */
  today?: string;
  /** Language of messages; without it the config's `locale`, else the plan's own `language`, decides. */
  locale?: Locale;
  /** Use this config file instead of the `laatuvahti.config.yaml` files above the plan. */
  configFile?: string;
  /** Extra rule folders (absolute paths), besides the config's `ruleDirs`. */
  ruleDirs?: readonly string[];
  /** Cancels the check, which then rejects with the signal's reason. */
  signal?: AbortSignal;
}
