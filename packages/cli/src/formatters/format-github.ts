/**
 * CLI, formatting step: GitHub Actions workflow commands. Each finding is an annotation
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`) that GitHub shows on
 * the pull request; suppressions used and the summary are plain log lines.
 */
import type { Severity } from '@laatuvahti/core/internal';
import { countOf } from '../run-result.js';
import { checkedFiles, toRegion, untilText, type Formatter } from './report-input.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's message: `%`, CR and LF (GitHub's own rules). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as data, plus `:` and `,`, which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The annotations and log lines. */
export const formatGithub: Formatter = (input) => {
  const lines: string[] = [];
  const notes: string[] = [];
  for (const file of checkedFiles(input)) {
    for (const d of file.diagnostics) {
      const r = toRegion(d.range);
      const props = [
        `file=${escapeProperty(file.path)}`,
        `line=${r.startLine}`,
        `col=${r.startColumn}`,
        `endLine=${r.endLine}`,
        `endColumn=${r.endColumn}`,
        `title=${escapeProperty(d.ruleId)}`,
      ];
      lines.push(`::${COMMANDS[d.severity]} ${props.join(',')}::${escapeData(d.message)}`);
    }
    for (const d of file.suppressed) {
      notes.push(`Suppressed ${d.ruleId} at ${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.suppressed?.justification ?? ''}${untilText(d)}`);
    }
  }
  const s = input.summary;
  lines.push(...notes.map((n) => escapeLogLine(n)));
  lines.push(
    `laatuvahti: ${countOf(s.checked, 'plan file', 'plan files')} checked, ${countOf(s.errors, 'error', 'errors')}, ${countOf(s.warnings, 'warning', 'warnings')}, ` +
      `${countOf(s.infos, 'info', 'infos')}, ${s.suppressed} suppressed, ${input.baseline ? `${s.baselined} in the baseline, ` : ''}` +
      `${countOf(s.skipped, 'non-plan YAML file', 'non-plan YAML files')} skipped`,
  );
  return lines.join('\n') + '\n';
};

/** A plain log line stays one line, so nothing in a reason can start a workflow command. */
function escapeLogLine(line: string): string {
  return line.replace(/[\r\n]+/g, ' ');
}
