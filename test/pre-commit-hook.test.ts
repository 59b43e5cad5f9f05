/**
 * The documented pre-commit hook (docs/examples/pre-commit, `laatuvahti check --staged`) in a
 * real git repository: a commit fails whenever a staged plan has errors or could not be checked,
 * whatever its file name holds (a space, letters outside ASCII), and what is checked is the
 * staged version, not the working tree's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { check } from '@laatuvahti/core';
import { BIN, ROOT, ensureCliBuilt, runCli, tempFolders } from './cli-harness.js';

const { folder, cleanup } = tempFolders('laatuvahti-hook-');
beforeAll(() => ensureCliBuilt(), 120_000);
afterAll(cleanup);

const GOOD = `apiVersion: laatuvahti/v1
kind: SelfMonitoringPlan
language: fi
unit: { housingType: community-housing }
socialActivity:
  activities:
    - name: Retket
      every: week
`;
const BROKEN = 'apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\nunit: [unclosed\n';

/** Git with no user or system config of this machine, and a fixed author. */
const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Laatuvahti Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Laatuvahti Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  NO_COLOR: '1',
};

function git(args: string[], cwd: string): { code: number | null; out: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/**
 * A repository with the hook installed as documented and laatuvahti where `npx --no-install`
 * finds it (node_modules/.bin, ignored by git), and a config that switches off every rule the
 * good plan breaks today, so that it passes on whatever day the test runs.
 */
async function repository(): Promise<string> {
  const rules: Record<string, 'off'> = {};
  for (const d of await check(GOOD)) rules[d.ruleId] = 'off';
  const dir = folder({ '.gitignore': 'node_modules/\n', 'laatuvahti.config.yaml': stringify({ rules }) });
  expect(git(['init', '-q', '.'], dir).code).toBe(0);
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(BIN, join(dir, 'node_modules', '.bin', 'laatuvahti'));
  copyFileSync(join(ROOT, 'docs', 'examples', 'pre-commit'), join(dir, '.git', 'hooks', 'pre-commit'));
  chmodSync(join(dir, '.git', 'hooks', 'pre-commit'), 0o755);
  expect(git(['add', '.gitignore', 'laatuvahti.config.yaml'], dir).code).toBe(0);
  expect(git(['commit', '-q', '-m', 'config'], dir)).toMatchObject({ code: 0 });
  return dir;
}

describe('the pre-commit hook', () => {
  it('stops a commit of a broken plan whose name has a space, and lets a good plan through', async () => {
    const dir = await repository();
    writeFileSync(join(dir, 'a plan.yaml'), BROKEN);
    git(['add', 'a plan.yaml'], dir);
    const refused = git(['commit', '-m', 'broken'], dir);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/a plan\.yaml/);
    expect(refused.out).toMatch(/^  4:1 +error +YAML syntax error: .+yaml-syntax$/m);
    expect(git(['log', '--oneline'], dir).out.trim().split('\n')).toHaveLength(1);

    writeFileSync(join(dir, 'a plan.yaml'), GOOD);
    git(['add', 'a plan.yaml'], dir);
    const accepted = git(['commit', '-m', 'good'], dir);
    expect(accepted).toMatchObject({ code: 0 });
    expect(git(['log', '--oneline'], dir).out.trim().split('\n')).toHaveLength(2);
  });

  it('checks the staged version, not the working tree, also under a name in Finnish', async () => {
    const dir = await repository();
    const name = 'yksiköt/hoivakoti äijälä.yaml';
    mkdirSync(join(dir, 'yksiköt'));
    // Staged broken, fixed in the working tree only: the commit would hold the broken one.
    writeFileSync(join(dir, name), BROKEN);
    git(['add', name], dir);
    writeFileSync(join(dir, name), GOOD);
    const refused = git(['commit', '-m', 'staged broken'], dir);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain(name);

    // Staged good, broken in the working tree only: the commit holds the good one.
    writeFileSync(join(dir, name), GOOD);
    git(['add', name], dir);
    writeFileSync(join(dir, name), BROKEN);
    expect(git(['commit', '-m', 'staged good'], dir)).toMatchObject({ code: 0 });
  });

  it('fails closed when the plan cannot be checked: a broken config is exit 2, and so is git missing', async () => {
    const dir = await repository();
    writeFileSync(join(dir, 'plan.yaml'), GOOD);
    writeFileSync(join(dir, 'laatuvahti.config.yaml'), 'rules:\n  social-activity-regulr: off\n');
    git(['add', 'plan.yaml'], dir);
    const refused = git(['commit', '-m', 'bad config'], dir);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('unknown rule "social-activity-regulr"');
    expect(runCli(['check', '--staged'], dir)).toMatchObject({ code: 2 });
    expect(runCli(['check', '--staged'], dir, { PATH: '/nonexistent' })).toMatchObject({ code: 2, stderr: 'laatuvahti: --staged: git was not found on PATH.\n' });
  });
});

describe('check --staged', () => {
  it('passes a commit that stages no plan, refuses a folder outside git, and narrows by paths', async () => {
    const dir = await repository();
    writeFileSync(join(dir, 'notes.yaml'), 'just: yaml\n');
    writeFileSync(join(dir, 'package.json'), '{ "name": "plans" }\n');
    git(['add', 'notes.yaml', 'package.json'], dir);
    expect(runCli(['check', '--staged'], dir)).toMatchObject({ code: 0, stdout: '', stderr: 'laatuvahti: --staged: no staged plan file to check.\n' });
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'broken.yaml'), BROKEN);
    git(['add', 'other/broken.yaml'], dir);
    expect(runCli(['check', '--staged'], dir).code).toBe(1);
    // A pathspec outside the broken plan's folder leaves it out.
    expect(runCli(['check', '--staged', 'notes.yaml'], dir).code).toBe(0);
    // From a sub-folder, the names are still shown relative to the working folder.
    const inside = runCli(['check', '--staged', '--format', 'json'], join(dir, 'other'));
    expect(inside.code).toBe(1);
    expect(JSON.parse(inside.stdout).files.map((f: { path: string }) => f.path)).toEqual(['broken.yaml']);

    const outside = folder({ 'plan.yaml': GOOD });
    const r = runCli(['check', '--staged'], outside, { GIT_CEILING_DIRECTORIES: join(outside, '..') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^laatuvahti: --staged: git rev-parse failed: fatal: not a git repository/);
  });
});
