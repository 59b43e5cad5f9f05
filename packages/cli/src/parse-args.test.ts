import { describe, expect, it } from 'vitest';
import { parseArgs, usage, UsageError } from './parse-args.js';

describe('parseArgs', () => {
  it('reads check flags in both spellings', () => {
    expect(parseArgs(['check', 'a.yaml', '-f', 'sarif', '--output=out.sarif', '--today', '2026-11-23', '--locale=fi', '-c', 'cfg.yaml', '--max-warnings', '3', '-q', '--no-color', 'b'])).toEqual({
      command: 'check',
      positionals: ['a.yaml', 'b'],
      options: { format: 'sarif', reports: [], output: 'out.sarif', today: '2026-11-23', locale: 'fi', config: 'cfg.yaml', maxWarnings: 3, quiet: true, updateBaseline: false, fix: false, fixDryRun: false, staged: false, ignorePatterns: [], gitignore: true, ignore: true, update: false, color: false, kind: 'SelfMonitoringPlan', language: 'fi' },
    });
    expect(parseArgs(['check', '--baseline', 'ci/baseline.json', '--update-baseline'])).toMatchObject({ options: { baseline: 'ci/baseline.json', updateBaseline: true } });
    expect(() => parseArgs(['check', '--baseline='])).toThrow('Option "--baseline" needs a file name.');
    expect(parseArgs(['check', '-', '--stdin-filename', 'plans/a.yaml'])).toMatchObject({ positionals: ['-'], options: { stdinFilename: 'plans/a.yaml' } });
    expect(parseArgs(['check', '-'])).toMatchObject({ positionals: ['-'] });
    expect(parseArgs(['check', 'plans', '--fix'])).toMatchObject({ options: { fix: true } });
    expect(() => parseArgs(['check', '-', '--fix'])).toThrow('"--fix" corrects files; a plan read from stdin ("-") has none to write to.');
  });

  it('takes one report for stdout and more, each to its own file, from repeated --format NAME:FILE', () => {
    expect(parseArgs(['check', '-f', 'github', '--format', 'sarif:out/laatuvahti.sarif', '--format=markdown:C:\\raportit\\raportti.md'])).toMatchObject({
      options: { format: 'github', reports: [{ format: 'sarif', file: 'out/laatuvahti.sarif' }, { format: 'markdown', file: 'C:\\raportit\\raportti.md' }] },
    });
    // Files only: stylish still goes to stdout.
    expect(parseArgs(['check', '-f', 'junit:junit.xml'])).toMatchObject({ options: { format: 'stylish', reports: [{ format: 'junit', file: 'junit.xml' }] } });
  });

  it('reads the ignore, staged, dry-run and print-config flags of check, and refuses their bad combinations', () => {
    expect(parseArgs(['check', '--ignore-pattern', 'dist/**', '--ignore-pattern=!dist/keep.yaml', '--no-gitignore', 'plans', '!plans/drafts/**'])).toMatchObject({
      positionals: ['plans', '!plans/drafts/**'],
      options: { ignorePatterns: ['dist/**', '!dist/keep.yaml'], gitignore: false, ignore: true },
    });
    expect(parseArgs(['check', '--no-ignore'])).toMatchObject({ options: { ignore: false, gitignore: true } });
    expect(parseArgs(['check', '--staged', '--fix-dry-run', 'plans/'])).toMatchObject({ positionals: ['plans/'], options: { staged: true, fixDryRun: true, fix: false } });
    expect(parseArgs(['check', '--print-config', 'plans/a.yaml'])).toMatchObject({ positionals: [], options: { printConfig: 'plans/a.yaml' } });
    expect(() => parseArgs(['check', '--fix', '--fix-dry-run'])).toThrow('Use either "--fix" (write the corrections) or "--fix-dry-run" (only show them).');
    expect(() => parseArgs(['check', '--staged', '--fix'])).toThrow('"--fix" corrects files, and "--staged" checks what is in git\'s index');
    expect(() => parseArgs(['check', '--staged', '-'])).toThrow('"--staged" reads the plans from git\'s index; it cannot be combined with "-" (stdin).');
    expect(() => parseArgs(['check', '--print-config', 'a.yaml', 'b.yaml'])).toThrow('"--print-config FILE" prints the configuration of one file and checks nothing; remove "b.yaml".');
    expect(() => parseArgs(['check', '--print-config='])).toThrow('Option "--print-config" needs a file name.');
    expect(() => parseArgs(['check', '--ignore-pattern='])).toThrow('Option "--ignore-pattern" needs a pattern.');
  });

  it('has defaults and treats everything after -- as paths', () => {
    expect(parseArgs(['check', '--', '--weird.yaml'])).toMatchObject({ positionals: ['--weird.yaml'], options: { format: 'stylish', maxWarnings: -1, quiet: false } });
  });

  it.each([
    [['check', '--bogus'], 'Unknown option "--bogus" for "check".'],
    [['check', '-x'], 'Unknown option "-x" for "check".'],
    [['rules', '--format', 'json'], 'Unknown option "--format" for "rules".'],
    [['check', '--format', 'xml'], 'Invalid value "xml" for "--format": use stylish, json, sarif, junit, github, gitlab, markdown, html.'],
    [['check', '--format'], 'Option "--format" needs a value (NAME[:FILE]).'],
    [['check', '-f', 'json', '-f', 'github'], 'Only one "--format" goes to stdout (json, github): write the others to files, e.g. "--format github:laatuvahti.txt".'],
    [['check', '-f', 'json', '-f', 'markdown'], 'Only one "--format" goes to stdout (json, markdown): write the others to files, e.g. "--format markdown:laatuvahti.md".'],
    [['check', '-f', 'sarif:'], '"--format sarif:" needs a file name after the colon.'],
    [['check', '-f', 'sarf:out.sarif'], 'Invalid value "sarf" for "--format": use stylish, json, sarif, junit, github, gitlab, markdown, html.'],
    [['check', '-f', 'sarif:a.txt', '-f', 'json:a.txt'], 'Two reports would be written to "a.txt".'],
    [['check', '-f', 'sarif:a.txt', '-o', 'a.txt'], 'Two reports would be written to "a.txt".'],
    [['check', '--today', '2026-02-30'], 'Invalid date "2026-02-30" for "--today": use YYYY-MM-DD.'],
    [['check', '--max-warnings', 'many'], 'Invalid number "many" for "--max-warnings": use a whole number (0 or more; -1 for no limit).'],
    [['check', '--quiet=yes'], 'Option "--quiet" takes no value.'],
    [['check', '--color', '--no-color'], 'Use either "--color" or "--no-color".'],
    [['check', '-', 'a.yaml'], '"-" (a plan read from stdin) cannot be combined with other paths.'],
    [['check', 'a.yaml', '--stdin-filename', 'b.yaml'], '"--stdin-filename" names the plan read from stdin: give the path "-" too.'],
    [['check', '-', '--stdin-filename='], 'Option "--stdin-filename" needs a file name.'],
    [['explain'], '"explain" takes exactly one rule id.'],
    [['init', 'a', 'b'], 'Unexpected argument "b" for "init".'],
    [['chekc'], 'Unknown command "chekc".'],
    [['--bogus'], 'Unknown option "--bogus": a command comes first (check, rules, explain, init, import, test-rules).'],
    [['test-rules'], '"test-rules" needs at least one rules folder (a folder of <rule-id>/rule.yaml).'],
    [['test-rules', 'rules', '--format', 'json'], 'Unknown option "--format" for "test-rules".'],
  ])('rejects %j', (argv, message) => {
    let error: unknown;
    try {
      parseArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(message);
  });

  it('offers candidates for a "did you mean"', () => {
    try {
      parseArgs(['check', '--formt', 'json']);
      expect.unreachable();
    } catch (e) {
      expect((e as UsageError).unknown?.candidates).toContain('--format');
      expect((e as UsageError).command).toBe('check');
    }
  });

  it('answers help and version', () => {
    expect(parseArgs([])).toEqual({ command: 'help' });
    expect(parseArgs(['help', 'init'])).toEqual({ command: 'help', topic: 'init' });
    expect(parseArgs(['check', '--help'])).toEqual({ command: 'help', topic: 'check' });
    expect(parseArgs(['--version'])).toEqual({ command: 'version' });
    expect(usage('init')).toContain('--kind KIND');
    expect(usage()).toContain('Exit codes: 0');
  });

  it('reads import: one file, the draft file, --force, a kind and language only when given', () => {
    const parsed = parseArgs(['import', 'plan.docx', '-o', 'draft.yaml', '--force', '--kind', 'ServiceDescription']);
    expect(parsed).toMatchObject({ command: 'import', positionals: ['plan.docx'], options: { output: 'draft.yaml', force: true, importKind: 'ServiceDescription' } });
    expect((parseArgs(['import', 'plan.md']) as { options: object }).options).not.toHaveProperty('importKind');
    expect(() => parseArgs(['import', 'a.md', 'b.md'])).toThrow('"import" takes exactly one file');
    expect(() => parseArgs(['import', 'a.md', '--language', 'de'])).toThrow('Invalid value "de" for "--language": use fi, sv, en.');
    expect(usage('import')).toContain('--force');
  });
});
