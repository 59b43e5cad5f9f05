import { describe, expect, it } from 'vitest';
import { ruleIdFromArgument, ruleIdOf, ruleIdsAtPosition, type DiagnosticLike } from './rule-ids-at-position.js';

const at = (line: number, from: number, to: number, code: DiagnosticLike['code'], source = 'laatuvahti'): DiagnosticLike => ({
  source,
  code,
  range: { start: { line, character: from }, end: { line, character: to } },
});

describe('ruleIdOf', () => {
  it('reads plain codes and codes with a documentation target', () => {
    expect(ruleIdOf(at(0, 0, 1, 'schema-type'))).toBe('schema-type');
    expect(ruleIdOf(at(0, 0, 1, { value: 'social-activity-regular', target: 'https://example.invalid' }))).toBe('social-activity-regular');
  });

  it('ignores other sources and codes that are not rule ids', () => {
    expect(ruleIdOf(at(0, 0, 1, 'schema-type', 'YAML'))).toBeUndefined();
    expect(ruleIdOf(at(0, 0, 1, 768))).toBeUndefined();
    expect(ruleIdOf(at(0, 0, 1, undefined))).toBeUndefined();
  });
});

describe('ruleIdsAtPosition', () => {
  const diagnostics = [
    at(3, 15, 32, 'schema-type'),
    at(3, 2, 40, 'schema-type'),
    at(9, 13, 21, 'social-activity-regular'),
    at(9, 13, 21, 'yaml-lint', 'other-linter'),
    at(12, 4, 10, 'personal-id-in-public-document'),
  ];

  it('returns the findings whose range holds the cursor, once each', () => {
    expect(ruleIdsAtPosition(diagnostics, { line: 3, character: 20 })).toEqual(['schema-type']);
    expect(ruleIdsAtPosition(diagnostics, { line: 9, character: 21 })).toEqual(['social-activity-regular']);
  });

  it('falls back to the findings on the cursor line', () => {
    expect(ruleIdsAtPosition(diagnostics, { line: 12, character: 30 })).toEqual(['personal-id-in-public-document']);
  });

  it('returns every rule when findings overlap', () => {
    const overlapping = [at(5, 0, 20, 'plan-updated'), at(5, 4, 8, 'schema-type')];
    expect(ruleIdsAtPosition(overlapping, { line: 5, character: 6 })).toEqual(['plan-updated', 'schema-type']);
  });

  it('finds nothing on a line without findings of ours', () => {
    expect(ruleIdsAtPosition(diagnostics, { line: 0, character: 0 })).toEqual([]);
  });
});

describe('ruleIdFromArgument', () => {
  it('accepts a rule id, { ruleId } and a Laatuvahti diagnostic', () => {
    expect(ruleIdFromArgument('social-activity-regular')).toBe('social-activity-regular');
    expect(ruleIdFromArgument({ ruleId: 'schema-type' })).toBe('schema-type');
    expect(ruleIdFromArgument(at(1, 0, 2, 'schema-unknown-key'))).toBe('schema-unknown-key');
  });

  it('ignores URIs, junk and nothing', () => {
    expect(ruleIdFromArgument(undefined)).toBeUndefined();
    expect(ruleIdFromArgument('file:///plans/a.yaml')).toBeUndefined();
    expect(ruleIdFromArgument({ scheme: 'file', path: '/plans' })).toBeUndefined();
    expect(ruleIdFromArgument({ ruleId: 'Not A Rule' })).toBeUndefined();
  });
});
