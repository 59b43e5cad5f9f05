/**
 * CLI, formatting step: GitLab Code Quality (a subset of the Code Climate issue format), which
 * GitLab shows in the merge request widget and the pipeline's Code Quality tab. One issue per
 * finding that stands; suppressed and baselined findings are left out, as they do not fail the
 * check either.
 *
 * GitLab tells an issue that is new in a merge request from one that was already there by its
 * fingerprint, so the fingerprint must survive edits elsewhere in the plan and must be unique:
 * a hash of the path, the rule id, the finding's data path (not its line, which moves) and its
 * position among the plan's findings with the same three.
 */
import { createHash } from 'node:crypto';
import { formatPath, redactPersonalIds, type Severity } from '@laatuvahti/core/internal';
import { checkedFiles, type Formatter } from './report-input.js';

/** GitLab's scale is info, minor, major, critical, blocker; an error blocks the gate, but so may a warning (--max-warnings). */
const SEVERITIES: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

/** The Code Quality report: a JSON array of issues. */
export const formatGitlab: Formatter = (input) => {
  const issues: unknown[] = [];
  // Over all files: two plans whose paths differ only inside an identity code have one masked
  // path, and their findings must still get fingerprints of their own.
  const seen = new Map<string, number>();
  for (const file of checkedFiles(input)) {
    for (const d of file.diagnostics) {
      // Masked before hashing: a hash of a path or key holding an identity code would give the
      // code away to anyone who tries the few million codes there are.
      const identity = redactPersonalIds([file.path, d.ruleId, formatPath(d.path)].join('\u0000'));
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      issues.push({
        type: 'issue',
        check_name: d.ruleId,
        description: d.message,
        severity: SEVERITIES[d.severity],
        fingerprint: createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32),
        location: { path: file.path, lines: { begin: d.range.start.line + 1 } },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
};
