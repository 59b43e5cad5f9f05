/**
 * Config resolution as ESLint users expect it (issue 19): the cascade of
 * `laatuvahti.config.yaml` files up to `root: true`, `extends` of shipped sets and files,
 * `overrides` by glob, `ignores`, and the problems of each pointed at their own line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfigFile } from './rules/read-definitions.js';
import { SettingsResolver } from './node.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp folder with the given files. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'laatuvahti-cascade-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const at = (d: { diagnostic: { range: { start: { line: number; character: number } } } }) => `${d.diagnostic.range.start.line + 1}:${d.diagnostic.range.start.character + 1}`;

describe('the cascade', () => {
  it('merges a nearer config onto the ones above it, up to root: true', () => {
    const dir = tree({
      'laatuvahti.config.yaml': 'locale: fi\nrules:\n  social-activity-regular: { severity: error, options: { maxInterval: month } }\n  staffing-described: off\n',
      'sub/laatuvahti.config.yaml': 'rules:\n  social-activity-regular: warn\n',
      'sub/own/laatuvahti.config.yaml': 'root: true\nrules:\n  plan-authority-guidance-considered: info\n',
    });
    const resolver = new SettingsResolver();
    const sub = resolver.forFile(join(dir, 'sub', 'plan.yaml'));
    // The locale and the other rule come from above; the severity alone changes, the option stays.
    expect(sub.locale).toBe('fi');
    expect(sub.settings.severities.get('social-activity-regular')).toBe('warning');
    expect(sub.settings.options['social-activity-regular']).toMatchObject({ maxInterval: 'month' });
    expect(sub.settings.severities.get('staffing-described')).toBe('off');
    expect(sub.configFile).toBe(join(dir, 'sub', 'laatuvahti.config.yaml'));
    expect(sub.configFiles).toEqual([join(dir, 'laatuvahti.config.yaml'), join(dir, 'sub', 'laatuvahti.config.yaml')]);
    expect(sub.diagnostics).toEqual([]);

    const own = resolver.forFile(join(dir, 'sub', 'own', 'deeper', 'plan.yaml'));
    expect(own.locale).toBe('en');
    expect(own.settings.severities.get('staffing-described')).toBeUndefined();
    expect(own.settings.severities.get('plan-authority-guidance-considered')).toBe('info');
    expect(own.configFiles).toEqual([join(dir, 'sub', 'own', 'laatuvahti.config.yaml')]);
  });

  it('with an explicit config file, reads only that file and what it extends', () => {
    const dir = tree({
      'laatuvahti.config.yaml': 'locale: fi\n',
      'ci.yaml': 'extends: ./base.yaml\n',
      'base.yaml': 'rules:\n  staffing-described: off\n',
    });
    const s = new SettingsResolver({ configFile: join(dir, 'ci.yaml') }).forFile(join(dir, 'plan.yaml'));
    expect([s.locale, s.settings.severities.get('staffing-described')]).toEqual(['en', 'off']);
    expect(s.configFiles).toEqual([join(dir, 'base.yaml'), join(dir, 'ci.yaml')]);
  });
});

describe('extends', () => {
  it('takes a shipped set and config files in order, each file with its own relative ruleDirs', () => {
    const dir = tree({
      'shared/unit.yaml': 'locale: sv\nruleDirs: [./local-rules]\nrules:\n  staffing-described: warning\n',
      'shared/local-rules/.keep': '',
      'plans/laatuvahti.config.yaml': 'extends: [laatuvahti:strict, ../shared/unit.yaml]\nrules:\n  staffing-described: error\n',
    });
    const resolver = new SettingsResolver();
    const s = resolver.forFile(join(dir, 'plans', 'a.yaml'));
    expect(s.diagnostics).toEqual([]);
    expect(s.locale).toBe('sv');
    expect(s.settings.severities.get('staffing-described')).toBe('error');
    // laatuvahti:strict switches the practice rules on.
    expect(s.settings.enabled?.has('documentation-systems-named')).toBe(true);
    const merged = resolver.mergedConfig(join(dir, 'plans', 'a.yaml')).config;
    expect(merged).toEqual({
      files: [join(dir, 'shared', 'unit.yaml'), join(dir, 'plans', 'laatuvahti.config.yaml')],
      extends: ['laatuvahti:strict'],
      locale: 'sv',
      rules: { 'staffing-described': 'error' },
      ruleDirs: [join(dir, 'shared', 'local-rules')],
    });
  });

  it('reports a cycle and a missing file at the entry that names them', () => {
    const dir = tree({
      'laatuvahti.config.yaml': 'locale: fi\nextends:\n  - laatuvahti:strict\n  - ./shared/b.yaml\n',
      'shared/b.yaml': 'extends: ../laatuvahti.config.yaml\n',
      'other/laatuvahti.config.yaml': 'extends: ./nowhere.yaml\nroot: true\n',
    });
    const cycle = new SettingsResolver().forFile(join(dir, 'plan.yaml')).diagnostics;
    expect(cycle.map((d) => [d.uri, at(d), d.diagnostic.ruleId, d.diagnostic.message])).toEqual([
      [
        pathToFileURL(join(dir, 'shared', 'b.yaml')).href,
        '1:10',
        'rule-load',
        expect.stringContaining('extends: "../laatuvahti.config.yaml" makes a cycle: ../laatuvahti.config.yaml → b.yaml → ../laatuvahti.config.yaml'),
      ],
    ]);
    const missing = new SettingsResolver().forFile(join(dir, 'other', 'plan.yaml')).diagnostics;
    expect(missing.map((d) => [at(d), d.diagnostic.message])).toEqual([['1:10', expect.stringContaining(`extends: no config file "./nowhere.yaml" (looked for ${join(dir, 'other', 'nowhere.yaml')})`)]]);
  });

  it('refuses an unknown laatuvahti: set before looking for a file', () => {
    const r = readConfigFile('extends: laatuvahti:strictest\n', 'file:///c.yaml');
    expect(r.diagnostics.map((d) => d.diagnostic.message)).toEqual([expect.stringContaining("extends names a shipped rule set (laatuvahti:recommended or laatuvahti:strict) or a config file's path")]);
  });
});

describe('overrides', () => {
  it('apply in order to the files their globs match, relative to the config, the nearer config winning', () => {
    const dir = tree({
      'laatuvahti.config.yaml': [
        'overrides:',
        '  - files: ["*.sv.yaml"]', // no slash: the file name, in any sub-folder (as ESLint)
        '    locale: sv',
        '    rules: { staffing-described: warning }',
        '  - files: ["units/**"]',
        '    excludedFiles: units/keep/**',
        '    rules: { staffing-described: off }',
        '',
      ].join('\n'),
      'units/laatuvahti.config.yaml': 'rules:\n  plan-authority-guidance-considered: info\n',
      'late/laatuvahti.config.yaml': 'rules:\n  staffing-described: error\n',
    });
    const resolver = new SettingsResolver();
    const sev = (file: string) => resolver.forFile(join(dir, file)).settings.severities.get('staffing-described');
    expect(sev('plan.yaml')).toBeUndefined();
    expect(resolver.forFile(join(dir, 'a', 'plan.sv.yaml')).locale).toBe('sv');
    expect(sev('a/plan.sv.yaml')).toBe('warning');
    expect(sev('units/plan.sv.yaml')).toBe('off');
    expect(sev('units/keep/plan.sv.yaml')).toBe('warning');
    // A nearer config's own settings win over the overrides of the one above it.
    expect(sev('late/plan.sv.yaml')).toBe('error');
  });

  it('point a problem at its own line, whether or not it matches the file', () => {
    const dir = tree({ 'laatuvahti.config.yaml': 'overrides:\n  - files: other/**\n    rules:\n      social-activity-regulr: off\n' });
    const d = new SettingsResolver().forFile(join(dir, 'plan.yaml')).diagnostics;
    expect(d.map((x) => [at(x), x.diagnostic.path, x.diagnostic.message])).toEqual([
      ['4:7', ['overrides', 0, 'rules', 'social-activity-regulr'], expect.stringContaining('unknown rule "social-activity-regulr" (did you mean "social-activity-regular"?)')],
    ]);
  });
});

describe('ignores', () => {
  it('in .gitignore syntax relative to each config, a nearer negation bringing a file back', () => {
    const dir = tree({
      'laatuvahti.config.yaml': 'ignores: [dist/, "drafts/*.yaml"]\n',
      'drafts/laatuvahti.config.yaml': 'ignores: ["!keep.yaml"]\n',
    });
    const resolver = new SettingsResolver();
    expect(resolver.ignoredByConfig(join(dir, 'dist'), true)).toBe(true);
    expect(resolver.ignoredByConfig(join(dir, 'sub', 'dist'), true)).toBe(true);
    expect(resolver.ignoredByConfig(join(dir, 'dist.yaml'))).toBeUndefined();
    expect(resolver.ignoredByConfig(join(dir, 'drafts', 'a.yaml'))).toBe(true);
    expect(resolver.ignoredByConfig(join(dir, 'drafts', 'keep.yaml'))).toBe(false);
  });
});

describe('rule settings', () => {
  it('read ESLint\'s "warn" as warning, and name the allowed values for a wrong one', () => {
    const ok = readConfigFile('rules:\n  a: warn\n  b: { severity: warn }\n', 'file:///c.yaml');
    expect(ok.value?.rules).toEqual({ a: 'warning', b: { severity: 'warning' } });
    const bad = readConfigFile('rules:\n  a: warnig\n  b: { severity: loud }\n  c: [error]\n', 'file:///c.yaml');
    expect(bad.diagnostics.map((d) => [at(d), d.diagnostic.message])).toEqual([
      ['2:6', expect.stringContaining('rules.a: "warnig" is not a severity: use off, info, warning (or warn), error (did you mean "warning"?)')],
      ['3:6', expect.stringContaining('rules.b: severity: "loud" is not a severity: use off, info, warning (or warn), error')],
      ['4:6', expect.stringContaining('rules.c: a rule setting is a severity (off, info, warning (or warn), error) or { severity, options }, not a list')],
    ]);
    for (const d of bad.diagnostics) expect(d.diagnostic.message).not.toContain('Invalid input');
  });

  it('refuse __proto__, constructor and prototype as rule ids or option names', () => {
    const r = readConfigFile('rules:\n  __proto__: off\n  x:\n    options: { constructor: 1 }\noverrides:\n  - files: "*"\n    rules: { prototype: off }\n', 'file:///c.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [at(d), d.diagnostic.message])).toEqual([
      ['2:3', expect.stringContaining('rules.__proto__: "__proto__" is not a rule id (it would reach the prototype of every object)')],
      ['4:16', expect.stringContaining('rules.x.options.constructor: "constructor" is not an option name')],
      ['7:14', expect.stringContaining('overrides[0].rules.prototype: "prototype" is not a rule id')],
    ]);
  });
});

describe('the documented config examples', () => {
  const root = join(__dirname, '..', '..', '..');
  /** The first ```yaml block after `marker` in a file of the repository. */
  const exampleAfter = (file: string, marker: string) => {
    const text = readFileSync(join(root, file), 'utf8');
    const from = text.indexOf(marker);
    expect(from).toBeGreaterThan(-1);
    const block = /```yaml\n([\s\S]*?)```/.exec(text.slice(from));
    return block![1]!;
  };

  it('are valid config files, every key of the file shown in the format spec', () => {
    const spec = exampleAfter('docs/plan-format.md', '## Project configuration');
    const readme = exampleAfter('README.md', 'Configuration: `laatuvahti.config.yaml` files cascade');
    for (const text of [spec, readme]) expect(readConfigFile(text, 'file:///example.yaml').diagnostics).toEqual([]);
    const keys = Object.keys(readConfigFile(spec, 'file:///example.yaml').value ?? {}).sort();
    expect(keys).toEqual(['extends', 'ignores', 'locale', 'overrides', 'root', 'ruleDirs', 'rules']);
  });
});
