import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@laatuvahti/core/internal';
import { findingFingerprints, FINGERPRINT_KEY, formatSarif, SARIF_SCHEMA } from './format-sarif.js';
import { makeInput, results, rules, tooRare, unknownKey } from '../testing/report-fixture.js';

describe('formatSarif', () => {
  const log = JSON.parse(formatSarif(makeInput()));
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log with the rules as tool.driver.rules', () => {
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'laatuvahti', version: '0.1.0' });
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'social-activity-regular',
      name: 'social-activity-regular',
      shortDescription: { text: 'Social activity takes place regularly' },
      fullDescription: { text: 'Social activity takes place regularly. Valvira guidance (R39)' },
      helpUri: 'https://example.test/rules/social-activity-regular/README.md',
      help: { text: 'Social activity takes place regularly. https://example.test/rules/social-activity-regular/README.md', markdown: '# social-activity-regular\n' },
      defaultConfiguration: { level: 'error' },
      properties: { source: 'Valvira guidance', requirements: ['R39'], kinds: ['SelfMonitoringPlan'], builtin: false, tags: ['laatuvahti'] },
    });
    expect(run.tool.driver.rules[1]).toMatchObject({ id: 'schema-unknown-key', defaultConfiguration: { level: 'warning' }, properties: { builtin: true } });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///w/');
  });

  it("gives each rule's help in the report's language", () => {
    const readme = '# social-activity-regular\n\n**Severity:** error\n\n## What it checks\n\nEnglish.\n\n## Mitä sääntö tarkistaa\n\nSuomeksi.\n\n## Examples\n\nNone.\n';
    const fi = JSON.parse(formatSarif(makeInput({ locale: 'fi', rules: [{ ...rules[0]!, readme }] })));
    expect(fi.runs[0].tool.driver.rules[0].help.markdown).toBe('# social-activity-regular\n\n## Mitä sääntö tarkistaa\n\nSuomeksi.\n\n## Esimerkit\n\nNone.\n');
  });

  it('has a result per finding with level, message and a 1-based region, suppressed ones included', () => {
    expect(run.results.map((r: { ruleId: string; ruleIndex?: number; level: string }) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['schema-unknown-key', 1, 'warning'],
      ['social-activity-regular', 0, 'error'],
      ['plan-note', undefined, 'note'],
      ['social-activity-regular', 0, 'error'],
    ]);
    expect(run.results[1]).toMatchObject({
      message: { text: results[0]!.diagnostics[1]!.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'plans/a.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 8, startColumn: 14, endLine: 8, endColumn: 22 } } }],
      properties: { messageId: 'tooRare', source: 'Valvira guidance', requirements: ['R39'] },
    });
    expect(run.results[1].suppressions).toBeUndefined();
    expect(run.results[3].suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'Summer break agreed with residents', properties: { until: '2026-08-31' } }]);
  });

  it('encodes relative paths as URI references and uses file URIs outside the working folder', () => {
    const outside = { ...results[0]!, file: '/elsewhere/x y.yaml', path: '/elsewhere/x y.yaml' };
    const inside = { ...results[0]!, path: 'plans/a b#.yaml' };
    const r = JSON.parse(formatSarif(makeInput({ results: [inside, outside] }))).runs[0].results;
    expect(r[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'plans/a%20b%23.yaml', uriBaseId: '%SRCROOT%' });
    expect(r[4].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/x%20y.yaml' });
  });
});

describe('partialFingerprints', () => {
  const fingerprintsOf = (file: Parameters<typeof findingFingerprints>[0]) => file.diagnostics.map((d) => findingFingerprints(file).get(d));
  const moved = (d: Diagnostic, lines: number, index = d.path) => ({ ...d, path: index, range: { start: { ...d.range.start, line: d.range.start.line + lines }, end: { ...d.range.end, line: d.range.end.line + lines } } });

  it('are on every result, the same after lines move, an item is inserted above or the days counted change', () => {
    const log = JSON.parse(formatSarif(makeInput()));
    for (const r of log.runs[0].results) expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    const before = fingerprintsOf({ diagnostics: [tooRare, unknownKey], suppressed: [] });
    // Ten lines added above, the activity now the second in its list.
    const after = fingerprintsOf({ diagnostics: [moved(unknownKey, 10), moved(tooRare, 12, ['socialActivity', 'activities', 1, 'every'])], suppressed: [] });
    expect(after).toEqual([before[1], before[0]]);
    const aged = { ...tooRare, message: tooRare.message.replace('3 months', '4 months') };
    expect(fingerprintsOf({ diagnostics: [aged], suppressed: [] })).toEqual([before[0]]);
  });

  it('tell apart findings of another rule, message or key, and repeats of one finding', () => {
    const [base] = fingerprintsOf({ diagnostics: [tooRare], suppressed: [] });
    const others = [
      { ...tooRare, ruleId: 'social-activity-other' },
      { ...tooRare, messageId: 'noInterval' },
      { ...tooRare, path: ['socialActivity', 'activities', 0, 'name'] },
      { ...tooRare, message: tooRare.message.replace('Retket', 'Kerhot') },
    ];
    for (const d of others) expect(fingerprintsOf({ diagnostics: [d], suppressed: [] })[0]).not.toBe(base);
    const twice = fingerprintsOf({ diagnostics: [tooRare, moved(tooRare, 3)], suppressed: [] });
    expect(twice[0]).toBe(base);
    expect(twice[1]).not.toBe(base);
  });
});
