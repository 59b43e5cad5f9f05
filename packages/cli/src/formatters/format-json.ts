/**
 * CLI, formatting step: JSON. Per checked file exactly what core's check reports
 * (`diagnostics` that stand, `suppressed` ones with their justification, and with `--baseline`
 * the `baselined` ones, and `notApplicable`, the rules that do not concern the plan), plus the
 * skipped files and the counts, so other systems can read one document.
 */
import type { Formatter } from './report-input.js';

/** The JSON report (one document, two-space indented). */
export const formatJson: Formatter = (input) => {
  const report = {
    tool: { name: 'laatuvahti', version: input.version },
    today: input.today,
    locale: input.locale,
    ...(input.baseline ? { baseline: input.baseline } : {}),
    files: input.results
      .filter((r) => r.status === 'checked')
      .map((r) => ({
        path: r.path,
        ...(r.kind ? { kind: r.kind } : {}),
        diagnostics: r.diagnostics,
        suppressed: r.suppressed,
        ...(r.baselined ? { baselined: r.baselined } : {}),
        ...(r.notApplicable ? { notApplicable: r.notApplicable } : {}),
        ...(r.fixed ? { fixed: r.fixed } : {}),
        ...(r.output !== undefined ? { output: r.output } : {}),
      })),
    skipped: input.results.filter((r) => r.status === 'skipped').map((r) => r.path),
    unreadable: input.results.filter((r) => r.status === 'unreadable').map((r) => ({ path: r.path, error: r.error })),
    summary: input.summary,
  };
  return JSON.stringify(report, null, 2) + '\n';
};
