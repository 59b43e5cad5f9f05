/**
 * The `laatuvahti` command as ESLint and Spectral users expect it (issue 19): the config
 * cascade with `extends`, `overrides` and `--print-config`, ignores (.gitignore, `ignores:`,
 * `--ignore-pattern`, negated paths), `warn`, FORCE_COLOR, `--fix-dry-run` and SARIF
 * fingerprints that survive moved lines. Spawns the built bin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '@laatuvahti/core';
import { ensureCliBuilt, runCli as run, tempFolders } from './cli-harness.js';

const { folder, cleanup } = tempFolders('laatuvahti-config-');
beforeAll(() => ensureCliBuilt(), 120_000);
afterAll(cleanup);

const TODAY = '2026-11-23';
/** "Retket" every 3 months (line 9, column 14): too rare for a one-month limit. */
const PLAN = `apiVersion: laatuvahti/v1
kind: SelfMonitoringPlan
language: fi
updated: 2026-09-15
unit: { housingType: community-housing }
socialActivity:
  activities:
    - name: Retket
      every: 3 months
`;
const BROKEN = 'apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\nunit: [unclosed\n';
const MONTHLY = { 'social-activity-regular': { options: { maxInterval: 'month' } } };

interface JsonReport {
  files: { path: string; diagnostics: { ruleId: string; severity: string; message: string }[]; output?: string }[];
  summary: Record<string, number>;
}
const json = (stdout: string) => JSON.parse(stdout) as JsonReport;
const finding = (r: JsonReport, path: string, ruleId: string) => r.files.find((f) => f.path === path)?.diagnostics.find((d) => d.ruleId === ruleId);

describe('the config cascade', () => {
  it('merges a nearer config onto the root one: a plan in sub/ keeps the root locale', async () => {
    const dir = folder({
      'laatuvahti.config.yaml': 'locale: fi\nrules:\n  social-activity-regular: { options: { maxInterval: month } }\n',
      'sub/laatuvahti.config.yaml': 'rules:\n  social-activity-regular: warn\n',
      'sub/plan.yaml': PLAN,
    });
    const r = run(['check', '.', '--today', TODAY, '--format', 'json'], dir);
    const expected = (await check(PLAN, { today: TODAY, locale: 'fi', config: { rules: MONTHLY } })).find((d) => d.ruleId === 'social-activity-regular')!;
    expect(finding(json(r.stdout), 'sub/plan.yaml', 'social-activity-regular')).toMatchObject({ severity: 'warning', message: expected.message });
  });

  it('--print-config shows the merged result as YAML, extends and overrides included', () => {
    const dir = folder({
      'laatuvahti.config.yaml': 'root: true\nlocale: fi\nextends: [laatuvahti:strict, ./shared.yaml]\noverrides:\n  - files: ["*.sv.yaml"]\n    locale: sv\n    rules: { staffing-described: off }\n',
      'shared.yaml': 'rules:\n  social-activity-regular: { severity: error, options: { maxInterval: month } }\n',
      'units/laatuvahti.config.yaml': 'rules:\n  social-activity-regular: warn\n',
    });
    const r = run(['check', '--print-config', 'units/a.sv.yaml'], dir);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        '# laatuvahti: the configuration of units/a.sv.yaml',
        '# merged from, each later one winning:',
        '#   shared.yaml',
        '#   laatuvahti.config.yaml',
        '#   units/laatuvahti.config.yaml',
        'extends: laatuvahti:strict',
        'locale: sv',
        'rules:',
        '  social-activity-regular:',
        '    severity: warning',
        '    options:',
        '      maxInterval: month',
        '  staffing-described: off',
        '',
      ].join('\n'),
    );
    expect(run(['check', '--print-config', 'units/a.yaml', '--locale', 'en'], dir).stdout).toContain('\nlocale: en\n');
  });

  it('is exit 2 for an extends cycle, a missing extends and a __proto__ rule, each at its line', () => {
    const cycle = folder({ 'laatuvahti.config.yaml': 'extends:\n  - ./a.yaml\n', 'a.yaml': 'extends: ./laatuvahti.config.yaml\n', 'plan.yaml': PLAN });
    expect(run(['check', '.', '--today', TODAY], cycle)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'a.yaml:1:10: error Invalid file: extends: "./laatuvahti.config.yaml" makes a cycle: laatuvahti.config.yaml → a.yaml → laatuvahti.config.yaml (rule-load)\nlaatuvahti: fix the config or rule files above; nothing was reported.\n',
    });
    const missing = folder({ 'laatuvahti.config.yaml': 'locale: fi\nextends: ../nowhere.yaml\n', 'plan.yaml': PLAN });
    const r = run(['check', 'plan.yaml', '--today', TODAY], missing);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^laatuvahti\.config\.yaml:2:10: error Invalid file: extends: no config file "\.\.\/nowhere\.yaml" \(looked for .+nowhere\.yaml\) \(rule-load\)$/m);
    const proto = folder({ 'laatuvahti.config.yaml': 'rules:\n  __proto__: off\n', 'plan.yaml': PLAN });
    expect(run(['check', 'plan.yaml', '--today', TODAY], proto)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('laatuvahti.config.yaml:2:3: error Invalid file: rules.__proto__: "__proto__" is not a rule id (it would reach the prototype of every object) (rule-load)\n'),
    });
  });

  it('reads "warn" as warning and names the allowed values of a wrong setting', () => {
    const dir = folder({ 'laatuvahti.config.yaml': 'rules:\n  social-activity-regular: wrn\n', 'plan.yaml': PLAN });
    expect(run(['check', 'plan.yaml', '--today', TODAY], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('laatuvahti.config.yaml:2:28: error Invalid file: rules.social-activity-regular: "wrn" is not a severity: use off, info, warning (or warn), error (did you mean "warn"?) (rule-load)\n'),
    });
  });
});

