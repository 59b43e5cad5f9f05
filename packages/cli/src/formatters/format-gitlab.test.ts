import { describe, expect, it } from 'vitest';
import { formatGitlab } from './format-gitlab.js';
import { makeInput, results, tooRare } from '../testing/report-fixture.js';
import { summarize, type FileResult } from '../run-result.js';

interface Issue {
  type: string;
  check_name: string;
  description: string;
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number } };
}

const issues = (list: readonly FileResult[]): Issue[] => JSON.parse(formatGitlab(makeInput({ results: list, summary: summarize(list) })));

describe('formatGitlab', () => {
  it('writes one Code Quality issue per standing finding, with 1-based lines and GitLab severities', () => {
    const out = issues(results);
    expect(out.map(({ fingerprint, ...rest }) => rest)).toEqual([
      { type: 'issue', check_name: 'schema-unknown-key', description: 'Unknown key "nmae". Did you mean "name"?', severity: 'minor', location: { path: 'plans/a.yaml', lines: { begin: 5 } } },
      { type: 'issue', check_name: 'social-activity-regular', description: tooRare.message, severity: 'major', location: { path: 'plans/a.yaml', lines: { begin: 8 } } },
      { type: 'issue', check_name: 'plan-note', description: 'Tip: 100% of <activities> & "groups", ok\r\nnext line', severity: 'info', location: { path: 'plans/a.yaml', lines: { begin: 1 } } },
    ]);
    // The suppressed finding of plans/a.yaml is not an issue.
    expect(out.every((i) => /^[0-9a-f]{32}$/.test(i.fingerprint))).toBe(true);
    expect(new Set(out.map((i) => i.fingerprint)).size).toBe(3);
  });

  it('keeps a fingerprint when lines move and the wording changes, and keeps two findings of one kind apart', () => {
    const [before] = issues(results).filter((i) => i.check_name === 'social-activity-regular');
    const moved = { ...tooRare, message: 'Reworded.', range: { start: { line: 30, character: 13 }, end: { line: 30, character: 21 } } };
    const twice: FileResult = { ...results[0]!, diagnostics: [tooRare, moved], suppressed: [] };
    const after = issues([twice]);
    expect(after[0]!.fingerprint).toBe(before!.fingerprint);
    expect(after[1]!.fingerprint).not.toBe(before!.fingerprint);
    // Another file or another data path is another issue.
    expect(issues([{ ...twice, path: 'plans/other.yaml' }])[0]!.fingerprint).not.toBe(before!.fingerprint);
    expect(issues([{ ...twice, diagnostics: [{ ...tooRare, path: ['socialActivity', 'activities', 1, 'every'] }] }])[0]!.fingerprint).not.toBe(before!.fingerprint);
  });

  it('is an empty array when nothing stands', () => {
    expect(formatGitlab(makeInput({ results: [results[1]!], summary: summarize([results[1]!]) }))).toBe('[]\n');
  });
});
