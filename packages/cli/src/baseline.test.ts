import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from '@laatuvahti/core/internal';
import { applyBaseline, baselineSize, readBaseline, serializeBaseline, updatedBaseline, type Baseline } from './baseline.js';
import type { CheckedFile } from './check-file.js';

const dir = mkdtempSync(join(tmpdir(), 'laatuvahti-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function finding(ruleId: string, path: Diagnostic['path'], line: number): Diagnostic {
  return {
    ruleId,
    severity: 'error',
    messageId: 'm',
    message: `${ruleId} at ${line}`,
    range: { start: { line, character: 2 }, end: { line, character: 9 } },
    path,
    docsUrl: 'https://example.invalid',
  };
}

function plan(file: string, diagnostics: Diagnostic[], kind: CheckedFile['kind'] | null = 'SelfMonitoringPlan'): CheckedFile {
  return { file: join(dir, file), path: file, status: 'checked', ...(kind ? { kind } : {}), diagnostics, suppressed: [] };
}

const baselineFile = join(dir, 'baseline.json');

describe('baseline', () => {
  it('records findings per plan, rule and data path with counts, in a stable order', () => {
    const results = [
      plan('plans/b.yaml', [finding('rule-b', ['x', 0, 'every'], 3), finding('rule-a', [], 1), finding('rule-a', [], 7)]),
      plan('plans/a.yaml', [finding('rule-a', ['unit'], 2)]),
      plan('plans/clean.yaml', []),
    ];
    const b = updatedBaseline(baselineFile, results);
    expect(JSON.parse(serializeBaseline(b))).toEqual({
      laatuvahtiBaseline: 1,
      findings: { 'plans/a.yaml': { 'rule-a': { unit: 1 } }, 'plans/b.yaml': { 'rule-a': { '': 2 }, 'rule-b': { 'x[0].every': 1 } } },
    });
    expect(Object.keys(JSON.parse(serializeBaseline(b)).findings)).toEqual(['plans/a.yaml', 'plans/b.yaml']);
    expect(baselineSize(b)).toEqual({ findings: 4, plans: 2 });
  });

  it('lets recorded findings pass up to their count, wherever they moved, and counts the fixed ones', () => {
    const recorded = updatedBaseline(baselineFile, [plan('p.yaml', [finding('rule-a', [], 1), finding('rule-b', ['unit'], 2), finding('rule-c', ['gone'], 4)])]);
    const now = plan('p.yaml', [finding('rule-a', [], 10), finding('rule-a', [], 12), finding('rule-b', ['unit'], 20), finding('rule-b', ['other'], 21)]);
    const { results, absent } = applyBaseline([now], recorded);
    expect(results[0]!.baselined!.map((d) => [d.ruleId, d.range.start.line])).toEqual([
      ['rule-a', 10],
      ['rule-b', 20],
    ]);
    expect(results[0]!.diagnostics.map((d) => [d.ruleId, d.range.start.line])).toEqual([
      ['rule-a', 12],
      ['rule-b', 21],
    ]);
    expect(absent).toBe(1);
  });

  it('leaves plans that could not be checked alone, and keeps the entries of plans the run did not check', () => {
    const previous = updatedBaseline(baselineFile, [plan('a.yaml', [finding('rule-a', [], 1)]), plan('b.yaml', [finding('rule-b', [], 1)])]);
    const broken = plan('b.yaml', [finding('yaml-syntax', [], 3)], null);
    const { results } = applyBaseline([broken], previous);
    expect(results[0]).toBe(broken);
    const next = updatedBaseline(baselineFile, [broken], previous);
    expect(JSON.parse(serializeBaseline(next)).findings).toEqual({ 'a.yaml': { 'rule-a': { '': 1 } }, 'b.yaml': { 'rule-b': { '': 1 } } });
  });

  it('masks an identity code used as a key, in the file and when matching', () => {
    const id = '131052-308T';
    const b = updatedBaseline(baselineFile, [plan('p.yaml', [finding('schema-unknown-key', [id], 1)])]);
    const text = serializeBaseline(b);
    expect(text).not.toContain(id);
    expect(text).toContain('131052-****');
    writeFileSync(baselineFile, text);
    const read = readBaseline(baselineFile) as { baseline: Baseline };
    expect(applyBaseline([plan('p.yaml', [finding('schema-unknown-key', [id], 5)])], read.baseline).results[0]!.baselined).toHaveLength(1);
  });

  it('reads back what it writes, and names what is wrong with a broken file', () => {
    const b = updatedBaseline(baselineFile, [plan('p.yaml', [finding('rule-a', ['x'], 1)])]);
    writeFileSync(baselineFile, serializeBaseline(b));
    expect(readBaseline(baselineFile)).toEqual({ baseline: b });
    const cases: [string, string][] = [
      ['[]', 'is not a laatuvahti baseline: it must be a JSON object with "laatuvahtiBaseline": 1'],
      ['{"laatuvahtiBaseline": 2, "findings": {}}', 'is not a laatuvahti baseline: it must be a JSON object with "laatuvahtiBaseline": 1'],
      ['{"laatuvahtiBaseline": 1}', 'has no "findings" object'],
      ['{"laatuvahtiBaseline": 1, "findings": {"p.yaml": []}}', 'findings["p.yaml"] must be an object of rule ids'],
      ['{"laatuvahtiBaseline": 1, "findings": {"p.yaml": {"r": 1}}}', 'findings["p.yaml"]["r"] must be an object of data paths'],
      ['{"laatuvahtiBaseline": 1, "findings": {"p.yaml": {"r": {"x": 1.5}}}}', 'findings["p.yaml"]["r"]["x"] must be a whole number of findings, 1 or more'],
    ];
    for (const [text, error] of cases) {
      writeFileSync(baselineFile, text);
      expect(readBaseline(baselineFile)).toEqual({ error });
    }
    expect(readBaseline(join(dir, 'missing.json'))).toEqual({ error: 'not found (write one with --update-baseline)', missing: true });
    expect(readBaseline(dir)).toMatchObject({ error: expect.stringMatching(/^cannot be read: illegal operation on a directory \(EISDIR\)$/) });
  });
});