describe('ignores', () => {
  const tree = () =>
    folder({
      '.gitignore': 'dist/\n',
      'plan.yaml': PLAN,
      'dist/broken.yaml': BROKEN,
      'g/a/plan.yaml': PLAN,
      'g/b/broken.yaml': BROKEN,
      'laatuvahti.config.yaml': 'rules:\n  social-activity-regular: off\n',
    });
  const paths = (r: { stdout: string }) => json(r.stdout).files.map((f) => f.path);

  it('respects .gitignore in folder runs, and checks what it leaves out with --no-gitignore', () => {
    const dir = tree();
    const r = run(['check', '.', '--today', TODAY, '--format', 'json', '!g/b/**'], dir);
    expect(r.stderr).toBe('');
    expect(paths(r)).toEqual(['g/a/plan.yaml', 'plan.yaml']);
    expect(paths(run(['check', '.', '--today', TODAY, '--format', 'json', '--no-gitignore'], dir))).toEqual(['dist/broken.yaml', 'g/a/plan.yaml', 'g/b/broken.yaml', 'plan.yaml']);
  });

  it('leaves out --ignore-pattern and config ignores; a named ignored file is said and not checked', () => {
    const dir = tree();
    expect(paths(run(['check', '.', '--today', TODAY, '--format', 'json', '--ignore-pattern', 'g/b/'], dir))).toEqual(['g/a/plan.yaml', 'plan.yaml']);
    const configured = folder({ 'laatuvahti.config.yaml': 'ignores: ["b/", "!b/keep.yaml"]\n', 'a.yaml': PLAN, 'b/x.yaml': BROKEN });
    expect(paths(run(['check', '--today', TODAY, '--format', 'json'], configured))).toEqual(['a.yaml']);

    const named = run(['check', 'dist/broken.yaml', 'plan.yaml', '--today', TODAY, '--format', 'json'], dir);
    expect(named.stderr).toBe('laatuvahti: dist/broken.yaml: File ignored because of a matching ignore pattern. Use "--no-ignore" to check it.\n');
    expect(paths(named)).toEqual(['plan.yaml']);
    expect(run(['check', 'dist/broken.yaml', '--today', TODAY], dir)).toMatchObject({ code: 2 });
    expect(run(['check', 'dist/broken.yaml', '--today', TODAY, '--no-ignore'], dir)).toMatchObject({ code: 1 });
  });
});

