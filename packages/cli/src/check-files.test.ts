import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@laatuvahti/core/internal';
import { checkFiles } from './check-files.js';
import { isPlanCandidate } from './check-file.js';

const PLAN = `apiVersion: laatuvahti/v1
kind: SelfMonitoringPlan
socialActivity:
  activities:
    - name: Retket
      every: 3 months
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'laatuvahti-checkfiles-'));
  writeFileSync(join(dir, 'plan.yaml'), PLAN);
  writeFileSync(join(dir, 'other.yaml'), 'name: not a plan\n');
  writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: "laatuvahti/v1\nkind: [\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkFiles (in this thread)', () => {
  it('checks plans with the same findings as core, skips other YAML, reports unreadable files', async () => {
    const job = { today: '2026-11-23', cwd: dir };
    const files = ['plan.yaml', 'other.yaml', 'broken.yaml', 'gone.yaml'].map((f) => join(dir, f));
    const [plan, other, broken, gone] = await checkFiles(files, job);
    expect(plan).toMatchObject({ path: 'plan.yaml', status: 'checked', kind: 'SelfMonitoringPlan', locale: 'en' });
    expect(plan!.diagnostics).toEqual(await check(PLAN, { today: '2026-11-23' }));
    expect(plan!.diagnostics.map((d) => d.ruleId)).toContain('document-updated-date');
    expect(other).toMatchObject({ status: 'skipped', diagnostics: [] });
    expect(broken).toMatchObject({ status: 'checked' });
    expect(broken!.kind).toBeUndefined();
    expect(broken!.diagnostics[0]!.ruleId).toBe('yaml-syntax');
    expect(gone).toMatchObject({ status: 'unreadable', error: 'no such file or directory (ENOENT)' });
  });
});

describe('isPlanCandidate', () => {
  it('decides by content and fails closed on unparsable text that names laatuvahti/', () => {
    expect(isPlanCandidate(PLAN)).toBe(true);
    expect(isPlanCandidate('apiVersion: v1\nkind: Deployment\n')).toBe(false);
    expect(isPlanCandidate('{ apiVersion: laatuvahti/v1, kind: [ }')).toBe(true);
    expect(isPlanCandidate('notes: see laatuvahti/v1 docs\n')).toBe(false);
  });
});
