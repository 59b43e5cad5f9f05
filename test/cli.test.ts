/**
 * The `laatuvahti` command end to end: the built bin is spawned on plans written to temp
 * folders (and on fixtures/ when present), and exit codes, every output format and the privacy
 * guarantee are asserted against core's own `check()` for the same text and date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { parse, stringify } from 'yaml';
import { check, checkDocument, formatPath, getDefaultPack, localizedRuleDocs, resolveSettings, ruleOutcomes, type ConfigFile, type Diagnostic } from '@laatuvahti/core/internal';
import { findConfigFile } from '@laatuvahti/core/internal/node';
import { parseXml } from '../packages/cli/src/testing/parse-xml.js';
import { BIN, ensureCliBuilt, ROOT, runCli as run, tempFolders, type Run } from './cli-harness.js';

const root = ROOT;
const BUNDLE = join(root, 'packages', 'cli', 'dist', 'cli.cjs');
const TODAY = '2026-11-23';

// `npm ci` builds everything (prepare); the harness rebuilds only when the bundle is missing or
// older than the sources it is made of (core's sources and generated rule pack included).
beforeAll(() => ensureCliBuilt(), 120_000);
const { folder, cleanup } = tempFolders('laatuvahti-cli-');
afterAll(cleanup);

/**
 * A community-housing plan whose activity "Retket" is too rare (line 9, `every: 3 months`) for a
 * config that sets social-activity-regular's own limit to a month (MONTHLY): the rule has no
 * maximum interval of its own, and concerns community housing only. Its `language: en` makes
 * the findings English unless a test asks for another locale.
 */
const PLAN = `apiVersion: laatuvahti/v1
kind: SelfMonitoringPlan
language: en
updated: 2026-09-15
unit: { housingType: community-housing }
socialActivity:
  activities:
    - name: Retket
      every: 3 months
`;

type RuleSetting = NonNullable<ConfigFile['rules']>[string];
/** A config as check() takes it (a file's `extends` may also name files, which check() cannot read). */
type CheckConfig = NonNullable<NonNullable<Parameters<typeof check>[1]>['config']>;

/** social-activity-regular with the unit's own limit of one month (maxInterval is unset by default). */
function monthly(severity?: 'error' | 'warning'): RuleSetting {
  return { ...(severity ? { severity } : {}), options: { maxInterval: 'month' } };
}
/** The config that makes PLAN's "Retket" too rare, as an object for core and as the file's text. */
const MONTHLY_CONFIG: CheckConfig = { rules: { 'social-activity-regular': monthly() } };
const MONTHLY = 'rules:\n  social-activity-regular:\n    options:\n      maxInterval: month\n';

const SYNTAX_ERROR = `apiVersion: laatuvahti/v1
kind: SelfMonitoringPlan
unit: [unclosed
`;

const ID = '131052-308T';
const MASKED = '131052-****';

/**
 * A config that switches off every rule that fires on `text` except `keep` (with the given
 * severities), so exact assertions hold however many rules the pack gains.
 */
async function isolating(text: string, keep: Record<string, RuleSetting>): Promise<string> {
  const rules: Record<string, RuleSetting> = { ...keep };
  for (let round = 0; round < 5; round++) {
    const config = { rules };
    const extra = (await check(text, { today: TODAY, config })).map((d) => d.ruleId).filter((id) => !(id in rules));
    if (extra.length === 0) break;
    for (const id of extra) rules[id] = 'off';
  }
  return stringify({ rules });
}

