/**
 * The `laatuvahti` command on JSON plan files and on plans that name their language: a folder
 * run checks the `*.json` files whose top level is a plan and leaves other JSON alone, with
 * ranges into the JSON text; a plan's `language` chooses the messages unless `--locale` or a
 * config chose. Spawns the built bin, as test/cli.test.ts does (it builds a stale bundle).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCliBuilt, runCli as run, tempFolders } from './cli-harness.js';

const TODAY = '2026-10-01';
const { folder, cleanup } = tempFolders('laatuvahti-json-');
beforeAll(() => ensureCliBuilt(), 120_000);
afterAll(cleanup);

// Line 5 (0-based 4) is `  "premises": { "accessible": false }`; `false` starts at character 30.
const JSON_PLAN = '{\n  "apiVersion": "laatuvahti/v1",\n  "kind": "ServiceDescription",\n  "language": "en",\n  "premises": { "accessible": false }\n}\n';
const YAML_PLAN = (language: string) => `apiVersion: laatuvahti/v1\nkind: ServiceDescription\nlanguage: ${language}\npremises:\n  accessible: false\n`;

interface JsonReport {
  files: { path: string; diagnostics: { ruleId: string; message: string; range: { start: { line: number; character: number } } }[] }[];
  skipped: string[];
}

describe('laatuvahti check on JSON plans', () => {
  it('checks the JSON plans of a folder, with ranges into the JSON, and leaves other JSON out', () => {
    const dir = folder({ 'plans/unit.json': JSON_PLAN, 'plans/package.json': '{ "name": "x", "version": "1.0.0" }\n', 'plans/notes.yaml': 'title: not a plan\n' });
    const r = run(['check', 'plans', '--today', TODAY, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files.map((f) => f.path)).toEqual(['plans/unit.json']);
    const d = report.files[0]!.diagnostics.find((x) => x.ruleId === 'premises-accessible');
    expect(d?.range.start).toEqual({ line: 4, character: 30 });
    // The non-plan YAML file is skipped and counted, as before; package.json is not a concern.
    expect(report.skipped).toEqual(['plans/notes.yaml']);
  });

  it('exits 2 when a folder holds only JSON that is not a plan', () => {
    const dir = folder({ 'a/package.json': '{ "name": "x" }\n' });
    const r = run(['check', 'a', '--today', TODAY], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing was checked');
  });

  it('stylish output points at the JSON line and column', () => {
    const dir = folder({ 'unit.json': JSON_PLAN });
    const r = run(['check', '.', '--today', TODAY], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/5:31\s+error\s+The service description says the premises are not accessible/);
  });
});

describe('the plan\'s language', () => {
  it('chooses the messages unless --locale or the config chose', () => {
    const dir = folder({ 'fi.yaml': YAML_PLAN('fi'), 'sv.yaml': YAML_PLAN('sv') });
    const plain = run(['check', '.', '--today', TODAY, '--format', 'json'], dir);
    const messages = (r: { stdout: string }) => (JSON.parse(r.stdout) as JsonReport).files.map((f) => `${f.path}: ${f.diagnostics.find((d) => d.ruleId === 'premises-accessible')?.message.split(' ').slice(0, 3).join(' ')}`);
    expect(messages(plain)).toEqual(['fi.yaml: Palvelukuvauksen mukaan tilat', 'sv.yaml: Enligt tjänstebeskrivningen är']);
    const flag = run(['check', '.', '--today', TODAY, '--format', 'json', '--locale', 'en'], dir);
    expect(messages(flag)).toEqual(['fi.yaml: The service description', 'sv.yaml: The service description']);
    writeFileSync(join(dir, 'laatuvahti.config.yaml'), 'locale: sv\n');
    const config = run(['check', '.', '--today', TODAY, '--format', 'json'], dir);
    expect(messages(config)).toEqual(['fi.yaml: Enligt tjänstebeskrivningen är', 'sv.yaml: Enligt tjänstebeskrivningen är']);
  });
});
