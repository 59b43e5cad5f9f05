import { describe, expect, it } from 'vitest';
import { inBatches, planFileExclude, PLAN_FILE_INCLUDE, summariseCheck } from './plan-files.js';

describe('plan file globs', () => {
  it('looks at every YAML file', () => {
    expect(PLAN_FILE_INCLUDE).toBe('**/*.{yaml,yml,json}');
  });

  it('always excludes tool folders and adds the enabled files.exclude patterns', () => {
    expect(planFileExclude(undefined)).toBe('{**/node_modules/**,**/.git/**,**/.vscode-test/**}');
    expect(planFileExclude({ '**/archive': true, '**/.git': true, '**/drafts': false, '**/*.js': { when: '$(basename).ts' } }))
      .toBe('{**/node_modules/**,**/.git/**,**/.vscode-test/**,**/archive,**/.git}');
  });

  it('leaves out patterns that would break the brace list', () => {
    expect(planFileExclude({ '**/{a,b}': true })).toBe('{**/node_modules/**,**/.git/**,**/.vscode-test/**}');
  });
});

describe('inBatches', () => {
  it('splits into consecutive batches of at most the given size', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inBatches([], 3)).toEqual([]);
    expect(inBatches(Array.from({ length: 30 }, (_, i) => i)).map((b) => b.length)).toEqual([25, 5]);
  });

  it('refuses an empty batch size', () => {
    expect(() => inBatches([1], 0)).toThrow(RangeError);
  });
});

describe('summariseCheck', () => {
  it('counts plans and their findings, not other YAML files', () => {
    const summary = summariseCheck([
      { uri: 'file:///ws/a.yaml', isPlan: true, diagnostics: [{ severity: 1 }, { severity: 1 }, { severity: 2 }] },
      { uri: 'file:///ws/b.yaml', isPlan: true, diagnostics: [] },
      { uri: 'file:///ws/ci.yml', isPlan: false, diagnostics: [{ severity: 1 }] },
    ]);
    expect(summary).toEqual({ files: 3, plans: 2, ignored: 0, counts: { errors: 2, warnings: 1, infos: 0 } });
  });

  it('counts plans the config ignores apart, with none of their findings', () => {
    const summary = summariseCheck([
      { uri: 'file:///ws/a.yaml', isPlan: true, diagnostics: [{ severity: 2 }] },
      { uri: 'file:///ws/drafts/b.yaml', isPlan: true, ignored: true, diagnostics: [] },
    ]);
    expect(summary).toEqual({ files: 2, plans: 1, ignored: 1, counts: { errors: 0, warnings: 1, infos: 0 } });
  });
});
