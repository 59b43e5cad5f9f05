/**
 * The language server resolves a plan's config as the CLI does (core's SettingsResolver): the
 * cascade of config files, the nearer merged onto the farther, with `extends` and `overrides`.
 * Spawns the built server and speaks LSP over stdio (test/lsp-client.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { check } from '@laatuvahti/core';
import { LspClient, SERVER } from './lsp-client';
import { ROOT, tempFolders } from './cli-harness.js';

const { folder, cleanup } = tempFolders('laatuvahti-lsp-cascade-');
afterAll(cleanup);

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : e.name.endsWith('.test.ts') ? 0 : statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  // The server bundles core: rebuild it when either's sources are newer.
  const sources = Math.max(newest(join(ROOT, 'packages', 'lsp', 'src')), newest(join(ROOT, 'packages', 'core', 'src')));
  if (!existsSync(SERVER) || statSync(SERVER).mtimeMs < sources) execSync('npm run build -w @laatuvahti/lsp', { cwd: ROOT, stdio: 'ignore' });
}, 180_000);

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

describe('the language server', () => {
  it('merges a nearer config onto the root one, as the CLI does', async () => {
    const dir = folder({
      'laatuvahti.config.yaml': 'locale: sv\nextends: ./shared.yaml\n',
      'shared.yaml': 'rules:\n  social-activity-regular: { options: { maxInterval: month } }\n',
      'sub/laatuvahti.config.yaml': 'rules:\n  social-activity-regular: warn\noverrides:\n  - files: "*.strict.yaml"\n    rules: { social-activity-regular: error }\n',
    });
    const client = new LspClient({ rootUri: pathToFileURL(dir).href });
    try {
      await client.start();
      const expected = (await check(PLAN, { locale: 'sv', config: { rules: { 'social-activity-regular': { options: { maxInterval: 'month' } } } } })).find((d) => d.ruleId === 'social-activity-regular')!;
      const regular = async (name: string) => (await client.open(pathToFileURL(join(dir, 'sub', name)).href, PLAN)).diagnostics.find((d) => d.code === 'social-activity-regular');
      // LSP severities: 1 error, 2 warning.
      expect(await regular('plan.yaml')).toMatchObject({ severity: 2, message: expected.message, range: { start: { line: 8, character: 13 } } });
      expect(await regular('plan.strict.yaml')).toMatchObject({ severity: 1, message: expected.message });
    } finally {
      client.kill();
    }
  });

  it("leaves out the plans the configs' ignores leave out, as a folder run does, and says so in the lens", async () => {
    const dir = folder({
      'laatuvahti.config.yaml': 'ignores: ["drafts/*", "!drafts/ready.yaml"]\n',
      'drafts/old.yaml': PLAN,
    });
    const client = new LspClient({ rootUri: pathToFileURL(dir).href, initializationOptions: { debounceMs: 0 } });
    try {
      await client.start();
      const draft = pathToFileURL(join(dir, 'drafts', 'draft.yaml')).href;
      const ready = pathToFileURL(join(dir, 'drafts', 'ready.yaml')).href;
      const told: { uri: string; ignored: boolean }[] = [];
      client.onNotification('laatuvahti/ignored', (p: { uri: string; ignored: boolean }) => told.push(p));
      // The same plan: no findings where the config leaves it out, its findings where a negation brings it back.
      expect((await client.open(draft, PLAN)).diagnostics).toEqual([]);
      // Said before the (empty) diagnostics, so a client can show "not checked", not "no findings".
      expect(told).toEqual([{ uri: draft, ignored: true }]);
      expect((await client.open(ready, PLAN)).diagnostics.map((d) => d.code)).toContain('plan-provider-identified');
      type Lens = { command: { title: string; command: string } };
      expect(await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: draft } })).toEqual([
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title: "Laatuvahti: ei tarkisteta, asetustiedoston ignores jättää tiedoston pois", command: '' } },
      ]);
      // Hover still works on an ignored plan: only checking is left out.
      const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: draft }, position: { line: 1, character: 2 } });
      expect(hover).not.toBeNull();
      // A closed plan the workspace check sends is reported as ignored, with nothing published.
      const old = pathToFileURL(join(dir, 'drafts', 'old.yaml')).href;
      const { results } = await client.request<{ results: { uri: string; isPlan: boolean; ignored?: boolean; diagnostics: unknown[] }[] }>('laatuvahti/checkFiles', { uris: [old] });
      expect(results).toEqual([{ uri: old, isPlan: true, ignored: true, diagnostics: [] }]);
      // A report of several plans leaves it out, as a folder run does; asked for alone, it is reported.
      type Report = { markdown: string } | null;
      const several = await client.request<Report>('laatuvahti/complianceReport', { uris: [old, ready] });
      expect(several!.markdown).toContain('ready.yaml');
      expect(several!.markdown).not.toContain('old.yaml');
      expect((await client.request<Report>('laatuvahti/complianceReport', { uri: old }))!.markdown).toContain('plan-provider-identified');

      // The config stops leaving drafts out: the open draft is checked, and the client is told.
      writeFileSync(join(dir, 'laatuvahti.config.yaml'), 'ignores: ["*.old.yaml"]\n');
      const checked = client.nextPublish((p) => p.uri === draft && p.diagnostics.length > 0);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'laatuvahti.config.yaml')).href, type: 2 }] });
      await checked;
      expect(told).toEqual([{ uri: draft, ignored: true }, { uri: draft, ignored: false }]);
    } finally {
      client.kill();
    }
  });
});
