/**
 * The built @laatuvahti/core: its public entries export exactly the pinned names (each one a
 * semver promise) with declarations that name no third-party type; it works from CommonJS and
 * ESM with the rule pack inside; the node entry shares one copy of core with the main entry;
 * the rules' documentation links point into the repository the package names. Uses the build
 * that `npm ci` made (prepare).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const dist = join(root, 'packages', 'core', 'dist');
// social-activity-regular concerns community housing only and has no maximum interval of its
// own: the plan says it is community housing and the checks configure a monthly limit.
const PLAN = 'apiVersion: laatuvahti/v1\\nkind: SelfMonitoringPlan\\nlanguage: en\\nunit:\\n  housingType: community-housing\\nsocialActivity:\\n  activities:\\n    - { name: Retki, every: 3 months }\\n';
const CONFIG = "{ rules: { 'social-activity-regular': { options: { maxInterval: 'month' } } } }";

/** The public API, pinned: a name added here is a promise kept for the whole major version. */
const MAIN_EXPORTS = ['ImportError', 'PlanDataError', 'applyFixes', 'check', 'checkData', 'checkDocument', 'complianceReport', 'importPlan', 'listRules', 'ruleDocumentation'];
const NODE_EXPORTS = ['checkFile', 'findConfigFile', 'loadRulePack'];

beforeAll(() => {
  if (!existsSync(join(dist, 'index.cjs')) || !existsSync(join(dist, 'internal.cjs'))) {
    execFileSync('npm', ['run', 'build', '-w', '@laatuvahti/core'], { cwd: root, stdio: 'pipe' });
  }
}, 180_000);

