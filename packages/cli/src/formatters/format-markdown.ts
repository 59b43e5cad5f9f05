/**
 * CLI, formatting step: the compliance report in Markdown (core's `complianceReport`), for
 * quality officers and auditors, and for a CI job summary (`>> "$GITHUB_STEP_SUMMARY"`): per
 * plan its SHA-256 and the outcome of every rule of its kind. This step adds what only a run
 * over files knows: which files were skipped or could not be read.
 */
import { complianceReport, type ComplianceReportInput, type Locale } from '@laatuvahti/core/internal';
import { checkedFiles, type Formatter, type ReportInput } from './report-input.js';
import { SKIPPED_WORDS } from './words.js';
import { displayPath } from '../display-path.js';

const UNREADABLE: Record<Locale, string> = { en: 'Could not be read', fi: 'Ei voitu lukea', sv: 'Kunde inte läsas' };

/** The Markdown report. */
export const formatMarkdown: Formatter = (input) => complianceReport(complianceReportInput(input));

/**
 * The compliance report's content for a run: its checked plans (with the config each was
 * checked with) and notes on the files that were skipped or could not be read. The HTML report
 * renders the same content.
 */
export function complianceReportInput(input: ReportInput): ComplianceReportInput {
  const notes: string[] = [];
  if (input.summary.skipped > 0) notes.push(`${SKIPPED_WORDS[input.locale](input.summary.skipped)}.`);
  const unreadable = input.results.filter((r) => r.status === 'unreadable');
  if (unreadable.length > 0) notes.push(`${UNREADABLE[input.locale]}: ${unreadable.map((r) => `${r.path} — ${r.error ?? ''}`).join('; ')}.`);
  return {
    plans: checkedFiles(input).map((r) => (r.configFile ? { ...r, config: displayPath(r.configFile, input.cwd) } : r)),
    rules: new Map(input.rules.map((r) => [r.id, r])),
    locale: input.locale,
    today: input.today,
    version: input.version,
    ...(input.baseline ? { baseline: input.baseline } : {}),
    notes,
  };
}
