import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from './format-github.js';
import { makeInput } from '../testing/report-fixture.js';

describe('formatGithub', () => {
  it('writes one annotation per finding with 1-based positions, then plain log lines', () => {
    expect(formatGithub(makeInput()).split('\n')).toEqual([
      '::warning file=plans/a.yaml,line=5,col=3,endLine=5,endColumn=7,title=schema-unknown-key::Unknown key "nmae". Did you mean "name"?',
      '::error file=plans/a.yaml,line=8,col=14,endLine=8,endColumn=22,title=social-activity-regular::The activity "Retket" takes place too rarely (3 months); regular means at least every month.',
      '::notice file=plans/a.yaml,line=1,col=1,endLine=1,endColumn=1,title=plan-note::Tip: 100%25 of <activities> & "groups", ok%0D%0Anext line',
      'Suppressed social-activity-regular at plans/a.yaml:12:14: Summer break agreed with residents (until 2026-08-31)',
      'laatuvahti: 2 plan files checked, 1 error, 1 warning, 1 info, 1 suppressed, 1 non-plan YAML file skipped',
      '',
    ]);
  });

  it('escapes %, CR and LF in messages and also : and , in properties', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('dir/b,c:d.yaml')).toBe('dir/b%2Cc%3Ad.yaml');
    expect(escapeProperty('%')).toBe('%25');
  });

  it('escapes the file property of a path with , and :', () => {
    const input = makeInput();
    const results = [{ ...input.results[1]!, diagnostics: [input.results[0]!.diagnostics[0]!] }];
    expect(formatGithub(makeInput({ results })).split('\n')[0]).toBe(
      '::warning file=plans/b%2Cc%3Ad.yaml,line=5,col=3,endLine=5,endColumn=7,title=schema-unknown-key::Unknown key "nmae". Did you mean "name"?',
    );
  });
});