/** Rule messages change as rules are edited: tests take them from core for the same text and config. */
async function messageOf(text: string, ruleId: string, locale: 'fi' | 'sv' | 'en' = 'en', config: CheckConfig = MONTHLY_CONFIG): Promise<string> {
  const d = (await check(text, { today: TODAY, locale, config })).find((x) => x.ruleId === ruleId);
  if (!d) throw new Error(`${ruleId} does not fire`);
  return d.message;
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let validateSarif: ((log: unknown) => boolean) & { errors?: unknown[] } | undefined;
/**
 * The OASIS SARIF 2.1.0 schema as shipped by @microsoft/jest-sarif, checked with the ajv it is
 * made for (draft-04), so a log is valid SARIF, not only shaped like it.
 */
function sarifValidator(): ((log: unknown) => boolean) & { errors?: unknown[] } {
  if (!validateSarif) {
    const sarifPackage = require.resolve('@microsoft/jest-sarif/package.json');
    const requireFromSarif = createRequire(sarifPackage);
    const Ajv = requireFromSarif('ajv');
    const ajv = new Ajv({ schemaId: 'id', meta: false, allErrors: true });
    ajv.addMetaSchema(requireFromSarif('ajv/lib/refs/json-schema-draft-04.json'));
    validateSarif = ajv.compile(JSON.parse(readFileSync(join(dirname(sarifPackage), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')));
  }
  return validateSarif!;
}

function json(r: Run): { files: { path: string; kind?: string; diagnostics: Diagnostic[]; suppressed: Diagnostic[] }[]; skipped: string[]; summary: Record<string, number> } {
  return JSON.parse(r.stdout);
}

describe('exit codes', () => {
  it('2 for an unknown flag, with the message and the usage', () => {
    const r = run(['check', '--bogus', 'x.yaml'], folder());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('laatuvahti: Unknown option "--bogus" for "check".');
    expect(r.stderr).toContain('Usage: laatuvahti check [paths...]');
    expect(r.stdout).toBe('');
    expect(run(['check', '--formt', 'json'], folder()).stderr).toContain('Did you mean "--format"?');
    expect(run(['chek'], folder())).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command "chek". Did you mean "check"?') });
  });

  it('2 for a missing path or a glob that matches nothing', () => {
    const dir = folder({ 'plan.yaml': PLAN });
    expect(run(['check', 'plan.yaml', 'missing.yaml'], dir)).toMatchObject({ code: 2, stderr: 'laatuvahti: No such file or folder: missing.yaml\n', stdout: '' });
    expect(run(['check', 'plans/**/*.yaml'], dir)).toMatchObject({ code: 2, stderr: 'laatuvahti: No file matches "plans/**/*.yaml".\n' });
  });

  it('2 when the paths hold no plan file at all, or no YAML at all', () => {
    const dir = folder({ 'ci.yaml': 'on: push\n', 'sub/k8s.yml': 'apiVersion: v1\nkind: Pod\n' });
    const r = run(['check', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No plan file among the 2 YAML files found in .');
    const empty = folder({ 'readme.txt': 'hi' });
    expect(run(['check'], empty)).toMatchObject({ code: 2, stderr: expect.stringContaining('No YAML or JSON files found in .') });
  });

  it('2 for an invalid config file, pointing at its line and column', () => {
    const dir = folder({
      'plans/plan.yaml': PLAN,
      'laatuvahti.config.yaml': 'locale: en\nrules:\n  social-activity-regulr: off\n',
    });
    const r = run(['check', 'plans'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^laatuvahti\.config\.yaml:3:3: error .*unknown rule "social-activity-regulr" \(did you mean "social-activity-regular"\?\) \(rule-load\)$/m);
    const yamlError = folder({ 'plan.yaml': PLAN, 'laatuvahti.config.yaml': 'locale: [en\n' });
    expect(run(['check', 'plan.yaml'], yamlError).stderr).toMatch(/^laatuvahti\.config\.yaml:\d+:\d+: error /m);
    expect(run(['check', 'plans', '--config', 'nope.yaml'], dir)).toMatchObject({ code: 2, stderr: 'laatuvahti: Config file not found: nope.yaml\n' });
  });

  it('1 for a plan with a syntax error, even when the config switches yaml-syntax off (fail closed)', () => {
    const dir = folder({ 'broken.yaml': SYNTAX_ERROR });
    const r = run(['check', 'broken.yaml', '--format', 'json', '--today', TODAY], dir);
    expect(r.code).toBe(1);
    expect(json(r).files[0]!.diagnostics.map((d) => [d.ruleId, d.severity])).toContainEqual(['yaml-syntax', 'error']);
    writeFileSync(join(dir, 'laatuvahti.config.yaml'), 'rules:\n  yaml-syntax: off\n');
    const off = run(['check', 'broken.yaml', '--today', TODAY], dir);
    expect(off.code).toBe(1);
    expect(off.stdout).toContain('1 plan could not be checked');
  });

  it('1 for an error finding, 0 once the config switches the firing rules off', async () => {
    const dir = folder({ 'plan.yaml': PLAN, 'notes.yaml': 'a: 1\n' });
    expect(run(['check', '--today', TODAY], dir).code).toBe(1);
    writeFileSync(join(dir, 'laatuvahti.config.yaml'), await isolating(PLAN, {}));
    const r = run(['check', '--today', TODAY], dir);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('✔ 1 plan file checked, no problems · 1 non-plan YAML file skipped\n');
  });

  it('--max-warnings: warnings pass by default and fail over the limit; --quiet neither shows nor counts them', async () => {
    const dir = folder({ 'plan.yaml': PLAN });
    writeFileSync(join(dir, 'laatuvahti.config.yaml'), await isolating(PLAN, { 'social-activity-regular': monthly('warning') }));
    expect(run(['check', '--today', TODAY], dir).code).toBe(0);
    expect(run(['check', '--today', TODAY, '--max-warnings', '1'], dir).code).toBe(0);
    const over = run(['check', '--today', TODAY, '--max-warnings', '0'], dir);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain(`  9:14  warning  ${await messageOf(PLAN, 'social-activity-regular')}  social-activity-regular`);
    const quiet = run(['check', '--today', TODAY, '--max-warnings', '0', '--quiet'], dir);
    expect(quiet).toMatchObject({ code: 0, stdout: '✔ 1 plan file checked, no problems\n' });
  });
});

describe('rule sets (extends)', () => {
  it('laatuvahti:strict turns a practice rule on, as info; without it the rule is off; any other set is exit 2 naming the shipped ones', async () => {
    // PLAN has no `documentation` section: documentation-systems-named rests on one unit's practice.
    const dir = folder({ 'plan.yaml': PLAN });
    const args = ['check', '--today', TODAY, '--format', 'json'];
    const recommended = run(args, dir);
    expect(recommended.code).toBe(1);
    const byDefault = json(recommended).files[0]!.diagnostics;
    expect(byDefault).toEqual(await check(PLAN, { today: TODAY }));
    expect(byDefault.map((d) => d.ruleId)).not.toContain('documentation-systems-named');
    expect(byDefault.filter((d) => d.severity === 'info')).toEqual([]);
    // Naming the default set changes nothing.
    writeFileSync(join(dir, 'laatuvahti.config.yaml'), 'extends: laatuvahti:recommended\n');
    expect(json(run(args, dir)).files[0]!.diagnostics).toEqual(byDefault);

    writeFileSync(join(dir, 'laatuvahti.config.yaml'), 'extends: laatuvahti:strict\n');
    const strict = run(args, dir);
    expect(strict).toMatchObject({ code: 1, stderr: '' });
    const diagnostics = json(strict).files[0]!.diagnostics;
    expect(diagnostics).toEqual(await check(PLAN, { today: TODAY, config: { extends: 'laatuvahti:strict' } }));
    const named = diagnostics.filter((d) => d.ruleId === 'documentation-systems-named');
    expect(named.map((d) => [d.severity, d.range, d.source?.basis])).toEqual([['info', { start: { line: 5, character: 0 }, end: { line: 5, character: 14 } }, 'practice']]);
    // Strict adds the practice findings and nothing else: the rest are the default set's.
    expect(diagnostics.filter((d) => d.source?.basis !== 'practice')).toEqual(byDefault);
    const stylish = run(['check', '--today', TODAY], dir);
    expect(stylish.stdout).toContain(`\n  6:1  info     ${named[0]!.message}  documentation-systems-named\n`);
    expect(run(['rules'], dir).stdout).toMatch(/^documentation-systems-named +off \(config: info\) +practice of a single document +SelfMonitoringPlan, ServiceDescription +/m);

    // extends also names another config file, relative to this one (see test/cli-config.test.ts);
    // a name of the shipped sets' form that is not one is refused before anything is checked.
    writeFileSync(join(dir, 'other.yaml'), 'rules:\n  documentation-systems-named: info\n');
    writeFileSync(join(dir, 'laatuvahti.config.yaml'), 'extends: ./other.yaml\n');
    expect(run(['check', '--today', TODAY], dir).stdout).toContain(`\n  6:1  info     ${named[0]!.message}  documentation-systems-named\n`);
    writeFileSync(join(dir, 'laatuvahti.config.yaml'), 'extends: laatuvahti:strictest\n');
    expect(run(args, dir)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "laatuvahti.config.yaml:1:10: error Invalid file: extends: extends names a shipped rule set (laatuvahti:recommended or laatuvahti:strict) or a config file's path (rule-load)\nlaatuvahti: fix the config or rule files above; nothing was reported.\n",
    });
  });
});

describe('formats', () => {
  it('json gives the same diagnostics as core check() for the same text and date', async () => {
    const dir = folder({ 'plan.yaml': PLAN, 'sub/b.yaml': SYNTAX_ERROR, 'other.yaml': 'x: 1\n', 'laatuvahti.config.yaml': MONTHLY });
    const r = run(['check', '--format', 'json', '--today', TODAY], dir);
    expect(r.code).toBe(1);
    const report = json(r);
    expect(report.files.map((f) => f.path)).toEqual(['plan.yaml', 'sub/b.yaml']);
    expect(report.skipped).toEqual(['other.yaml']);
    expect(report.files[0]!.diagnostics).toEqual(await check(PLAN, { today: TODAY, config: MONTHLY_CONFIG }));
    const notApplicable = (await checkDocument(PLAN, { today: TODAY, config: MONTHLY_CONFIG })).notApplicable;
    expect(notApplicable).toContain('round-the-clock-staffed');
    expect((report.files[0] as { notApplicable?: string[] }).notApplicable).toEqual(notApplicable);
    expect(report.files[1]!.diagnostics).toEqual(await check(SYNTAX_ERROR, { today: TODAY, config: MONTHLY_CONFIG }));
    expect(report.files[0]!.diagnostics.find((d) => d.ruleId === 'social-activity-regular')?.range).toEqual({ start: { line: 8, character: 13 }, end: { line: 8, character: 21 } });
  });

  it('json matches core check() on every fixture', async () => {
    const fixtures = join(root, 'fixtures');
    const files = existsSync(fixtures) ? readdirSync(fixtures, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('laatuvahti.config.yaml')).sort() : [];
    const comparable = files.filter((f) => !findConfigFile(join(fixtures, f)));
    if (comparable.length === 0) return;
    const r = run(['check', ...comparable, '--format', 'json', '--today', TODAY], fixtures);
    expect(r.code === 2 ? r.stderr : 'ok').toBe('ok');
    const report = json(r);
    for (const f of report.files) {
      const expected = await check(readFileSync(join(fixtures, f.path), 'utf8'), { today: TODAY });
      expect(f.diagnostics.map((d) => [d.ruleId, d.range])).toEqual(expected.map((d) => [d.ruleId, d.range]));
      expect(f.diagnostics).toEqual(expected);
    }
  });

  it('many files are checked in worker threads with the same results', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) files[`plans/p${String(i).padStart(2, '0')}.yaml`] = PLAN.replace('Retket', `Retket ${i}`);
    const dir = folder({ ...files, 'laatuvahti.config.yaml': MONTHLY });
    const r = run(['check', 'plans', '--format', 'json', '--today', TODAY], dir, { LAATUVAHTI_THREADS: '2' });
    const report = json(r);
    expect(report.files).toHaveLength(80);
    expect(report.files.map((f) => f.path)).toEqual(Object.keys(files).sort());
    for (const i of [0, 41, 79]) {
      const expected = await check(files[report.files[i]!.path]!, { today: TODAY, config: MONTHLY_CONFIG });
      expect(expected.map((d) => d.ruleId)).toContain('social-activity-regular');
      expect(report.files[i]!.diagnostics).toEqual(expected);
    }
  });

  it('writes several reports in one run (--format NAME:FILE), each as its own run would', () => {
    const dir = folder({ 'plans/a.yaml': PLAN, 'plans/b.yaml': SYNTAX_ERROR, 'other.yaml': 'x: 1\n' });
    const args = ['check', 'plans', '--today', TODAY];
    const r = run([...args, '-f', 'github', '-f', 'sarif:out/laatuvahti.sarif', '--format=markdown:out/raportti.md', '-f', 'junit:out/junit.xml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(run([...args, '-f', 'github'], dir).stdout);
    for (const [format, file] of [['sarif', 'out/laatuvahti.sarif'], ['markdown', 'out/raportti.md'], ['junit', 'out/junit.xml']] as const) {
      const alone = run([...args, '-f', format], dir).stdout;
      expect(readFileSync(join(dir, file), 'utf8'), format).toBe(alone);
    }
    // Only files asked for: the stylish report still goes to stdout, without colours.
    const quiet = run([...args, '-f', 'json:out/report.json', '--color'], dir);
    expect(quiet.stdout).toContain('\u001b[');
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')).files.map((f: { path: string }) => f.path)).toEqual(['plans/a.yaml', 'plans/b.yaml']);
    // A report that cannot be written is exit 2, named.
    mkdirSync(join(dir, 'taken'));
    const bad = run([...args, '-f', 'sarif:taken'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('laatuvahti: Cannot write taken: illegal operation on a directory (EISDIR)');
  });

  it('sarif 2.1.0: schema, rules with source, 1-based regions, suppressions with justification', async () => {
    const text = `${PLAN}    - name: Kesäretki\n      # laatuvahti-disable-next-line social-activity-regular -- Kesätauko asukkaiden kanssa (until 2027-01-31)\n      every: 2 months\n`;
    const dir = folder({ 'plans/a plan.yaml': text, 'laatuvahti.config.yaml': MONTHLY });
    const r = run(['check', '--format', 'sarif', '--today', TODAY], dir);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    const sarifRun = log.runs[0];
    expect(sarifRun.tool.driver.name).toBe('laatuvahti');
    const rules = sarifRun.tool.driver.rules as { id: string; shortDescription: { text: string }; helpUri: string; properties: { source?: string; requirements?: string[] } }[];
    const regular = rules.find((x) => x.id === 'social-activity-regular')!;
    expect(regular.shortDescription.text).toBe('Social activity takes place regularly');
    expect(regular.helpUri).toMatch(/^https:\/\/.*social-activity-regular/);
    expect(regular.properties.source).toBe('Valvira guidance "Palvelujen tuottaminen yhteisöllisessä asumisessa" (Producing services in community housing), section on activity promoting social interaction, paragraph 2');
    expect(regular.properties.requirements).toEqual(['R39']);
    expect(rules.map((x) => x.id)).toEqual(expect.arrayContaining(['yaml-syntax', 'schema-type', 'schema-unknown-key', 'personal-id-in-public-document']));

    const expected = await check(text, { today: TODAY, config: MONTHLY_CONFIG });
    const results = sarifRun.results as { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[]; suppressions?: unknown[] }[];
    const standing = results.filter((x) => !x.suppressions);
    expect(standing.map((x) => x.ruleId)).toEqual(expected.map((d) => d.ruleId));
    standing.forEach((x, i) => {
      const d = expected[i]!;
      expect(rules[x.ruleIndex]!.id).toBe(x.ruleId);
      expect(x.level).toBe(d.severity === 'info' ? 'note' : d.severity);
      expect(x.message.text).toBe(d.message);
      expect(x.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'plans/a%20plan.yaml', uriBaseId: '%SRCROOT%' });
      expect(x.locations[0]!.physicalLocation.region).toEqual({ startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 });
    });
    const silenced = results.filter((x) => x.suppressions);
    expect(silenced).toHaveLength(1);
    expect(silenced[0]).toMatchObject({ ruleId: 'social-activity-regular', locations: [{ physicalLocation: { region: { startLine: 12, startColumn: 14 } } }] });
    expect(silenced[0]!.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'Kesätauko asukkaiden kanssa', properties: { until: '2027-01-31' } }]);
  });

  it('sarif validates against the official SARIF 2.1.0 JSON Schema, for every fixture', () => {
    const validate = sarifValidator();
    const text = `${PLAN}    - name: Kesäretki\n      # laatuvahti-disable-next-line social-activity-regular -- Kesätauko (until 2027-01-31)\n      every: 2 months\n`;
    const dir = folder({ 'plan.yaml': text, 'broken.yaml': SYNTAX_ERROR, 'laatuvahti.config.yaml': MONTHLY });
    for (const cwd of [dir, join(root, 'fixtures')]) {
      const r = run(['check', '--format', 'sarif', '--today', TODAY], cwd);
      expect(r.code).toBe(1);
      const log = JSON.parse(r.stdout);
      expect(log.runs[0].results.length).toBeGreaterThan(0);
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('junit is well-formed XML: one suite per plan, a failure per finding', async () => {
    const dir = folder({ 'a.yaml': PLAN.replace('Retket', 'Retket <&> "x"'), 'b.yaml': SYNTAX_ERROR, 'c.yaml': 'x: 1\n', 'laatuvahti.config.yaml': MONTHLY });
    const r = run(['check', '--format', 'junit', '--today', TODAY, '--output', 'reports/junit.xml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const doc = parseXml(readFileSync(join(dir, 'reports', 'junit.xml'), 'utf8'));
    expect(doc.name).toBe('testsuites');
    expect(doc.children.map((s) => s.attributes.name)).toEqual(['a.yaml', 'b.yaml']);
    const expectedA = await check(PLAN.replace('Retket', 'Retket <&> "x"'), { today: TODAY, config: MONTHLY_CONFIG });
    const suiteA = doc.children[0]!;
    expect(suiteA.attributes.failures).toBe(String(expectedA.length));
    expect(suiteA.children.map((c) => c.children[0]!.attributes.message)).toEqual(expectedA.map((d) => d.message));
    expect(suiteA.children.some((c) => c.children[0]!.attributes.message!.includes('"Retket <&> "x""'))).toBe(true);
    expect(Number(doc.attributes.failures)).toBe(expectedA.length + (await check(SYNTAX_ERROR, { today: TODAY, config: MONTHLY_CONFIG })).length);
  });

  it('markdown gives each plan its SHA-256 and the outcome of every rule of its kind, as core computes it', async () => {
    const suppressedPlan = PLAN.replace('      every: 3 months\n', '      # laatuvahti-disable-next-line social-activity-regular -- Kesätauko sovittu asukkaiden kanssa\n      every: 3 months\n');
    const config = `${MONTHLY}  staffing-described: off\n`;
    // d/plan.yaml has no config: social-activity-regular sets no maximum interval of its own.
    const dir = folder({ 'a/plan.yaml': PLAN, 'a/laatuvahti.config.yaml': MONTHLY, 'b/plan.yaml': suppressedPlan, 'b/laatuvahti.config.yaml': config, 'c/broken.yaml': SYNTAX_ERROR, 'd/plan.yaml': PLAN });
    const r = run(['check', '--format', 'markdown', '--today', TODAY], dir);
    expect(r.code).toBe(1);
    const sections = r.stdout.split(/^## /m);
    expect(sections[0]).toContain('| a/plan.yaml | Self-monitoring plan | ❌ fails |');
    expect(sections[0]).toContain('| c/broken.yaml | – | ❌ could not be checked | 1 | 0 | 0 |');
    const pack = getDefaultPack();
    const titles = new Map([...pack.rules.values()].map((rule) => [rule.definition.id, rule.definition.title.en]));
    const cases: [string, string, NonNullable<ConfigFile['rules']>][] = [
      ['a/plan.yaml', PLAN, MONTHLY_CONFIG.rules!],
      ['b/plan.yaml', suppressedPlan, { ...MONTHLY_CONFIG.rules, 'staffing-described': 'off' }],
      ['d/plan.yaml', PLAN, {}],
    ];
    for (const [name, text, rules] of cases) {
      const section = sections.find((s) => s.startsWith(`${name}\n`))!;
      expect(section).toContain(`SHA-256 \`${createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')}\``);
      const report = await checkDocument(text, { today: TODAY, config: { rules } });
      const expected = ruleOutcomes(pack, report, { today: TODAY, settings: resolveSettings(pack, rules).settings });
      const ruleTable = section.split('### Rules\n\n')[1]!.trim().split('\n').slice(2);
      expect(ruleTable.map((line) => /^\| \[`([^`]+)`\]/.exec(line)?.[1])).toEqual(expected.map((o) => o.ruleId));
      for (const o of expected.filter((x) => titles.has(x.ruleId))) expect(section).toContain(titles.get(o.ruleId)!);
    }
    const b = sections.find((s) => s.startsWith('b/plan.yaml\n'))!;
    // The config in effect, which turned a rule off, is named with the plan.
    expect(b).toMatch(/\nSelf-monitoring plan · SHA-256 `[0-9a-f]{64}` · config b\/laatuvahti\.config\.yaml\n/);
    expect(sections.find((s) => s.startsWith('a/plan.yaml\n'))).toMatch(/\nSelf-monitoring plan · SHA-256 `[0-9a-f]{64}` · config a\/laatuvahti\.config\.yaml\n/);
    const d = sections.find((s) => s.startsWith('d/plan.yaml\n'))!;
    expect(d).not.toContain(' · config ');
    expect(d).toMatch(/\| \[`social-activity-regular`\]\([^)]+\) Social activity takes place regularly \| [^|]+ \(R39\) \| ✅ met \|/);
    expect(b).toMatch(/\| \[`social-activity-regular`\]\([^)]+\) Social activity takes place regularly \| [^|]+ \| ☑️ suppressed \(1\) \|/);
    expect(b).toMatch(/\| \[`staffing-described`\]\([^)]+\) [^|]+ \| [^|]+ \| ➖ off in the config \|/);
    expect(b).toContain('| 10:14 | [`social-activity-regular`](');
    expect(b).toContain(') | Kesätauko sovittu asukkaiden kanssa |');
    const a = sections.find((s) => s.startsWith('a/plan.yaml\n'))!;
    expect(a).toMatch(/\| 9:14 \| error \| [^|]+ \| \[`social-activity-regular`\]/);
    expect(a).toMatch(/\| \[`social-activity-regular`\]\([^)]+\) [^|]+ \| [^|]+ \(R39\) \| ❌ not met \(1\) \|/);
    expect(sections.find((s) => s.startsWith('c/broken.yaml\n'))).toContain('No rule could be evaluated: the findings above must be fixed first.');
  });

  it('gitlab writes a Code Quality issue per finding core reports, with unique fingerprints', async () => {
    const dir = folder({ 'plans/a.yaml': PLAN, 'plans/b.yaml': PLAN.replace('Retket', 'Kesäretket'), 'plans/laatuvahti.config.yaml': MONTHLY });
    const r = run(['check', 'plans', '--format', 'gitlab', '--today', TODAY], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { check_name: string; severity: string; fingerprint: string; description: string; location: { path: string; lines: { begin: number } } }[];
    const expected = await check(PLAN, { today: TODAY, config: MONTHLY_CONFIG });
    const forA = report.filter((i) => i.location.path === 'plans/a.yaml');
    expect(forA.map((i) => [i.check_name, i.location.lines.begin, i.description])).toEqual(expected.map((d) => [d.ruleId, d.range.start.line + 1, d.message]));
    expect(forA.find((i) => i.check_name === 'social-activity-regular')).toMatchObject({ severity: 'major', location: { lines: { begin: 9 } } });
    expect(new Set(report.map((i) => i.fingerprint)).size).toBe(report.length);
  });

  it('github prints one annotation line per finding, escaped', async () => {
    const text = PLAN.replace('Retket', '100% Retket');
    const dir = folder({ 'x,y:z.yaml': text });
    writeFileSync(join(dir, 'laatuvahti.config.yaml'), await isolating(text, { 'social-activity-regular': monthly('error'), 'schema-unknown-key': 'warning' }));
    writeFileSync(join(dir, 'x,y:z.yaml'), `${text}    - name: Muistelu\n      every: week\n      colour: blue\n`);
    const r = run(['check', '--format', 'github', '--today', TODAY], dir);
    expect(r.code).toBe(1);
    const message = await messageOf(text, 'social-activity-regular');
    expect(message).toContain('"100% Retket"');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([
      `::error file=x%2Cy%3Az.yaml,line=9,col=14,endLine=9,endColumn=22,title=social-activity-regular::${message.replace('%', '%25')}`,
      '::warning file=x%2Cy%3Az.yaml,line=12,col=7,endLine=12,endColumn=13,title=schema-unknown-key::Unknown key "colour".',
    ]);
  });

  it('stylish groups per file, ends with a summary, colours only on request', async () => {
    const dir = folder({ 'plan.yaml': PLAN, 'ci.yml': 'on: push\n', 'laatuvahti.config.yaml': MONTHLY });
    const r = run(['check', '--today', TODAY], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('plan.yaml');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^ {2}9:14 +error +${escapeRe(await messageOf(PLAN, 'social-activity-regular'))} {2}social-activity-regular$`)));
    expect(lines.at(-2)).toMatch(/^✖ \d+ problems \(\d+ errors, \d+ warnings?\) in 1 of 1 plan file · 1 non-plan YAML file skipped$/);
    expect(r.stdout).not.toContain('\u001b[');
    expect(run(['check', '--today', TODAY, '--color'], dir).stdout).toContain('\u001b[31merror  \u001b[39m');
    const fi = await messageOf(PLAN, 'social-activity-regular', 'fi');
    expect(run(['check', '--today', TODAY, '--locale', 'fi'], dir).stdout).toMatch(new RegExp(`^ {2}9:14 +virhe +${escapeRe(fi)} {2}social-activity-regular$`, 'm'));
  });

  it('a reader that stops early (| head) neither breaks the run nor changes its exit code', () => {
    const dir = folder({ 'plan.yaml': PLAN });
    // `exec 0<&-; sleep`: the reader closes the pipe at once, so every write meets EPIPE.
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" check --today ${TODAY} --format json . | (exec 0<&-; sleep 0.2); echo "exit \${PIPESTATUS[0]}" >&2`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('exit 1\n');
  });
});

describe('baseline (--baseline, --update-baseline)', () => {
  it('records the findings of today, lets them pass wherever their lines move, and fails on new ones', async () => {
    const config = await isolating(PLAN, { 'social-activity-regular': monthly('error') });
    const dir = folder({ 'plans/plan.yaml': PLAN, 'laatuvahti.config.yaml': config });
    const args = ['check', 'plans', '--today', TODAY, '--baseline', 'baseline.json'];

    expect(run(args, dir)).toMatchObject({ code: 2, stdout: '', stderr: 'laatuvahti: Baseline file baseline.json not found (write one with --update-baseline).\n' });

    const first = (await check(PLAN, { today: TODAY, config: MONTHLY_CONFIG })).find((d) => d.ruleId === 'social-activity-regular')!;
    const written = run([...args, '--update-baseline'], dir);
    expect(written).toMatchObject({ code: 0, stderr: 'laatuvahti: wrote baseline.json: 1 finding in 1 plan file.\n', stdout: '✔ 1 plan file checked, no problems · 1 finding in the baseline\n' });
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'))).toEqual({
      laatuvahtiBaseline: 1,
      findings: { 'plans/plan.yaml': { 'social-activity-regular': { [formatPath(first.path)]: 1 } } },
    });
    // Unchanged findings rewrite the same bytes, so the file only changes when findings do.
    const bytes = readFileSync(join(dir, 'baseline.json'), 'utf8');
    run([...args, '--update-baseline'], dir);
    expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe(bytes);

    // A comment line above moves the recorded finding down; a second rare activity is new.
    const edited = PLAN.replace('language: en\n', 'language: en\n# muutettu\n') + '    - name: Kerho\n      every: 4 months\n';
    writeFileSync(join(dir, 'plans/plan.yaml'), edited);
    const fresh = (await check(edited, { today: TODAY, config: MONTHLY_CONFIG })).filter((d) => d.ruleId === 'social-activity-regular');
    expect(fresh.map((d) => d.range.start.line)).toEqual([9, 11]);
    const gate = run([...args, '--format', 'json'], dir);
    expect(gate.code).toBe(1);
    const report = JSON.parse(gate.stdout) as { baseline: string; files: { diagnostics: Diagnostic[]; baselined: Diagnostic[] }[]; summary: Record<string, number> };
    expect(report.baseline).toBe('baseline.json');
    expect(report.files[0]!.diagnostics.map((d) => [d.ruleId, d.range])).toEqual([['social-activity-regular', fresh[1]!.range]]);
    expect(report.files[0]!.baselined.map((d) => [d.ruleId, d.range])).toEqual([['social-activity-regular', fresh[0]!.range]]);
    expect(report.summary).toMatchObject({ errors: 1, baselined: 1 });
    expect(run(args, dir).stdout).toContain(' · 1 finding in the baseline');
    expect(run([...args, '--locale', 'fi'], dir).stdout).toContain(' · 1 havainto lähtötasossa');

    const sarif = JSON.parse(run([...args, '--format', 'sarif'], dir).stdout);
    expect(sarifValidator()(sarif), JSON.stringify(sarifValidator().errors?.slice(0, 3))).toBe(true);
    const results = sarif.runs[0].results as { ruleId: string; baselineState: string; suppressions?: unknown[]; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
    expect(results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.region.startLine, x.baselineState, x.suppressions])).toEqual([
      ['social-activity-regular', 12, 'new', undefined],
      ['social-activity-regular', 10, 'unchanged', [{ kind: 'external', status: 'accepted', justification: 'Recorded in the baseline baseline.json' }]],
    ]);
    const junit = parseXml(run([...args, '--format', 'junit'], dir).stdout);
    expect(junit.attributes).toMatchObject({ tests: '2', failures: '1', skipped: '1' });
    expect(run([...args, '--format', 'github'], dir).stdout).toContain(', 0 suppressed, 1 in the baseline, ');

    // Fixed findings pass and are pointed out; --update-baseline then drops them.
    writeFileSync(join(dir, 'plans/plan.yaml'), PLAN.replace('every: 3 months', 'every: week'));
    expect(run(args, dir)).toMatchObject({ code: 0, stderr: 'laatuvahti: 1 finding recorded in baseline.json no longer occurs; --update-baseline drops it.\n' });
    expect(run([...args, '--update-baseline'], dir)).toMatchObject({ code: 0, stderr: 'laatuvahti: wrote baseline.json: 0 findings in 0 plan files.\n' });
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'))).toEqual({ laatuvahtiBaseline: 1, findings: {} });
  });

  it('never lets a plan that could not be checked pass, and keeps the entries of plans it did not check', async () => {
    const dir = folder({ 'a/plan.yaml': PLAN, 'b/broken.yaml': SYNTAX_ERROR });
    const args = ['--today', TODAY, '--baseline', 'baseline.json'];
    expect(run(['check', 'a', ...args, '--update-baseline'], dir).code).toBe(0);
    const recorded = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).findings;
    expect(Object.keys(recorded)).toEqual(['a/plan.yaml']);
    const r = run(['check', 'b', ...args, '--update-baseline'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('yaml-syntax');
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).findings).toEqual(recorded);
  });

  it('a broken baseline file or a lone --update-baseline is exit 2 with the reason, before anything is checked', () => {
    const dir = folder({ 'plan.yaml': PLAN });
    const args = ['check', '--today', TODAY, '--baseline', 'baseline.json'];
    writeFileSync(join(dir, 'baseline.json'), '{"laatuvahtiBaseline": 1, "findings": {"plan.yaml": {"social-activity-regular": {"": 0}}}}');
    expect(run(args, dir)).toMatchObject({ code: 2, stdout: '', stderr: 'laatuvahti: Baseline file baseline.json findings["plan.yaml"]["social-activity-regular"][""] must be a whole number of findings, 1 or more.\n' });
    writeFileSync(join(dir, 'baseline.json'), '{"findings": {}}');
    expect(run(args, dir).stderr).toBe('laatuvahti: Baseline file baseline.json is not a laatuvahti baseline: it must be a JSON object with "laatuvahtiBaseline": 1.\n');
    writeFileSync(join(dir, 'baseline.json'), '{"laatuvahtiBaseline": 1,');
    expect(run(args, dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^laatuvahti: Baseline file baseline\.json is not valid JSON: /) });
    // A broken file is not overwritten by --update-baseline either: it may hold work.
    expect(run([...args, '--update-baseline'], dir).code).toBe(2);
    expect(readFileSync(join(dir, 'baseline.json'), 'utf8')).toBe('{"laatuvahtiBaseline": 1,');
    expect(run(['check', '--update-baseline'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('"--update-baseline" writes the file given with "--baseline FILE".') });
    // A run that checked no plan (exit 2) writes no baseline.
    const noPlans = folder({ 'ci.yaml': 'on: push\n' });
    expect(run(['check', '--baseline', 'baseline.json', '--update-baseline'], noPlans)).toMatchObject({ code: 2, stderr: expect.stringContaining('No plan file among') });
    expect(existsSync(join(noPlans, 'baseline.json'))).toBe(false);
  });
});

describe('corrections (--fix)', () => {
  const compliant = readFileSync(join(root, 'fixtures', 'compliant', 'self-monitoring-plan.fi.yaml'), 'utf8');
  const misspelt = compliant.replace('housingType: community-housing', 'housingType: comunity-housing').replace('  address:', '  adress:');
  const today = /^updated: (\S+)/m.exec(compliant)![1]!;

  it('corrects misspelt values and keys in the files, reports only what remains, and says what it did', () => {
    const stillBroken = misspelt.replace(/^updated: .*\n/m, '');
    const dir = folder({ 'plans/a.yaml': misspelt, 'plans/b.yaml': stillBroken, 'plans/c.yaml': compliant });
    // The plans say `language: fi`; the findings are asserted in English.
    const r = run(['check', 'plans', '--fix', '--today', today, '--locale', 'en'], dir);
    expect(r.stderr).toBe('laatuvahti: --fix corrected 4 misspellings in 2 plan files: plans/a.yaml, plans/b.yaml.\n');
    expect(readFileSync(join(dir, 'plans/a.yaml'), 'utf8')).toBe(compliant);
    expect(readFileSync(join(dir, 'plans/b.yaml'), 'utf8')).toBe(compliant.replace(/^updated: .*\n/m, ''));
    // b.yaml still lacks its date: that finding needs a person, so it stays. The date is the law's
    // (741/2023 27 §), an error: exit 1. It is shown on `language:`, after which `updated` belongs.
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('plans/b.yaml\n  3:1  error  The document has no date of its last change (updated): add it as YYYY-MM-DD.  document-updated-date\n');
    expect(r.stdout).not.toMatch(/schema-type|schema-unknown-key/);
    // A second run finds nothing to correct.
    expect(run(['check', 'plans', '--fix', '--today', today], dir).stderr).toBe('laatuvahti: --fix: nothing to correct automatically.\n');
  });

  it('corrects a misspelt rule id in a suppression comment first, so the key it keeps is not renamed', () => {
    const text = compliant.replace('  address:', '  # laatuvahti-disable-next-line schema-unknown-kye -- spelt as in the registry\n  adress:');
    const dir = folder({ 'plan.yaml': text });
    const r = run(['check', 'plan.yaml', '--fix', '--today', today], dir);
    expect(r).toMatchObject({ code: 0, stderr: 'laatuvahti: --fix corrected 1 misspelling in 1 plan file: plan.yaml.\n' });
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(text.replace('schema-unknown-kye', 'schema-unknown-key'));
  });

  it('keeps CRLF line ends and a byte order mark, and counts the corrections per file in JSON', () => {
    const crlf = `\uFEFF${misspelt.replace(/\n/g, '\r\n')}`;
    const dir = folder({ 'plan.yaml': crlf });
    const r = run(['check', 'plan.yaml', '--fix', '--today', today, '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(`\uFEFF${compliant.replace(/\n/g, '\r\n')}`);
    const report = JSON.parse(r.stdout) as { files: { path: string; fixed?: number; diagnostics: unknown[] }[] };
    expect(report.files).toEqual([expect.objectContaining({ path: 'plan.yaml', fixed: 2, diagnostics: [] })]);
  });

  it('writes through a link to the file it names and keeps the file\'s permissions', () => {
    const dir = folder({ 'real/plan.yaml': misspelt });
    chmodSync(join(dir, 'real/plan.yaml'), 0o640);
    symlinkSync(join(dir, 'real/plan.yaml'), join(dir, 'linked.yaml'));
    expect(run(['check', 'linked.yaml', '--fix', '--today', today], dir).code).toBe(0);
    expect(lstatSync(join(dir, 'linked.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real/plan.yaml'), 'utf8')).toBe(compliant);
    expect(statSync(join(dir, 'real/plan.yaml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, 'real'))).toEqual(['plan.yaml']);
  });

  it('corrects files on worker threads as well', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`many/plan-${String(i).padStart(2, '0')}.yaml`] = misspelt;
    const dir = folder(files);
    const r = run(['check', 'many', '--fix', '--today', today], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^laatuvahti: --fix corrected 120 misspellings in 60 plan files: /);
    for (const name of Object.keys(files)) expect(readFileSync(join(dir, name), 'utf8')).toBe(compliant);
  });

  it('leaves a file that is not valid UTF-8 as it is', () => {
    const dir = folder();
    const bytes = Buffer.concat([Buffer.from(misspelt, 'utf8'), Buffer.from([0x23, 0x20, 0xff, 0x0a])]);
    writeFileSync(join(dir, 'plan.yaml'), bytes);
    const r = run(['check', 'plan.yaml', '--fix', '--today', today], dir);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'plan.yaml')).equals(bytes)).toBe(true);
    expect(r.stderr).toBe('laatuvahti: --fix: nothing to correct automatically.\n');
  });

  it('refuses a plan on stdin, which has no file to correct', () => {
    const r = run(['check', '-', '--fix'], folder(), {}, misspelt);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"--fix" corrects files; a plan read from stdin ("-") has none to write to.');
  });
});

describe('privacy', () => {
  const text = PLAN.replace('Retket', `Retket ${ID}`).replace(
    '      every: 3 months\n',
    `      # laatuvahti-disable-next-line social-activity-regular -- agreed with the relative of ${ID} (until 2027-01-01)\n      every: 3 months\n`,
  );

  it.each(['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab', 'markdown', 'html'])('%s never shows a personal identity code in full', (format) => {
    const dir = folder({ [`plans/${ID}.yaml`]: text, 'laatuvahti.config.yaml': MONTHLY });
    const r = run(['check', 'plans', '--format', format, '--today', TODAY], dir);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain(ID);
    expect(r.stdout).toContain(MASKED);
    const toFile = run(['check', 'plans', '--format', format, '--today', TODAY, '--output', 'out/report'], dir);
    const written = readFileSync(join(dir, 'out', 'report'), 'utf8');
    expect(toFile.stdout + toFile.stderr + written).not.toContain(ID);
    expect(written).toContain(MASKED);
    // GitHub annotations and GitLab issues are findings only; the others list suppressions too.
    if (format !== 'github' && format !== 'gitlab') expect(written).toContain(`agreed with the relative of ${MASKED}`);
  });

  it('masks codes in error messages on stderr too', () => {
    const dir = folder({ 'plan.yaml': PLAN });
    const r = run(['check', `missing-${ID}.yaml`], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`laatuvahti: No such file or folder: missing-${MASKED}.yaml\n`);
  });
});

describe('rules, explain, init', () => {
  it('rules lists every rule with default severity, basis, kinds and source', () => {
    const r = run(['rules'], folder());
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RULE +SEVERITY +BASIS +KINDS +SOURCE$/);
    expect(lines).toContainEqual(expect.stringMatching(/^social-activity-regular +error +national guidance +SelfMonitoringPlan +Valvira guidance "Palvelujen tuottaminen yhteisöllisessä asumisessa" \(Producing services in community housing\), section on activity promoting social interaction, paragraph 2 \(R39\)$/));
    // A rule resting on one document's practice is off in the default set.
    expect(lines).toContainEqual(expect.stringMatching(/^documentation-systems-named +off +practice of a single document +SelfMonitoringPlan, ServiceDescription +Savoset's service description of its peer-support groups \(Mikkeli\), section Documentation \(practice\) \(R57\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^schema-unknown-key +warning +- +\* +built-in$/));
    const fi = run(['rules', '--locale', 'fi'], folder({ 'laatuvahti.config.yaml': 'rules:\n  social-activity-regular: warning\n' }));
    expect(fi.stdout).toMatch(/^social-activity-regular +error \(asetus: warning\) +valtakunnallinen ohje +SelfMonitoringPlan +Valvira, ohje "Palvelujen tuottaminen yhteisöllisessä asumisessa", kohta "Sosiaalista kanssakäymistä edistävä toiminta", 2\. kappale \(R39\)$/m);
  });

  it('explain shows the README with title and source in the locale; an unknown id is exit 2 with a suggestion', () => {
    const r = run(['explain', 'social-activity-regular', '--locale', 'fi'], folder());
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      '# social-activity-regular: Sosiaalista kanssakäymistä edistävä toiminta on säännöllistä',
      '',
      'Vakavuus: error · Peruste: valtakunnallinen ohje · Koskee: SelfMonitoringPlan · Sovelletaan alkaen: 2023-01-01',
      'Lähde: Valvira, ohje "Palvelujen tuottaminen yhteisöllisessä asumisessa", kohta "Sosiaalista kanssakäymistä edistävä toiminta", 2. kappale (R39) https://valvira.fi/sosiaali-ja-terveydenhuolto/palvelujen-tuottaminen-yhteisollisessa-asumisessa',
    ]);
    // The README in the reader's language: the Finnish explanation, not the English one.
    const docs = localizedRuleDocs(readFileSync(join(root, 'rules', 'social-activity-regular', 'README.md'), 'utf8'), 'fi');
    expect(docs.startsWith('# social-activity-regular\n\n')).toBe(true);
    // Under the heading above, without the README's own `# social-activity-regular` title.
    expect(r.stdout).toContain(`\n---\n\n${docs.slice('# social-activity-regular\n\n'.length).trimEnd()}\n`);
    expect(r.stdout).not.toMatch(/^# social-activity-regular$/m);
    expect(r.stdout).toContain('## Mitä sääntö tarkistaa');
    expect(r.stdout).toContain('## Asetukset\n\n| asetus | oletus | merkitys |');
    expect(r.stdout).toContain('## Esimerkit\n\n```yaml invalid');
    for (const english of ['## What it checks', '## Options', '## Examples', '**Severity:**']) expect(r.stdout).not.toContain(english);
    const unknown = run(['explain', 'social-activity-regulr'], folder());
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('laatuvahti: Unknown rule "social-activity-regulr". Did you mean "social-activity-regular"? Run "laatuvahti rules" for the list.\n');
    expect(run(['explain', 'yaml-syntax'], folder()).stdout).toContain('# yaml-syntax: YAML syntax error');
    // A practice rule says it is off unless the strict set is chosen.
    expect(run(['explain', 'documentation-systems-named'], folder()).stdout.split('\n')[2]).toBe(
      'Severity: info (off by default; on in laatuvahti:strict) · Basis: practice of a single document · Applies to: SelfMonitoringPlan, ServiceDescription · Applies from: 2024-01-01',
    );
  });

  it.each([
    ['SelfMonitoringPlan', 'fi'],
    ['ServiceDescription', 'sv'],
    ['ServiceDescription', 'en'],
  ])('init %s in %s writes a skeleton that passes the schema and never overwrites', (kind, language) => {
    const dir = folder();
    const r = run(['init', '--kind', kind, '--language', language, '--today', TODAY, 'new.yaml'], dir);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const written = readFileSync(join(dir, 'new.yaml'), 'utf8');
    expect(parse(written)).toMatchObject({ apiVersion: 'laatuvahti/v1', kind, language, updated: TODAY });
    const checked = json(run(['check', 'new.yaml', '--format', 'json', '--today', TODAY], dir));
    expect(checked.files[0]!.kind).toBe(kind);
    expect(checked.files[0]!.diagnostics.filter((d) => d.ruleId.startsWith('schema-') || d.ruleId === 'yaml-syntax')).toEqual([]);
    const again = run(['init', '--kind', kind, 'new.yaml'], dir);
    expect(again).toMatchObject({ code: 2, stderr: 'laatuvahti: new.yaml already exists; init never overwrites a file.\n' });
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toBe(written);
  });

  it('init writes a default file name, or to stdout with -', () => {
    const dir = folder();
    expect(run(['init'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'omavalvontasuunnitelma.yaml'))).toBe(true);
    const out = run(['init', '-', '--language', 'en', '--today', TODAY], dir);
    expect(out.stdout).toMatch(/^# Self-monitoring plan \(laatuvahti\/v1\)/);
    expect(readdirSync(dir)).toEqual(['omavalvontasuunnitelma.yaml']);
  });

  it('test-rules runs a rule folder\'s cases: passes, shows a changed snapshot line by line, --update writes it', () => {
    const dir = folder();
    cpSync(join(root, 'rules', 'social-activity-regular'), join(dir, 'house-rules', 'social-activity-regular'), { recursive: true });
    const snap = join(dir, 'house-rules', 'social-activity-regular', 'invalid', 'missing-interval.snap');
    const good = readFileSync(snap, 'utf8');
    const pass = run(['test-rules', 'house-rules'], dir);
    expect(pass).toMatchObject({ code: 0, stderr: '' });
    // 5 case files (1 invalid, 4 valid) and the README's 3 examples.
    expect(pass.stdout).toBe('✔ social-activity-regular (house-rules/social-activity-regular): 8 cases\n\n✔ 1 rule, 8 cases: all passed.\n');

    writeFileSync(snap, good.replace('"Kuorolaulu"', '"Kuoro"'));
    const fail = run(['test-rules', 'house-rules'], dir);
    expect(fail.code).toBe(1);
    const line = good.split('\n').find((l) => l.includes('"Kuorolaulu"'))!;
    expect(fail.stdout.split('\n').slice(0, 4)).toEqual([
      '✖ social-activity-regular (house-rules/social-activity-regular): 8 cases',
      '  ✖ invalid/missing-interval.yaml: the findings differ from the snapshot',
      `      - ${line.replace('"Kuorolaulu"', '"Kuoro"')}`,
      `      + ${line}`,
    ]);
    expect(fail.stdout).toContain('✖ 1 rule, 8 cases: 1 problem.');

    const update = run(['test-rules', 'house-rules', '--update'], dir);
    expect(update.code).toBe(0);
    expect(update.stdout).toContain('  ✎ invalid/missing-interval.yaml: snapshot written (2 findings)');
    expect(readFileSync(snap, 'utf8')).toBe(good);
  });

  it('test-rules fails a wrong README example and a valid case that fires; a broken rule file is exit 2 at its line', () => {
    const dir = folder();
    const ruleDir = join(dir, 'house-rules', 'social-activity-regular');
    cpSync(join(root, 'rules', 'social-activity-regular'), ruleDir, { recursive: true });
    cpSync(join(ruleDir, 'invalid', 'missing-interval.yaml'), join(ruleDir, 'valid', 'not-really.yaml'));
    const readme = join(ruleDir, 'README.md');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace('```yaml invalid', '```yaml valid'));
    const r = run(['test-rules', 'house-rules'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  ✖ valid/not-really.yaml: a valid case, but social-activity-regular reports it\n      12:7-13:52 error social-activity-regular missingEvery The activity "Muistelupiiri" ');
    expect(r.stdout).toContain('\n      15:14-15:16 error social-activity-regular missingEvery The activity "Kuorolaulu" ');
    expect(r.stdout).toMatch(/\n  ✖ README\.md example 1 \(valid\): marked valid, but social-activity-regular reports it\n      \d+:\d+-\d+:\d+ error social-activity-regular /);
    expect(r.stdout).toContain('✖ 1 rule, 9 cases: 2 problems.');

    writeFileSync(join(ruleDir, 'rule.yaml'), readFileSync(join(ruleDir, 'rule.yaml'), 'utf8').replace(/^severity: error$/m, 'severity: fatal'));
    const broken = run(['test-rules', 'house-rules'], dir);
    expect(broken).toMatchObject({ code: 2, stdout: '' });
    const severityLine = readFileSync(join(ruleDir, 'rule.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('severity:')) + 1;
    expect(broken.stderr).toMatch(new RegExp(`^house-rules/social-activity-regular/rule\\.yaml:${severityLine}:11: error .*\\(rule-load\\)\\n`));
    expect(broken.stderr).toContain('no case was run');

    expect(run(['test-rules', '.'], folder())).toMatchObject({ code: 2, stderr: 'laatuvahti: No rule folder (<rule-id>/rule.yaml) in .: nothing was tested.\n' });

    // A pattern that can backtrack exponentially is refused at load, by the analysers the bundle
    // keeps beside it (dist/regex-analysers.cjs) and requires only for rule files from disk.
    const rx = folder();
    const rxRule = join(rx, 'house-rules', 'business-id-invalid');
    cpSync(join(root, 'rules', 'business-id-invalid'), rxRule, { recursive: true });
    expect(run(['test-rules', 'house-rules'], rx)).toMatchObject({ code: 0 });
    const ruleText = readFileSync(join(rxRule, 'rule.yaml'), 'utf8');
    writeFileSync(join(rxRule, 'rule.yaml'), ruleText.replace("operator: matches, value: '^\\d{6}-\\d$'", () => "operator: matches, value: '^(\\d+)+-\\d$'"));
    const line = ruleText.split('\n').findIndex((l) => l.includes("value: '^\\d{6}-\\d$'")) + 1;
    expect(run(['test-rules', 'house-rules'], rx)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `house-rules/business-id-invalid/rule.yaml:${line}:69: error Invalid file: checks[0].when.all[0].value: rule "business-id-invalid": the pattern "^(\\d+)+-\\d$" can take exponential time (\\d+ is repeated by (\\d+)+ and can match the same characters in more than one way; try a text of many "0") (rule-load)\nlaatuvahti: fix the rule files above; no case was run.\n`,
    });

    // A snapshot that cannot be read or written is said so, never an internal error.
    const other = folder();
    const otherRule = join(other, 'house-rules', 'social-activity-regular');
    cpSync(join(root, 'rules', 'social-activity-regular'), otherRule, { recursive: true });
    const snap = join(otherRule, 'invalid', 'missing-interval.snap');
    rmSync(snap);
    mkdirSync(snap);
    mkdirSync(join(otherRule, 'valid', 'a-folder.yaml'));
    const unreadable = run(['test-rules', 'house-rules'], other);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stdout).toContain('  ✖ invalid/missing-interval.yaml: the snapshot cannot be read: illegal operation on a directory (EISDIR)');
    expect(unreadable.stdout).toContain('  ✖ valid/a-folder.yaml: the case cannot be read: illegal operation on a directory (EISDIR)');
    expect(run(['test-rules', 'house-rules', '--update'], other)).toMatchObject({ code: 2, stderr: 'laatuvahti: Cannot write house-rules/social-activity-regular/invalid/missing-interval.snap: illegal operation on a directory (EISDIR)\n' });
    expect(run(['test-rules'], folder()).code).toBe(2);
  });

  it('check - reads one plan from stdin: reported as --stdin-filename, with the config found for that path', async () => {
    // The config of plans/ sets the locale and the monthly limit: a plan on stdin without
    // --stdin-filename is checked with neither.
    const dir = folder({ 'plans/laatuvahti.config.yaml': `locale: fi\n${MONTHLY}` });
    const expected = await check(PLAN, { today: TODAY });
    const withPlansConfig = await check(PLAN, { today: TODAY, config: { locale: 'fi', ...MONTHLY_CONFIG } });
    const plain = run(['check', '-', '--today', TODAY, '--format', 'json'], dir, {}, PLAN);
    expect(plain.code).toBe(1);
    const [file] = json(plain).files;
    expect(file!.path).toBe('<stdin>');
    expect(file!.diagnostics.map((d) => [d.ruleId, d.range])).toEqual(expected.map((d) => [d.ruleId, d.range]));

    // As the staged version of plans/plan.yaml: that file's name in the report, its folder's config.
    const named = run(['check', '-', '--stdin-filename', 'plans/plan.yaml', '--today', TODAY, '--format', 'github'], dir, {}, PLAN);
    expect(named.code).toBe(1);
    const line = named.stdout.split('\n').find((l) => l.includes('title=social-activity-regular'))!;
    expect(expected.map((d) => d.ruleId)).not.toContain('social-activity-regular');
    const rare = withPlansConfig.find((d) => d.ruleId === 'social-activity-regular')!;
    expect(line).toBe(
      `::error file=plans/plan.yaml,line=${rare.range.start.line + 1},col=${rare.range.start.character + 1},endLine=${rare.range.end.line + 1},endColumn=${rare.range.end.character + 1},title=social-activity-regular::${await messageOf(PLAN, 'social-activity-regular', 'fi')}`,
    );

    // Not a plan, nothing at all, a personal identity code: never a silent pass, never the code.
    expect(run(['check', '-'], dir, {}, 'a: 1\n')).toMatchObject({ code: 2, stdout: '', stderr: 'laatuvahti: The text on stdin is not a plan (a plan starts with "apiVersion: laatuvahti/v1"): nothing was checked.\n' });
    expect(run(['check', '-'], dir, {}, '').code).toBe(2);
    const withId = run(['check', '-', '--stdin-filename', `${ID}.yaml`, '--today', TODAY], dir, {}, `${PLAN}# asiakas ${ID}\n`);
    expect(withId.code).toBe(1);
    expect(withId.stdout + withId.stderr).not.toContain(ID);
    expect(withId.stdout).toContain(MASKED);
    expect(run(['check', '-', 'plans'], dir, {}, PLAN)).toMatchObject({ code: 2, stderr: expect.stringContaining('"-" (a plan read from stdin) cannot be combined with other paths.') });
  });

  it('--help and --version', () => {
    expect(run(['--help'], folder())).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: laatuvahti <command> [options]') });
    const version = JSON.parse(readFileSync(join(root, 'packages', 'cli', 'package.json'), 'utf8')).version;
    expect(run(['--version'], folder())).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe('installation', () => {
  /** A copy of the built command (bin and dist) that a test may damage. */
  function installedCopy(): string {
    const dir = folder();
    for (const sub of ['bin', 'dist']) cpSync(join(root, 'packages', 'cli', sub), join(dir, sub), { recursive: true });
    return dir;
  }

  it('the rule pack is data beside the bundle: definitions read at start, READMEs only when asked for', () => {
    const dist = join(root, 'packages', 'cli', 'dist');
    const pack = JSON.parse(readFileSync(join(dist, 'rule-pack.json'), 'utf8')) as { rules: { definition: { id: string } }[] };
    const docs = JSON.parse(readFileSync(join(dist, 'rule-docs.json'), 'utf8')) as Record<string, string>;
    const ruleIds = readdirSync(join(root, 'rules'), { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(root, 'rules', e.name, 'rule.yaml'))).map((e) => e.name).sort();
    expect(pack.rules.map((r) => r.definition.id).sort()).toEqual(ruleIds);
    expect(pack.rules.every((r) => !('readme' in r))).toBe(true);
    expect(docs['social-activity-regular']).toBe(readFileSync(join(root, 'rules', 'social-activity-regular', 'README.md'), 'utf8'));
    expect(readFileSync(BUNDLE, 'utf8')).not.toContain('Mitä sääntö tarkistaa');

    // Damaged READMEs do not stop a check, which never reads them; `explain` says what is wrong.
    const copy = installedCopy();
    writeFileSync(join(copy, 'dist', 'rule-docs.json'), '{"plan-published": ');
    const plans = folder({ 'plan.yaml': PLAN, 'laatuvahti.config.yaml': MONTHLY });
    const checked = spawnSync(process.execPath, [join(copy, 'bin', 'laatuvahti.cjs'), 'check', 'plan.yaml', '--today', TODAY, '--format', 'json'], { cwd: plans, encoding: 'utf8' });
    expect(checked.status).toBe(1);
    expect(json({ code: checked.status, stdout: checked.stdout, stderr: checked.stderr }).files[0]!.diagnostics.map((d) => d.ruleId)).toContain('social-activity-regular');
    const explained = spawnSync(process.execPath, [join(copy, 'bin', 'laatuvahti.cjs'), 'explain', 'plan-published'], { cwd: plans, encoding: 'utf8' });
    expect(explained.status).toBe(2);
    expect(explained.stderr).toMatch(/^laatuvahti: The rule pack file .*rule-docs\.json cannot be read \(.+\)\. Reinstall or rebuild laatuvahti\.\n$/);
  });

  it('a missing rule pack file is exit 2 with a plain message, never a stack trace or a silent pass', () => {
    const copy = installedCopy();
    rmSync(join(copy, 'dist', 'rule-pack.json'));
    const r = spawnSync(process.execPath, [join(copy, 'bin', 'laatuvahti.cjs'), 'check', 'plan.yaml', '--today', TODAY], { cwd: folder({ 'plan.yaml': PLAN }), encoding: 'utf8' });
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe(`laatuvahti: The rule pack file ${join(copy, 'dist', 'rule-pack.json')} cannot be read (ENOENT). Reinstall or rebuild laatuvahti.\n`);

    // Help and the version need no rule pack: they are printed without loading core.
    const version = spawnSync(process.execPath, [join(copy, 'bin', 'laatuvahti.cjs'), '--version'], { encoding: 'utf8' });
    expect(version).toMatchObject({ status: 0, stdout: `${JSON.parse(readFileSync(join(root, 'packages', 'cli', 'package.json'), 'utf8')).version}\n`, stderr: '' });
    const help = spawnSync(process.execPath, [join(copy, 'bin', 'laatuvahti.cjs'), 'check', '--help'], { encoding: 'utf8' });
    expect(help).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: laatuvahti check [paths...]'), stderr: '' });
  });
});

describe('files that cannot be checked as they are (hardening)', () => {
  /**
   * `run` with a deadline and bytes on stdin: a run that hangs ends with code null instead of
   * holding the suite. Words in English (the plans say `language: fi`).
   */
  function runBounded(args: string[], cwd: string, input: Buffer | string = ''): Run {
    const r = spawnSync(process.execPath, [BIN, ...args, ...(args[0] === 'check' ? ['--locale', 'en'] : [])], { cwd, input, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
  const utf16 = (text: string, order: 'le' | 'be') => {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    return order === 'le' ? le : Buffer.from(le).swap16();
  };

  it('refuses a FIFO named on the command line with exit 2 at once, and skips one in a folder with a notice', async () => {
    const dir = folder({ 'plans/plan.yaml': PLAN, 'laatuvahti.config.yaml': await isolating(PLAN, {}) });
    mkfifo(join(dir, 'pipe.yaml'));
    mkfifo(join(dir, 'plans', 'waiting.yaml'));
    expect(runBounded(['check', 'pipe.yaml', '--today', TODAY], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'laatuvahti: Cannot check pipe.yaml: not a regular file but a FIFO (named pipe); only plan files and folders can be checked.\n',
    });
    // A link to it is judged by what it points to.
    symlinkSync(join(dir, 'pipe.yaml'), join(dir, 'link.yaml'));
    expect(runBounded(['check', 'link.yaml', '--today', TODAY], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('Cannot check link.yaml: not a regular file but a FIFO') });
    // In a folder: the plans are checked, the FIFO is named on stderr and does not fail the gate.
    expect(runBounded(['check', 'plans', '--today', TODAY], dir)).toEqual({
      code: 0,
      stdout: '✔ 1 plan file checked, no problems\n',
      stderr: 'laatuvahti: Skipped plans/waiting.yaml: not a regular file but a FIFO (named pipe); only plan files and folders can be checked.\n',
    });
    expect(runBounded(['check', 'plans/*.yaml', '--today', TODAY], dir)).toMatchObject({ code: 0, stderr: expect.stringContaining('Skipped plans/waiting.yaml') });
  });

  it('a named file that is not a plan fails the gate with its finding: empty, comments only, a list, other YAML', async () => {
    const dir = folder({ 'plan.yaml': PLAN, 'empty.yaml': '', 'comments.yaml': '# nothing yet\n# still nothing\n', 'list.yaml': '- a\n- b\n', 'notes.yaml': 'notes: 1\n', 'laatuvahti.config.yaml': await isolating(PLAN, {}) });
    const r = runBounded(['check', 'plan.yaml', 'empty.yaml', 'comments.yaml', 'list.yaml', 'notes.yaml', '--today', TODAY, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = json(r);
    expect(report.skipped).toEqual([]);
    expect(report.files.map((f) => [f.path, f.kind, f.diagnostics.map((d) => [d.ruleId, d.messageId, d.range])])).toEqual([
      ['comments.yaml', undefined, [['schema-type', 'emptyDocument', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]]],
      ['empty.yaml', undefined, [['schema-type', 'emptyDocument', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]]],
      ['list.yaml', undefined, [['schema-type', 'notMapping', { start: { line: 0, character: 0 }, end: { line: 1, character: 3 } }]]],
      [
        'notes.yaml',
        undefined,
        [
          ['schema-type', 'missingApiVersion', { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }],
          ['schema-type', 'missingKind', { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }],
        ],
      ],
      ['plan.yaml', 'SelfMonitoringPlan', []],
    ]);
    expect(runBounded(['check', 'plan.yaml', 'empty.yaml', '--today', TODAY], dir).stdout).toContain('1 plan could not be checked');
    // Found in a folder, the same files are not plans and are skipped, as before.
    expect(runBounded(['check', '.', '--today', TODAY], dir)).toMatchObject({ code: 0, stdout: '✔ 1 plan file checked, no problems · 4 non-plan YAML files skipped\n' });
  });

  it('a named file that is not text is exit 2 with the reason; in a folder it is skipped unless it holds a plan', async () => {
    const dir = folder({ 'plan.yaml': PLAN, 'laatuvahti.config.yaml': await isolating(PLAN, {}) });
    writeFileSync(join(dir, 'image.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const reason = 'it is not a text file (it holds NUL bytes); a plan is UTF-8 text, or UTF-16 with a byte order mark';
    expect(runBounded(['check', 'plan.yaml', 'image.yaml', '--today', TODAY], dir)).toEqual({
      code: 2,
      stdout: '✔ 1 plan file checked, no problems\n',
      stderr: `laatuvahti: Cannot read image.yaml: ${reason}\n`,
    });
    const listed = JSON.parse(runBounded(['check', 'plan.yaml', 'image.yaml', '--today', TODAY, '--format', 'json'], dir).stdout) as { unreadable: unknown[] };
    expect(listed.unreadable).toEqual([{ path: 'image.yaml', error: reason }]);
    expect(runBounded(['check', '.', '--today', TODAY], dir)).toMatchObject({ code: 0, stdout: '✔ 1 plan file checked, no problems · 1 non-plan YAML file skipped\n' });
    // UTF-16 without a byte order mark cannot be told from binary: in a folder it fails when it holds a plan.
    writeFileSync(join(dir, 'no-bom.yaml'), Buffer.from(PLAN, 'utf16le'));
    expect(runBounded(['check', '.', '--today', TODAY], dir)).toMatchObject({ code: 2, stderr: `laatuvahti: Cannot read no-bom.yaml: ${reason}\n` });
    expect(runBounded(['check', '-', '--today', TODAY], dir, Buffer.from(PLAN, 'utf16le'))).toMatchObject({ code: 2, stderr: `laatuvahti: Cannot read the plan from stdin: ${reason}\n` });
  });

  it.each(['le', 'be'] as const)('decodes a UTF-16 %s plan with a byte order mark and checks it like any plan; --fix keeps its encoding', async (order) => {
    // Non-ASCII text before the findings: ranges are in characters of the decoded text.
    const text = PLAN.replace('unit: { housingType: community-housing }', 'unit:\n  name: Päiväkeskus Ääri\n  adress: Tie 1\n  housingType: community-housing');
    const expected = await check(text, { today: TODAY, locale: 'en', config: MONTHLY_CONFIG });
    expect(expected.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['schema-unknown-key', 'social-activity-regular']));
    const dir = folder({ 'laatuvahti.config.yaml': MONTHLY });
    writeFileSync(join(dir, 'plan.yaml'), utf16(text, order));
    for (const path of ['plan.yaml', '.']) {
      const r = runBounded(['check', path, '--today', TODAY, '--format', 'json'], dir);
      expect(r.code).toBe(1);
      expect(json(r).files.map((f) => [f.path, f.kind])).toEqual([['plan.yaml', 'SelfMonitoringPlan']]);
      expect(json(r).files[0]!.diagnostics).toEqual(expected);
    }
    expect(json(runBounded(['check', '-', '--today', TODAY, '--format', 'json', '--stdin-filename', 'plan.yaml'], dir, utf16(text, order))).files[0]!.diagnostics).toEqual(expected);
    // The digest of the markdown report is of the bytes as stored.
    const markdown = runBounded(['check', 'plan.yaml', '--today', TODAY, '--format', 'markdown'], dir).stdout;
    expect(markdown).toContain(createHash('sha256').update(utf16(text, order)).digest('hex'));

    expect(runBounded(['check', 'plan.yaml', '--today', TODAY, '--fix'], dir).stderr).toBe('laatuvahti: --fix corrected 1 misspelling in 1 plan file: plan.yaml.\n');
    expect(readFileSync(join(dir, 'plan.yaml'))).toEqual(utf16(text.replace('adress', 'address'), order));
  });
});

describe('identity codes glued to letters, in file names and plans (hardening)', () => {
  // A code glued to letters, as people write them: in a file name and in a plan's text.
  const CODE = '120468-937R';
  const CODE_MASKED = '120468-****';
  const NAME = `asiakas${CODE}.yaml`;
  const text = PLAN.replace('Retket', `Retket Hetu${CODE}`).replace(
    '      every: 3 months\n',
    `      # laatuvahti-disable-next-line social-activity-regular -- sovittu omaisen kanssa, hetu${CODE} (until 2027-01-01)\n      every: 3 months\n    - name: Kerho\n      every: 4 months\n`,
  );

  it.each(['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab', 'markdown', 'html'])('%s shows the file and the plan with the code masked', (format) => {
    const dir = folder({ [`plans/${NAME}`]: text, 'laatuvahti.config.yaml': MONTHLY });
    const r = run(['check', 'plans', '--format', format, '--today', TODAY, '--color'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain(CODE);
    // Named by the file (SARIF encodes its path as a URI); the name is shown, masked.
    expect(r.stdout).toContain(`asiakas${CODE_MASKED}.yaml`);
    run(['check', `plans/${NAME}`, '--format', format, '--today', TODAY, '--output', 'out/report'], dir);
    const written = readFileSync(join(dir, 'out', 'report'), 'utf8');
    expect(written).not.toContain(CODE);
    expect(written).toContain(CODE_MASKED);
    if (format !== 'github' && format !== 'gitlab') expect(written).toContain(`hetu${CODE_MASKED}`);
  });

  it('sarif masks a code before encoding the path, where the encoding would hide it', () => {
    const dir = folder({ [`plans/a ${CODE}.yaml`]: text, [`plans/b+${CODE.replace('-', '+')}.yaml`]: text, 'laatuvahti.config.yaml': MONTHLY });
    const r = run(['check', 'plans', '--format', 'sarif', '--today', TODAY], dir);
    const uris = (JSON.parse(r.stdout).runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]).map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(new Set(uris)).toEqual(new Set([`plans/a%20${CODE_MASKED}.yaml`, `plans/b%2B${CODE_MASKED.replace('-', '%2B')}.yaml`]));
  });

  it('gitlab fingerprints carry no trace of the code, and stay unique', () => {
    const fingerprints = (name: string) => {
      const dir = folder({ [`plans/${name}`]: text, [`plans/other-${name}`]: text, 'laatuvahti.config.yaml': MONTHLY });
      return (JSON.parse(run(['check', 'plans', '--format', 'gitlab', '--today', TODAY], dir).stdout) as { fingerprint: string }[]).map((i) => i.fingerprint);
    };
    const first = fingerprints(NAME);
    expect(new Set(first).size).toBe(first.length);
    // Two plans whose names differ only inside the code: one masked path, fingerprints still apart.
    const twins = folder({ [`plans/${NAME}`]: text, 'plans/asiakas120468-555K.yaml': text, 'laatuvahti.config.yaml': MONTHLY });
    const both = (JSON.parse(run(['check', 'plans', '--format', 'gitlab', '--today', TODAY], twins).stdout) as { fingerprint: string }[]).map((i) => i.fingerprint);
    expect(both.length).toBe(first.length);
    expect(new Set(both).size).toBe(both.length);
    // Another code with the same date part: were the fingerprint a hash of the full name, it would change.
    expect(fingerprints(`asiakas120468-555K.yaml`)).toEqual(first);
  });

  it('a baseline matches the findings of a plan whose name holds a code, recorded masked', async () => {
    const config = await isolating(text, { 'social-activity-regular': monthly('error') });
    const dir = folder({ [`plans/${NAME}`]: text, 'laatuvahti.config.yaml': config });
    const args = ['check', 'plans', '--today', TODAY, '--baseline', 'baseline.json', '--locale', 'en'];
    expect(run([...args, '--update-baseline'], dir)).toMatchObject({ code: 0, stderr: 'laatuvahti: wrote baseline.json: 1 finding in 1 plan file.\n' });
    const recorded = readFileSync(join(dir, 'baseline.json'), 'utf8');
    expect(recorded).not.toContain(CODE);
    expect(Object.keys(JSON.parse(recorded).findings)).toEqual([`plans/asiakas${CODE_MASKED}.yaml`]);
    expect(run(args, dir)).toMatchObject({ code: 0, stdout: expect.stringContaining('✔ 1 plan file checked, no problems · 1 finding suppressed · 1 finding in the baseline\n'), stderr: '' });
    // A new finding in that plan still fails the gate.
    writeFileSync(join(dir, 'plans', NAME), `${text}    - name: Kuoro\n      every: 5 months\n`);
    expect(run(args, dir).code).toBe(1);
    // A baseline written with the name in full (by hand, or before such codes were recognised) matches too.
    writeFileSync(join(dir, 'plans', NAME), text);
    writeFileSync(join(dir, 'baseline.json'), recorded.replace(`asiakas${CODE_MASKED}`, `asiakas${CODE}`));
    expect(run(args, dir)).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('rule folders linked from outside the rules folder (hardening)', () => {
  it('refuses a rule folder that is a link out of the rules folder, with exit 2 naming the link and its target', () => {
    const dir = folder({ 'plan.yaml': PLAN, 'laatuvahti.config.yaml': 'ruleDirs: [./local-rules]\n' });
    const outside = folder();
    cpSync(join(root, 'rules', 'adverse-event-procedure'), join(outside, 'local-adverse-event'), { recursive: true });
    const ruleFile = join(outside, 'local-adverse-event', 'rule.yaml');
    writeFileSync(ruleFile, readFileSync(ruleFile, 'utf8').replace('id: adverse-event-procedure', 'id: local-adverse-event'));
    mkdirSync(join(dir, 'local-rules'));
    symlinkSync(join(outside, 'local-adverse-event'), join(dir, 'local-rules', 'local-adverse-event'));
    const r = run(['check', 'plan.yaml', '--today', TODAY], dir);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain(
      `local-rules/local-adverse-event:1:1: error Invalid file: this is a link to ${join(outside, 'local-adverse-event')}, outside the rules folder ${join(dir, 'local-rules')}, and is not loaded (copy it into the folder, or list the folder it is in under ruleDirs) (rule-load)\n`,
    );
    // The same folder copied in is loaded: its rule reports on the plan.
    rmSync(join(dir, 'local-rules', 'local-adverse-event'));
    cpSync(join(outside, 'local-adverse-event'), join(dir, 'local-rules', 'local-adverse-event'), { recursive: true });
    const copied = run(['check', 'plan.yaml', '--today', TODAY, '--format', 'json'], dir);
    expect(copied.code).toBe(1);
    expect(json(copied).files[0]!.diagnostics.map((d) => d.ruleId)).toContain('local-adverse-event');
    // A link inside the rules folder is followed.
    symlinkSync(join(dir, 'local-rules', 'local-adverse-event', 'README.md'), join(dir, 'local-rules', 'README-link.md'));
    expect(run(['check', 'plan.yaml', '--today', TODAY], dir).code).toBe(1);
  });
});
