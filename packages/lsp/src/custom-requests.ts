/**
 * Protocol: the custom requests the VS Code extension (or any client) may send besides standard
 * LSP. Types only, so a client can share them; the handlers live in start-server.ts.
 */
import { NotificationType, RequestType, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Locale, PlanKind } from '@laatuvahti/core/internal';

/** `laatuvahti/checkFiles` parameters: files to check from disk (open ones use the editor text). */
export interface CheckFilesParams {
  uris: string[];
}

/** One file's outcome of `laatuvahti/checkFiles`. */
export interface CheckFileResult {
  uri: string;
  /** False for YAML that is not a plan (it is not checked). */
  isPlan: boolean;
  /** True for a plan the configs' `ignores` leave out: it was not checked. */
  ignored?: boolean;
  diagnostics: LspDiagnostic[];
}

/** `laatuvahti/ignored`: whether the configs' `ignores` leave an open document out. */
export interface IgnoredParams {
  uri: string;
  ignored: boolean;
}

/**
 * Sent before an open document's diagnostics when it is left out by the configs' `ignores`, and
 * once with `ignored: false` when it no longer is, so a client can say "not checked" rather
 * than "no findings".
 */
export const IgnoredNotification = new NotificationType<IgnoredParams>('laatuvahti/ignored');

/** Checks files, publishes their diagnostics (so closed files show in Problems) and returns them. */
export const CheckFilesRequest = new RequestType<CheckFilesParams, { results: CheckFileResult[] }, void>('laatuvahti/checkFiles');

/** `laatuvahti/ruleDocumentation` parameters. */
export interface RuleDocumentationParams {
  ruleId: string;
  locale?: Locale;
}

/** A rule's documentation as markdown, or null for an unknown rule id. */
export const RuleDocumentationRequest = new RequestType<RuleDocumentationParams, { markdown: string } | null, void>('laatuvahti/ruleDocumentation');

/** `laatuvahti/listRules` parameters. */
export interface ListRulesParams {
  locale?: Locale;
}

/** One row of `laatuvahti/listRules`. */
export interface RuleSummary {
  id: string;
  title: string;
  /** Effective severity for the workspace ('off' when turned off). */
  severity: 'error' | 'warning' | 'info' | 'off';
  /** The legal or guidance source, in the requested locale ('' for built-in checks). */
  source: string;
}

/** Every rule the workspace's pack knows, built-in checks included. */
export const ListRulesRequest = new RequestType<ListRulesParams, RuleSummary[], void>('laatuvahti/listRules');

/** `laatuvahti/skeleton` parameters. */
export interface SkeletonParams {
  kind: PlanKind;
  language: Locale;
}

/** A new plan of a kind, as YAML text. */
export const SkeletonRequest = new RequestType<SkeletonParams, { text: string }, void>('laatuvahti/skeleton');

/** `laatuvahti/importPlan` parameters: a plan as .docx, .md or .txt on disk, by file URI. */
export interface ImportPlanParams {
  uri: string;
  /** By default the document tells them (see core's `importPlan`). */
  kind?: PlanKind;
  language?: Locale;
}

/** What `laatuvahti/importPlan` made: the YAML draft and how much of the source it mapped. */
export interface ImportPlanResult {
  text: string;
  kind: PlanKind;
  language: Locale;
  headings: { found: number; recognised: number };
  paragraphs: { mapped: number; kept: number };
  words: { mapped: number; kept: number };
  guesses: number;
  personalIdsMasked: number;
}

/**
 * A draft of the plan in the file (what `laatuvahti import` writes); the client saves it where
 * it likes. A file that cannot be read or imported is an InvalidParams error saying why.
 */
export const ImportPlanRequest = new RequestType<ImportPlanParams, ImportPlanResult, void>('laatuvahti/importPlan');

/**
 * `laatuvahti/complianceReport` parameters: one document (`uri`) or several (`uris`), each open
 * in the editor or a file on disk.
 */
export interface ComplianceReportParams {
  uri?: string;
  uris?: string[];
  locale?: Locale;
}

/**
 * The compliance report of the plans among the documents as Markdown (what `laatuvahti check
 * --format markdown` writes for the files); null when none is a plan that can be read.
 */
export const ComplianceReportRequest = new RequestType<ComplianceReportParams, { markdown: string } | null, void>('laatuvahti/complianceReport');
