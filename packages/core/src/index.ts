/**
 * @laatuvahti/core: checks Finnish social-care plans (YAML or JSON text, or plain data) against
 * a declarative rule pack and returns findings with exact ranges or data paths. The public API:
 * every name exported here is a semver promise, so there are few, and their types (api-types.ts)
 * name nothing from the libraries inside. The code is in `@laatuvahti/core/internal` (imported
 * by package name, so that this entry and the Node entry share one copy of it).
 */
import * as core from '@laatuvahti/core/internal';
import type {
  CheckOptions,
  ComplianceReportOptions,
  DataPath,
  DataReport,
  Diagnostic,
  DocumentReport,
  FixResult,
  RuleCatalogOptions,
  RuleInfo,
} from './api-types.js';
import type { ImportOptions, ImportResult, ImportSource } from './import/import-plan.js';
import type { ImportErrorCode } from './import/import-error.js';

export type {
  AppliedSuppression,
  CheckOptions,
  ComplianceReportOptions,
  Config,
  ConfigProblem,
  DataFinding,
  DataPath,
  DataReport,
  Diagnostic,
  DiagnosticFix,
  DocumentReport,
  FixResult,
  Locale,
  PathSegment,
  PlanKind,
  Position,
  Range,
  RelatedData,
  RelatedLocation,
  ReportedPlan,
  RuleCatalogOptions,
  RuleInfo,
  RuleOutcome,
  RulePack,
  RuleSetName,
  RuleSetting,
  RuleSeverity,
  Severity,
  SourceCitation,
} from './api-types.js';

// The public types and core's own describe the same values; only the rule pack is opaque here
// (it is the pack `loadRulePack` compiled).
const internal = (options: CheckOptions | undefined) => options as core.PublicCheckOptions | undefined;

/**
 * Checks one plan (YAML, or JSON text: ranges then point into the JSON). Resolves to the
 * findings that stand, sorted by position; never rejects for any input text.
 */
export function check(text: string, options?: CheckOptions): Promise<Diagnostic[]> {
  return core.check(text, internal(options));
}

/** Like `check`, with suppressed findings, config problems and every rule's outcome as well. */
export function checkDocument(text: string, options?: CheckOptions): Promise<DocumentReport> {
  return core.checkDocument(text, internal(options)) as Promise<DocumentReport>;
}

/**
 * Checks a plan held as data: a plain object as from `JSON.parse` or a database row mapper
 * (`Date` values are taken as their calendar day). Resolves to the same findings as `check`
 * of the same plan as YAML, each with its data path (`unit.premises.accessible`) instead of a
 * range. Rejects with a `PlanDataError` for a value no plan file could hold.
 */
export function checkData(value: unknown, options?: CheckOptions): Promise<DataReport> {
  return core.checkData(value, internal(options)) as Promise<DataReport>;
}

/** Why `checkData` rejected a value (a function, a Map, a cycle, NaN, an invalid Date). */
export interface PlanDataError extends TypeError {
  readonly name: 'PlanDataError';
  /** Where in the value, as a data path ([] for the value itself). */
  readonly path: DataPath;
}
export const PlanDataError: new (message: string, path: DataPath) => PlanDataError = core.PlanDataError as never;

/**
 * Applies the fixes that need no judgement (misspelt values, keys and rule ids; never an
 * insertion) to the text the findings came from, as `laatuvahti check --fix` does.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): FixResult {
  return core.applyFixes(text, diagnostics);
}

/** The rule catalogue: the pack's rules by id, then the engine's own checks. */
export function listRules(options?: RuleCatalogOptions): RuleInfo[] {
  return core.catalogRules(options as core.CatalogOptions | undefined);
}

/** A rule's documentation in Markdown, in `options.locale`; undefined for the engine's own checks. */
export function ruleDocumentation(ruleId: string, options?: Omit<RuleCatalogOptions, 'config'>): string | undefined {
  return core.ruleDocumentation(ruleId, options as core.CatalogOptions | undefined);
}

/**
 * The compliance report in Markdown: per plan the outcome of every rule of its kind, with the
 * legal source, and the findings (by line for text, by data path for data).
 */
export function complianceReport(options: ComplianceReportOptions): string {
  return core.plansComplianceReport(options as Parameters<typeof core.plansComplianceReport>[0]);
}

// Relative, not through the internal entry: the declarations are then copied into this entry's
// .d.ts (they name nothing but core's own types), which imports no other package.
export type { ImportSource, ImportOptions, ImportResult, ImportedHeading, ImportStats } from './import/import-plan.js';
export type { ImportErrorCode } from './import/import-error.js';

/**
 * Turns a plan written in Word (.docx bytes), Markdown or plain text into a YAML draft in the
 * plan format: headings of Valvira's 2024 and 2014 structures and of the service description
 * mapped to keys, labelled fields picked out, every guess marked with a comment, the rest kept
 * under `importedText`, personal identity codes masked. Rejects with an `ImportError` only for
 * a source it cannot read (not a .docx, an unknown format).
 */
export function importPlan(source: ImportSource, options?: ImportOptions): Promise<ImportResult> {
  return core.importPlan(source, options);
}

/** Why `importPlan` rejected a source: `code` is `unsupported-format`, `not-docx` or `no-docx-reader`. */
export interface ImportError extends Error {
  readonly name: 'ImportError';
  readonly code: ImportErrorCode;
}
export const ImportError: new (code: ImportErrorCode, message: string) => ImportError = core.ImportError as never;