function node(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('@laatuvahti/core as a package', () => {
  it('exports exactly the pinned names, from CommonJS and ESM alike', () => {
    const cjs = node(['-e', "console.log(JSON.stringify([Object.keys(require('@laatuvahti/core')).sort(), Object.keys(require('@laatuvahti/core/node')).sort()]))"]);
    expect(cjs.stderr).toBe('');
    expect(JSON.parse(cjs.stdout)).toEqual([MAIN_EXPORTS, NODE_EXPORTS]);
    const esm = node(['--input-type=module', '-e', "const m = await import('@laatuvahti/core'); const n = await import('@laatuvahti/core/node'); console.log(JSON.stringify([Object.keys(m).sort(), Object.keys(n).sort()]))"]);
    expect(esm.stderr).toBe('');
    expect(JSON.parse(esm.stdout)).toEqual([MAIN_EXPORTS, NODE_EXPORTS]);
  });

  it('declares the same names, and its declarations import nothing from another package', () => {
    for (const [file, names] of [['index', MAIN_EXPORTS], ['node', NODE_EXPORTS]] as const) {
      for (const ext of ['d.ts', 'd.cts']) {
        const text = readFileSync(join(dist, `${file}.${ext}`), 'utf8');
        // The declared values: functions (lower case) and the two error classes, which are a
        // type and a value under one name; the other capitalised names are types.
        const declared = /^export \{([^}]*)\};$/m.exec(text)![1]!.split(',').map((s) => s.trim()).filter((n) => !n.startsWith('type '));
        const values = declared.filter((n) => /^[a-z]/.test(n) || n === 'ImportError' || n === 'PlanDataError');
        expect(values.sort(), `${file}.${ext}`).toEqual([...names]);
        // Only the chunks of core's own public types, which import nothing else.
        for (const m of text.matchAll(/from '([^']+)'/g)) {
          expect(m[1], `${file}.${ext}`).toMatch(/^\.\/[\w-]+\.c?js$/);
          const chunk = readFileSync(join(dist, m[1]!.replace(/\.js$/, '.d.ts').replace(/\.cjs$/, '.d.cts')), 'utf8');
          for (const c of chunk.matchAll(/from '([^']+)'/g)) expect(c[1], m[1]).toMatch(/^\.\/[\w-]+\.c?js$/);
          expect(chunk).not.toMatch(/\b(Engine|Document|YAMLMap|ZodType|RunQueue|RunMemo|CompiledPack)\b/);
        }
        expect(text).not.toMatch(/\b(Engine|Document|YAMLMap|ZodType|RunQueue|RunMemo|CompiledPack)\b/);
      }
    }
  });

  it('works from CommonJS', () => {
    const r = node(['-e', `require('@laatuvahti/core').check("${PLAN}", { today: '2026-10-01', config: ${CONFIG} }).then((d) => console.log(d.filter((x) => x.ruleId === 'social-activity-regular').map((x) => x.range.start.line + ':' + x.range.start.character).join(',')))`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('7:28');
  });

  it('works from ESM, data in and findings out, in the plan\'s language', () => {
    const r = node(['--input-type=module', '-e', `import { checkData } from '@laatuvahti/core'; const r = await checkData({ apiVersion: 'laatuvahti/v1', kind: 'SelfMonitoringPlan', language: 'fi', unit: { housingType: 'community-housing' }, socialActivity: { activities: [{ name: 'Retki', every: '3 months' }] } }, { today: '2026-10-01', config: ${CONFIG} }); const f = r.findings.find((x) => x.ruleId === 'social-activity-regular'); console.log(r.locale, f.dataPath, f.message.includes('Retki'));`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('fi socialActivity.activities[0].every true');
  });

  it('the node entry shares one copy of core with the main entry, from CommonJS and ESM', () => {
    // One copy: a pack the node entry loads is checked by the main entry's `check`, and
    // requiring both loads each file of core once, not a second rule pack.
    const cjs = node(['-e', `const core = require('@laatuvahti/core'); const { loadRulePack } = require('@laatuvahti/core/node'); const { pack } = loadRulePack([]); core.check("${PLAN}", { today: '2026-10-01', pack, config: ${CONFIG} }).then((d) => console.log(JSON.stringify([d.some((x) => x.ruleId === 'social-activity-regular'), Object.keys(require.cache)])))`]);
    expect(cjs.stderr).toBe('');
    const [found, loaded] = JSON.parse(cjs.stdout) as [boolean, string[]];
    expect(found).toBe(true);
    expect(loaded.filter((f) => f.startsWith(dist)).map((f) => f.slice(dist.length + 1)).sort()).toEqual(['index.cjs', 'internal-node.cjs', 'internal.cjs', 'node.cjs']);
    const esm = node(['--input-type=module', '-e', `import { check } from '@laatuvahti/core'; import { loadRulePack } from '@laatuvahti/core/node'; const d = await check("${PLAN}", { today: '2026-10-01', pack: loadRulePack([]).pack, config: ${CONFIG} }); console.log(d.some((x) => x.ruleId === 'social-activity-regular'))`]);
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim()).toBe('true');
    expect(statSync(join(dist, 'node.cjs')).size).toBeLessThan(10_000);
    expect(statSync(join(dist, 'internal-node.cjs')).size).toBeLessThan(80_000);
  });

  it('checks a plan file with its config through the node entry', () => {
    const r = node(['-e', `require('@laatuvahti/core/node').checkFile('fixtures/compliant/self-monitoring-plan.fi.yaml', { today: '2026-09-15' }).then((f) => console.log(f.kind, f.locale, f.diagnostics.length, f.outcomes.some((o) => o.outcome === 'passed')))`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('SelfMonitoringPlan fi 0 true');
    const missing = node(['-e', `require('@laatuvahti/core/node').checkFile('no/such.yaml').catch((e) => console.log(e.message))`]);
    expect(missing.stdout.trim()).toMatch(/^Cannot read no\/such\.yaml: /);
  });

  it('parses with its own yaml build: no per-token debug hook', () => {
    // yaml's Node build prints every token when LOG_TOKENS is set (it reads the variable per
    // token, which is what costs); the build core carries leaves that hook out.
    const r = node(['-e', `require('@laatuvahti/core').check('apiVersion: laatuvahti/v1\\nkind: SelfMonitoringPlan\\n').then((d) => console.log(d.length > 0))`], { LOG_TOKENS: '1' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true');
  });

  it('ships the JSON Schemas', () => {
    const r = node(['-e', `const s = require('@laatuvahti/core/schema/self-monitoring-plan.json'); console.log(s.type, Object.keys(s.properties).includes('socialActivity'), s.additionalProperties)`]);
    expect(r.stdout.trim()).toBe('object true false');
  });

  it('links every rule to the repository its packages name', () => {
    const repository = (p: string) => (JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8')) as { repository: { url: string }; bugs: { url: string }; homepage: string });
    const url = repository('core').repository.url;
    expect(url).toMatch(/^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
    const web = url.replace(/^git\+/, '').replace(/\.git$/, '');
    for (const p of ['core', 'cli', 'lsp']) {
      expect(repository(p).repository.url, p).toBe(url);
      expect(repository(p).bugs.url, p).toBe(`${web}/issues`);
      expect(repository(p).homepage, p).toBe(`${web}/tree/main/packages/${p}#readme`);
    }
    const r = node(['-e', "console.log(JSON.stringify(require('@laatuvahti/core').listRules().map((x) => x.docsUrl)))"]);
    const urls = JSON.parse(r.stdout) as string[];
    expect(urls.length).toBeGreaterThan(50);
    for (const u of urls) expect(u.startsWith(`${web}/blob/main/`), u).toBe(true);
  });

  it('runs the README example on a compliant plan without findings', () => {
    const r = node(['docs/examples/check-plan.mjs', 'fixtures/compliant/self-monitoring-plan.fi.yaml', '2026-09-15']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('0 finding(s)');
  });
});
