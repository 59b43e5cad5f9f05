import { describe, expect, it } from 'vitest';
import { readConfigFile, readRuleFile } from './read-definitions.js';

const RULE = `id: my-rule
kinds: [SelfMonitoringPlan]
severity: error
basis: law
title: { fi: a, sv: b, en: c }
source:
  title: { fi: a, sv: b, en: c }
  requirements: [R01]
messages:
  gone: { fi: a, sv: b, en: c }
checks:
  - when: { all: [ { fact: doc, path: unit, operator: missing, value: true } ] }
    report: { message: gone, path: unit }
`;

describe('rule and config files', () => {
  it('accepts a valid rule file', () => {
    const r = readRuleFile(RULE, 'file:///r/my-rule/rule.yaml', 'my-rule');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.id).toBe('my-rule');
  });

  it('points an unknown operator at its line and column in the rule file', () => {
    const r = readRuleFile(RULE.replace('operator: missing', 'operator: mising'), 'file:///r/my-rule/rule.yaml', 'my-rule');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.uri, d.diagnostic.ruleId, d.diagnostic.range.start])).toEqual([
      ['file:///r/my-rule/rule.yaml', 'rule-load', { line: 11, character: 54 }],
    ]);
    expect(r.diagnostics[0]!.diagnostic.message).toContain('unknown operator');
  });

  it('reports a message id without text, a YAML error and an id that does not match its folder', () => {
    expect(readRuleFile(RULE.replace('message: gone', 'message: lost'), 'u', 'my-rule').diagnostics[0]!.diagnostic.message).toContain('message "lost" is not defined');
    const yamlError = readRuleFile('id: [', 'u', 'my-rule').diagnostics;
    expect(yamlError[0]!.diagnostic.ruleId).toBe('rule-load');
    expect(yamlError[0]!.diagnostic.message).toContain('YAML');
    expect(readRuleFile(RULE, 'u', 'other').diagnostics[0]!.diagnostic.range.start).toEqual({ line: 0, character: 4 });
  });

  it('checks that a whenMissing message exists and its placeholder has data', () => {
    const named = RULE.replace('report: { message: gone, path: unit }', 'report: { message: gone, path: unit, data: { name: doc.name }, whenMissing: { name: gone } }');
    expect(readRuleFile(named, 'u', 'my-rule').diagnostics).toEqual([]);
    const lost = readRuleFile(named.replace('whenMissing: { name: gone }', 'whenMissing: { name: lost }'), 'u', 'my-rule').diagnostics;
    expect(lost.map((d) => d.diagnostic.message)).toEqual([expect.stringContaining('message "lost" is not defined')]);
    const noData = readRuleFile(named.replace('whenMissing: { name: gone }', 'whenMissing: { title: gone }'), 'u', 'my-rule').diagnostics;
    expect(noData.map((d) => [d.diagnostic.message, d.diagnostic.range.start])).toEqual([[expect.stringContaining('placeholder "title" is not defined under data'), { line: 12, character: 89 }]]);
  });

  it('rejects code-like content: rule files have no place for functions', () => {
    const r = readRuleFile(RULE.replace('severity: error', 'severity: error\nfunction: "() => process.exit(1)"'), 'u', 'my-rule');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]!.diagnostic.range.start).toEqual({ line: 3, character: 0 });
  });

  it('points config errors into the config file', () => {
    const r = readConfigFile('locale: de\nrules:\n  a: loud\n', 'file:///p/laatuvahti.config.yaml');
    expect(r.diagnostics.map((d) => d.diagnostic.range.start)).toEqual([
      { line: 0, character: 8 },
      { line: 2, character: 5 },
    ]);
  });
});

describe('noisy YAML errors in rule files', () => {
  it('reports the first syntax error once, with a hint for unquoted [*] in a flow mapping', () => {
    const text = RULE.replace("{ fact: doc, path: unit, operator: missing, value: true }", '{ fact: countOf, params: { path: doc.services[*].name }, operator: equal, value: 0 }');
    const r = readRuleFile(text, 'u', 'my-rule');
    expect(r.diagnostics.length).toBe(1);
    expect(r.diagnostics[0]!.diagnostic.message).toMatch(/Hint: inside \{ \} quote a path that contains \[\*\]/);
  });
});
