/**
 * CLI, results step: what a `check` run produced per file, the counts over all files, and the
 * exit code they lead to. Formatters read these; nothing here prints.
 */
import type { Diagnostic, PlanKind, RuleOutcome } from '@laatuvahti/core/internal';

/**
 * `1 plan file`, `2 plan files`: a count with the word in the number it needs (English). Core
 * has the same `countOf`; this module is imported at start-up, before core is loaded (`--help`
 * and `--version` never load it), so it keeps its own line.
 */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What happened to one file. */
export type FileStatus = 'checked' | 'skipped' | 'unreadable';

/** The outcome for one file. */
export interface FileResult {
  /** Absolute path. */
  file: string;
  /** Path as shown to the user: relative to the working folder, with forward slashes. */
  path: string;
  status: FileStatus;
  /** The plan's kind when its header could be read (absent: the file could not be checked). */
  kind?: PlanKind;
  /** Findings that stand, as core returns them. */
  diagnostics: Diagnostic[];
  /** Findings silenced by a suppression comment, each with `suppressed.justification`. */
  suppressed: Diagnostic[];
  /** With `--baseline`: findings the baseline file records, which do not fail the run. */
  baselined?: Diagnostic[];
  /** Why the file could not be read (status `unreadable`). */
  error?: string;
  /** The config file the plan was checked with (absolute), if any. */
  configFile?: string;
  /** SHA-256 of the file's bytes, hex (when the report asks for it: markdown). */
  sha256?: string;
  /** Rules that do not concern the plan (core's `CheckReport.notApplicable`). */
  notApplicable?: string[];
  /** What became of every rule of the plan's kind (when the report asks for it: markdown). */
  outcomes?: RuleOutcome[];
  /** With `--fix`: the findings corrected in the file (the findings above are what remains). */
  fixed?: number;
  /** With `--fix`: why the corrected text could not be written (the findings are the file's as it is). */
  fixError?: string;
  /** With `--fix-dry-run`: the text `--fix` would write (ESLint's `output`); the findings are of that text. */
  output?: string;
  /** With `--fix-dry-run`: the same as a unified diff against the file. */
  fixDiff?: string;
}

/** Counts over a run. */
export interface RunSummary {
  /** Plan files checked. */
  checked: number;
  /** YAML files skipped because they are not plans. */
  skipped: number;
  /** Files that could not be read. */
  unreadable: number;
  /** Plans whose content could not be checked at all (syntax errors, unknown header). */
  unparsed: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings silenced by suppressions. */
  suppressed: number;
  /** Findings recorded in the baseline (`--baseline`), not counted above. */
  baselined: number;
  /** Checked files with at least one finding. */
  filesWithProblems: number;
}

/** Keeps only error-level findings (`--quiet`); warnings are then neither shown nor counted. */
export function onlyErrors(results: readonly FileResult[]): FileResult[] {
  return results.map((r) => ({
    ...r,
    diagnostics: r.diagnostics.filter((d) => d.severity === 'error'),
    suppressed: r.suppressed.filter((d) => d.severity === 'error'),
    ...(r.baselined ? { baselined: r.baselined.filter((d) => d.severity === 'error') } : {}),
  }));
}

/** Counts findings and files. */
export function summarize(results: readonly FileResult[]): RunSummary {
  const s: RunSummary = { checked: 0, skipped: 0, unreadable: 0, unparsed: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, baselined: 0, filesWithProblems: 0 };
  for (const r of results) {
    if (r.status === 'skipped') s.skipped++;
    else if (r.status === 'unreadable') s.unreadable++;
    else {
      s.checked++;
      if (!r.kind) s.unparsed++;
      if (r.diagnostics.length > 0) s.filesWithProblems++;
      for (const d of r.diagnostics) {
        if (d.severity === 'error') s.errors++;
        else if (d.severity === 'warning') s.warnings++;
        else s.infos++;
      }
      s.suppressed += r.suppressed.length;
      s.baselined += r.baselined?.length ?? 0;
    }
  }
  return s;
}

/** Exit codes: 0 pass, 1 findings over the line, 2 the tool could not do its job. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_TOOL_ERROR = 2;

/**
 * The exit code of a check run. A plan that could not be checked fails the run even when its
 * `yaml-syntax` / `schema-type` findings were switched off in the config: fail closed.
 * `maxWarnings` < 0 means no limit.
 */
export function exitCodeOf(summary: RunSummary, maxWarnings: number): number {
  if (summary.unreadable > 0 || summary.checked === 0) return EXIT_TOOL_ERROR;
  if (summary.errors > 0 || summary.unparsed > 0) return EXIT_FINDINGS;
  if (maxWarnings >= 0 && summary.warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
