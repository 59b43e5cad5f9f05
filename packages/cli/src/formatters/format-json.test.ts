import { describe, expect, it } from 'vitest';
import { formatJson } from './format-json.js';
import { makeInput, results } from '../testing/report-fixture.js';

describe('formatJson', () => {
  it('gives core diagnostics per checked file, suppressed ones marked, skipped files and counts', () => {
    const report = JSON.parse(formatJson(makeInput()));
    expect(report.tool).toEqual({ name: 'laatuvahti', version: '0.1.0' });
    expect(report.today).toBe('2026-11-23');
    expect(report.files).toEqual([
      { path: 'plans/a.yaml', kind: 'SelfMonitoringPlan', diagnostics: results[0]!.diagnostics, suppressed: results[0]!.suppressed },
      { path: 'plans/b,c:d.yaml', kind: 'ServiceDescription', diagnostics: [], suppressed: [] },
    ]);
    const notApplicable = ['round-the-clock-staffed'];
    const withRules = JSON.parse(formatJson(makeInput({ results: [{ ...results[0]!, notApplicable }] })));
    expect(withRules.files[0].notApplicable).toEqual(notApplicable);
    expect(report.files[0].suppressed[0].suppressed).toEqual({ justification: 'Summer break agreed with residents', until: '2026-08-31', line: 10 });
    expect(report.skipped).toEqual(['other.yaml']);
    expect(report.summary).toMatchObject({ checked: 2, skipped: 1, errors: 1, warnings: 1, infos: 1, suppressed: 1 });
  });
});
