import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkFile, createResolver } from './check-file.js';
import { runCheck } from './commands/check-command.js';
import { parseArgs } from './parse-args.js';
import type { CliIo } from './cli-io.js';

// A file system that refuses to write one file, as a read-only mount would (this machine runs
// tests as root, for whom permissions refuse nothing).
const READ_ONLY = 'read-only.yaml';
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = (file: Parameters<typeof fs.writeFileSync>[0], ...rest: [never, never?]) => {
    // The correction is written to a temporary file beside the plan, named after it.
    if (String(file).includes(READ_ONLY)) throw Object.assign(new Error(`EROFS: read-only file system, open '${String(file)}'`), { code: 'EROFS' });
    return fs.writeFileSync(file, ...rest);
  };
  return { ...fs, default: { ...fs, writeFileSync }, writeFileSync };
});

const dir = mkdtempSync(join(tmpdir(), 'laatuvahti-checkfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAN = 'apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\nunit:\n  housingType: comunity-housing\n';

describe('checkFile with fix', () => {
  it('corrects the file and reports the check of the corrected text', async () => {
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, PLAN);
    const job = { today: '2026-11-23', cwd: dir, fix: true };
    const r = await checkFile(createResolver(job), file, job);
    expect(readFileSync(file, 'utf8')).toBe(PLAN.replace('comunity-housing', 'community-housing'));
    expect(r).toMatchObject({ status: 'checked', kind: 'SelfMonitoringPlan', fixed: 1 });
    expect(r.diagnostics.filter((d) => d.ruleId === 'schema-type')).toEqual([]);
    // Written through a file beside it, renamed over it: nothing is left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the findings of the file as it is, with the reason, when the correction cannot be written', async () => {
    const file = join(dir, READ_ONLY);
    // Created through the real file system (the mock refuses this name).
    (await vi.importActual<typeof import('node:fs')>('node:fs')).writeFileSync(file, PLAN);
    const job = { today: '2026-11-23', cwd: dir, fix: true };
    const r = await checkFile(createResolver(job), file, job);
    expect(readFileSync(file, 'utf8')).toBe(PLAN);
    expect(r.fixError).toBe('read-only file system (EROFS)');
    expect(r.fixed).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId])).toContainEqual(['schema-type', 'badEnumSuggest']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('check --fix', () => {
  it('is exit 2 when a correction cannot be written, and says which file and why', async () => {
    const actual = await vi.importActual<typeof import('node:fs')>('node:fs');
    const folder = join(dir, 'run');
    actual.mkdirSync(folder);
    actual.writeFileSync(join(folder, READ_ONLY), PLAN);
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), writeFile: () => {}, readStdin: async () => '', stdoutIsTTY: false, stderrIsTTY: false, cwd: folder, env: {} };
    const parsed = parseArgs(['check', '.', '--fix', '--today', '2026-11-23']);
    if (parsed.command !== 'check') throw new Error(parsed.command);
    expect(await runCheck(parsed.positionals, parsed.options, io)).toBe(2);
    expect(err).toEqual([`laatuvahti: Cannot write the corrections to ${READ_ONLY}: read-only file system (EROFS)\n`]);
    expect(out.join('')).toContain('schema-type');
  });
});
