import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuleFile } from './read-definitions.js';
import { MAX_MATCH_INPUT, regexSafetyProblem } from './regex-safety.js';
import { OPERATORS } from './operators.js';

const RULES = join(__dirname, '..', '..', '..', '..', 'rules');

/** A rule file whose one check scans the text with `match` and tests a field with `value`. */
function ruleFile(match: string, value: string): string {
  return `id: my-rule
kinds: [SelfMonitoringPlan]
severity: error
basis: law
title: { fi: a, sv: b, en: c }
source:
  title: { fi: a, sv: b, en: c }
  requirements: [R01]
messages:
  found: { fi: a, sv: b, en: c }
checks:
  - each: { match: '${match}' }
    when: { all: [ { fact: item, path: text, operator: present, value: true } ] }
    report: { message: found }
  - when: { all: [ { fact: doc, path: unit.name, operator: matches, value: '${value}' } ] }
    report: { message: found, path: unit.name }
`;
}

describe('patterns that can backtrack for ever are refused at rule load', () => {
  it('refuses ^(a+)+$ in a matches condition and (x+x+)+y in a text match, naming file, rule, pattern, place and why', () => {
    const r = readRuleFile(ruleFile('(x+x+)+y', '^(a+)+$'), 'file:///r/my-rule/rule.yaml', 'my-rule');
    expect(r.value).toBeUndefined();
    const found = r.diagnostics.map((d) => [d.uri, d.diagnostic.ruleId, d.diagnostic.range.start, d.diagnostic.message]);
    expect(found).toEqual([
      [
        'file:///r/my-rule/rule.yaml',
        'rule-load',
        { line: 11, character: 19 },
        'Invalid file: checks[0].each.match: rule "my-rule": the pattern "(x+x+)+y" can take exponential time (x+ and x+ can match the same characters one after the other; try a text of many "x")',
      ],
      [
        'file:///r/my-rule/rule.yaml',
        'rule-load',
        { line: 14, character: 75 },
        'Invalid file: checks[1].when.all[0].value: rule "my-rule": the pattern "^(a+)+$" can take exponential time (a+ is repeated by (a+)+ and can match the same characters in more than one way; try a text of many "a")',
      ],
    ]);
  });

  it('refuses overlapping alternatives in a repetition, which the backtracking analysis does not see', () => {
    // (a|a)*$ took 53 s on 28 a's and a b in V8.
    expect(regexSafetyProblem('(a|a)*$')).toMatch(/^can take exponential time \(in \(a\|a\), repeated by \(a\|a\)\*, the alternatives a and a can begin with the same character/);
    expect(regexSafetyProblem('^(?:\\w|\\d)+$')).toMatch(/alternatives \\w and \\d can begin with the same character/);
    expect(regexSafetyProblem('(?:a|)*b')).toMatch(/alternatives a and \(empty\)/);
  });

  it('refuses polynomial backtracking, and in a text scan also the retry at every position', () => {
    expect(regexSafetyProblem('\\d+\\d+$')).toMatch(/^can take polynomial time \(\\d\+ and \\d\+ can match the same characters/);
    expect(regexSafetyProblem('\\s+x', '', 'value')).toBeUndefined();
    expect(regexSafetyProblem('\\s+x', '', 'text')).toMatch(/^can take polynomial time \(\\s\+ makes every retry/);
  });

  it('passes disjoint alternatives, bounded repetitions and lookarounds', () => {
    for (const p of ['^(?:ab|cd)+$', '^\\d{6}[-+A-FU-Y]\\d{3}[0-9A-Y]$', '(?<![0-9])\\d{6}(?![0-9])', '^(?:a|a){2}$', '^[a-z]+(?:-[a-z0-9]+)*$']) {
      expect(regexSafetyProblem(p, '', 'text'), p).toBeUndefined();
    }
  });

  it('loads every shipped rule file with its patterns', () => {
    let patterns = 0;
    for (const id of readdirSync(RULES)) {
      let text: string;
      try {
        text = readFileSync(join(RULES, id, 'rule.yaml'), 'utf8');
      } catch {
        continue; // not a rule folder (reference data)
      }
      patterns += (text.match(/operator: (?:matches|notMatches)|match: |pattern: /g) ?? []).length;
      expect(readRuleFile(text, id, id).diagnostics, id).toEqual([]);
    }
    expect(patterns).toBeGreaterThan(10);
  });
});

describe('the time of an allowed pattern is bounded', () => {
  it(`does not match values longer than ${MAX_MATCH_INPUT} characters`, () => {
    const long = 'a'.repeat(MAX_MATCH_INPUT + 1);
    expect(OPERATORS.matches!(long.slice(1), '^a+$')).toBe(true);
    expect(OPERATORS.matches!(long, '^a+$')).toBe(false);
    expect(OPERATORS.notMatches!(long, '^a+$')).toBe(true);
  });
});
