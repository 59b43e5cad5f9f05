/**
 * The language server's custom requests, as the extension sends them. Method names and shapes
 * are the server's contract (packages/lsp); nothing here imports the editor.
 */
import type { UiLocale } from './resolve-locale.js';

/** Method names of the custom requests. */
export const REQUESTS = {
  checkFiles: 'laatuvahti/checkFiles',
  ruleDocumentation: 'laatuvahti/ruleDocumentation',
  listRules: 'laatuvahti/listRules',
  skeleton: 'laatuvahti/skeleton',
  complianceReport: 'laatuvahti/complianceReport',
  importPlan: 'laatuvahti/importPlan',
} as const;

/** Notifications the server sends besides standard LSP. */
export const NOTIFICATIONS = {
  /** `{ uri, ignored }`: the configs' `ignores` leave an open document out (or no longer do). */
  ignored: 'laatuvahti/ignored',
} as const;

/** `laatuvahti/ignored` parameters. */
export interface IgnoredParams {
  uri: string;
  ignored: boolean;
}

/** `laatuvahti/checkFiles` parameters: file URIs; the server also publishes their diagnostics. */
export interface CheckFilesParams {
  uris: string[];
}

/** One checked file; `diagnostics` are LSP diagnostics (severity 1 = Error). */
export interface CheckFileResult {
  uri: string;
  isPlan: boolean;
  /** A plan the configs' `ignores` leave out: not checked, no diagnostics. */
  ignored?: boolean;
  diagnostics: { severity?: number; code?: string | number; message?: string }[];
}

/** `laatuvahti/checkFiles` result. */
export interface CheckFilesResult {
  results: CheckFileResult[];
}

/** `laatuvahti/ruleDocumentation` parameters. */
export interface RuleDocumentationParams {
  ruleId: string;
  locale?: UiLocale;
}

/** `laatuvahti/ruleDocumentation` result: null for an unknown rule. */
export type RuleDocumentationResult = { markdown: string } | null;

/** `laatuvahti/listRules` parameters. */
export interface ListRulesParams {
  locale?: UiLocale;
}

/** One rule as `laatuvahti/listRules` lists it. */
export interface RuleSummary {
  id: string;
  title: string;
  severity: string;
  source: string;
}

/** The two plan kinds of format v1. */
export type PlanKind = 'SelfMonitoringPlan' | 'ServiceDescription';

/** `laatuvahti/skeleton` parameters. */
export interface SkeletonParams {
  kind: PlanKind;
  language: UiLocale;
}

/** `laatuvahti/skeleton` result: the YAML text of a new plan. */
export interface SkeletonResult {
  text: string;
}

/** `laatuvahti/complianceReport` parameters: one document or several (open or on disk). */
export interface ComplianceReportParams {
  uri?: string;
  uris?: string[];
  locale?: UiLocale;
}

/** `laatuvahti/complianceReport` result: null when none of the documents is a plan. */
export type ComplianceReportResult = { markdown: string } | null;

/** `laatuvahti/importPlan` parameters: a .docx, .md or .txt file on disk. */
export interface ImportPlanParams {
  uri: string;
}

/** `laatuvahti/importPlan` result: the YAML draft and what of the source went where. */
export interface ImportPlanResult {
  text: string;
  kind: PlanKind;
  language: UiLocale;
  headings: { found: number; recognised: number };
  paragraphs: { mapped: number; kept: number };
  words: { mapped: number; kept: number };
  guesses: number;
  personalIdsMasked: number;
}
