/**
 * The built @laatuvahti/core works from CommonJS and ESM with the rule pack inside it, and the
 * README's runnable integrator example runs. Uses the build that `npm ci` made (prepare).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
// social-activity-regular concerns community housing only and has no maximum interval of its
// own: the plan says it is community housing and the checks configure a monthly limit.
const PLAN = 'apiVersion: laatuvahti/v1\\nkind: SelfMonitoringPlan\\nunit:\\n  housingType: community-housing\\nsocialActivity:\\n  activities:\\n    - { name: Retki, every: 3 months }\\n';
const CONFIG = "{ rules: { 'social-activity-regular': { options: { maxInterval: 'month' } } } }";

beforeAll(() => {
  if (!existsSync(join(root, 'packages/core/dist/index.cjs'))) {
    execFileSync('npm', ['run', 'build', '-w', '@laatuvahti/core'], { cwd: root, stdio: 'pipe' });
  }
}, 120_000);

function node(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('@laatuvahti/core as a package', () => {
  it('works from CommonJS', () => {
    const r = node(['-e', `require('@laatuvahti/core').check("${PLAN}", { today: '2026-10-01', config: ${CONFIG} }).then((d) => console.log(d.filter((x) => x.ruleId === 'social-activity-regular').map((x) => x.range.start.line + ':' + x.range.start.character).join(',')))`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('6:28');
  });

  it('works from ESM, with the node entry for rule folders', () => {
    const r = node(['--input-type=module', '-e', `import { check, KINDS } from '@laatuvahti/core'; import { SettingsResolver } from '@laatuvahti/core/node'; const d = await check("${PLAN}", { today: '2026-10-01', locale: 'fi', config: ${CONFIG} }); console.log(KINDS.join(','), typeof SettingsResolver, d.some((x) => x.ruleId === 'social-activity-regular' && x.message.includes('Retki')));`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('SelfMonitoringPlan,ServiceDescription function true');
  });

  it('the node entry shares one copy of core with the main entry, from CommonJS and ESM', () => {
    // One copy: packs the node entry compiles carry the run queue class the main entry checks
    // with, and requiring the node entry loads the main entry rather than a second rule pack.
    const plan = "process.cwd() + '/fixtures/compliant/self-monitoring-plan.fi.yaml'";
    const cjs = node(['-e', `const core = require('@laatuvahti/core'); const { SettingsResolver } = require('@laatuvahti/core/node'); const s = new SettingsResolver({}).forFile(${plan}); console.log(JSON.stringify([s.pack.queue instanceof core.RunQueue, Object.keys(require.cache)]))`]);
    expect(cjs.stderr).toBe('');
    const [sameQueue, loaded] = JSON.parse(cjs.stdout) as [boolean, string[]];
    expect(sameQueue).toBe(true);
    const coreDist = join(root, 'packages', 'core', 'dist');
    expect(loaded.filter((f) => f.startsWith(coreDist)).map((f) => f.slice(coreDist.length + 1)).sort()).toEqual(['index.cjs', 'node.cjs']);
    const esm = node(['--input-type=module', '-e', `import * as core from '@laatuvahti/core'; import { SettingsResolver } from '@laatuvahti/core/node'; console.log(new SettingsResolver({}).forFile(${plan}).pack.queue instanceof core.RunQueue)`]);
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim()).toBe('true');
    expect(statSync(join(root, 'packages/core/dist/node.cjs')).size).toBeLessThan(50_000);
  });

  it('parses with its own yaml build: no per-token debug hook, documents usable with the importer\'s yaml', () => {
    // yaml's Node build prints every token when LOG_TOKENS is set (it reads the variable per
    // token, which is what costs); the build core carries leaves that hook out.
    const r = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import { parseText } from '@laatuvahti/core'; import { isMap, isScalar } from 'yaml'; const p = parseText('a: 1\\nb: [x]\\n'); console.log(isMap(p.doc.contents), isScalar(p.doc.contents.items[0].value), JSON.stringify(p.doc.toJS()), JSON.stringify(p.doc.toString()))`],
      { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_TOKENS: '1' } },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true true {"a":1,"b":["x"]} "a: 1\\nb: [ x ]\\n"');
  });

  it('ships the JSON Schemas', () => {
    const r = node(['-e', `const s = require('@laatuvahti/core/schema/self-monitoring-plan.json'); console.log(s.type, Object.keys(s.properties).includes('socialActivity'), s.additionalProperties)`]);
    expect(r.stdout.trim()).toBe('object true false');
  });

  it('runs the README example on a compliant plan without findings', () => {
    const r = node(['docs/examples/check-plan.mjs', 'fixtures/compliant/self-monitoring-plan.fi.yaml', '2026-09-15']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('0 finding(s)');
  });
});
