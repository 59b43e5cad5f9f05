/**
 * CLI, formatting step: what every formatter receives, and the small conversions they share
 * (LSP's 0-based ranges -> the 1-based lines and columns people and CI tools use).
 */
import type { Diagnostic, Locale, Range } from '@laatuvahti/core/internal';
import type { FileResult, RunSummary } from '../run-result.js';
import type { RuleInfo } from '../rule-catalog.js';

/** Everything a report is made from. Formatters are pure: input -> text. */
export interface ReportInput {
  /** Every file looked at, skipped ones included, in path order. */
  results: readonly FileResult[];
  summary: RunSummary;
  /** The rules of the pack(s) used, for rule metadata (SARIF). */
  rules: readonly RuleInfo[];
  locale: Locale;
  /** Colours for a terminal (stylish only). */
  color: boolean;
  /** The folder paths are relative to. */
  cwd: string;
  /** The date rules compared with. */
  today: string;
  /** The CLI's version. */
  version: string;
  /** The baseline file the run used (`--baseline`), as shown to the user. */
  baseline?: string;
}

/** Turns a report input into the text of a format. */
export type Formatter = (input: ReportInput) => string;

/** A range as 1-based line and column numbers; the end column is exclusive, as in SARIF. */
export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** 0-based LSP range -> 1-based region (columns in UTF-16 code units, like LSP). */
export function toRegion(range: Range): Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** Plan files that were checked. */
export function checkedFiles(input: ReportInput): FileResult[] {
  return input.results.filter((r) => r.status === 'checked');
}

/** "(until 2026-08-31)" for a suppression with an end date. */
export function untilText(d: Diagnostic): string {
  return d.suppressed?.until ? ` (until ${d.suppressed.until})` : '';
}

/**
 * Text from a plan (activity names, reasons, file names) can hold line breaks or escape
 * sequences; at a terminal or in a table row they would break the layout or be interpreted, so
 * they become spaces.
 */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