describe('colours', () => {
  it('follow FORCE_COLOR on a pipe and --no-color over it', () => {
    const dir = folder({ 'plan.yaml': PLAN });
    const ESC = '\u001b[';
    expect(run(['check', 'plan.yaml', '--today', TODAY], dir, { FORCE_COLOR: '1' }).stdout).toContain(ESC);
    expect(run(['check', 'plan.yaml', '--today', TODAY], dir, { FORCE_COLOR: '0' }).stdout).not.toContain(ESC);
    expect(run(['check', 'plan.yaml', '--today', TODAY], dir).stdout).not.toContain(ESC);
    expect(run(['check', 'plan.yaml', '--today', TODAY, '--no-color'], dir, { FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
  });
});

describe('--fix-dry-run', () => {
  it('shows the corrections as a diff and in json output, and writes nothing', () => {
    const misspelt = PLAN.replace('community-housing', 'comunity-housing');
    const dir = folder({ 'plan.yaml': misspelt });
    const r = run(['check', 'plan.yaml', '--today', TODAY, '--format', 'json', '--fix-dry-run'], dir);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(misspelt);
    expect(r.stderr).toBe(
      [
        '--- a/plan.yaml',
        '+++ b/plan.yaml',
        '@@ -1,9 +1,9 @@',
        ' apiVersion: laatuvahti/v1',
        ' kind: SelfMonitoringPlan',
        ' language: fi',
        ' updated: 2026-09-15',
        '-unit: { housingType: comunity-housing }',
        '+unit: { housingType: community-housing }',
        ' socialActivity:',
        '   activities:',
        '     - name: Retket',
        '       every: 3 months',
        'laatuvahti: --fix-dry-run: --fix would correct 1 misspelling in 1 plan file; nothing was written.',
        '',
      ].join('\n'),
    );
    const report = json(r.stdout);
    expect(report.files[0]!.output).toBe(PLAN);
    expect(report.files[0]!.diagnostics.map((d) => d.ruleId)).not.toContain('schema-type');
    // From stdin too, where --fix has no file to write.
    const piped = run(['check', '-', '--stdin-filename', 'plan.yaml', '--today', TODAY, '--fix-dry-run'], dir, {}, misspelt);
    expect(piped.stderr).toContain('+unit: { housingType: community-housing }\n');
  });
});

describe('SARIF partialFingerprints', () => {
  it('stay the same when lines are added above the findings', () => {
    const dir = folder({ 'plan.yaml': PLAN, 'laatuvahti.config.yaml': 'rules:\n  social-activity-regular: { options: { maxInterval: month } }\n' });
    const fingerprints = () => {
      const log = JSON.parse(run(['check', 'plan.yaml', '--today', TODAY, '--format', 'sarif'], dir).stdout);
      return (log.runs[0].results as { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[]).map((r) => ({
        ruleId: r.ruleId,
        line: r.locations[0]!.physicalLocation.region.startLine,
        fingerprint: r.partialFingerprints['laatuvahtiFinding/v1'],
      }));
    };
    const before = fingerprints();
    expect(before.length).toBeGreaterThan(1);
    // The same plan with three comment lines on top: every finding moves three lines down.
    writeFileSync(join(dir, 'plan.yaml'), `# a\n# b\n# c\n${PLAN}`);
    const after = fingerprints();
    expect(after.map((r) => r.fingerprint).sort()).toEqual(before.map((r) => r.fingerprint).sort());
    const regular = (list: typeof before) => list.find((r) => r.ruleId === 'social-activity-regular')!;
    expect(regular(after).line).toBe(regular(before).line + 3);
    expect(new Set(before.map((r) => r.fingerprint)).size).toBe(before.length);
  });
});
