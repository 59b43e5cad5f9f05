/**
 * The language server on JSON plans and on plans that name their language: an open JSON plan
 * (languageId json) is checked with ranges into the JSON text, its quick fixes keep it JSON and
 * it is offered no suppression comment (JSON has none); the plan's `language` chooses the
 * messages unless the `locale` setting chose. Spawns the built server, as test/lsp.test.ts does.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, SERVER, applyEdits, type WireDiagnostic, type WireEdit } from './lsp-client';

const ROOT = join(__dirname, '..');

beforeAll(() => {
  const src = join(ROOT, 'packages', 'lsp', 'src');
  const newest = Math.max(...readdirSync(src).map((f) => statSync(join(src, f)).mtimeMs));
  if (!existsSync(join(ROOT, 'packages', 'core', 'dist', 'index.cjs'))) execSync('npm run build -w @laatuvahti/core', { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(SERVER) || statSync(SERVER).mtimeMs < newest) execSync('npm run build -w @laatuvahti/lsp', { cwd: ROOT, stdio: 'ignore' });
}, 180_000);

const clients: LspClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.kill();
});
function client(initializationOptions: Record<string, unknown> = {}): LspClient {
  const c = new LspClient({ initializationOptions: { debounceMs: 0, ...initializationOptions } });
  clients.push(c);
  return c;
}

/** Opens a document as the given language and waits for its first diagnostics. */
async function open(c: LspClient, uri: string, text: string, languageId: string): Promise<WireDiagnostic[]> {
  const published = c.nextPublish((p) => p.uri === uri && p.version === 1);
  await c.openQuietly(uri, text, languageId);
  return (await published).diagnostics;
}

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

// Line 4 (0-based): `    "housingType": "comunity-housing",`; line 5: `    "adress": "Tie 1"`.
const JSON_PLAN = `{
  "apiVersion": "laatuvahti/v1",
  "kind": "SelfMonitoringPlan",
  "unit": {
    "housingType": "comunity-housing",
    "adress": "Tie 1"
  }
}
`;

describe('the language server on JSON plans', () => {
  it('checks an open JSON plan with ranges into the JSON, and its fixes keep it JSON', async () => {
    const c = client({ locale: 'en' });
    await c.start();
    const uri = pathToFileURL('/tmp/laatuvahti-json/unit.json').href;
    const diagnostics = await open(c, uri, JSON_PLAN, 'json');
    const badEnum = diagnostics.find((d) => d.code === 'schema-type')!;
    const unknownKey = diagnostics.find((d) => d.code === 'schema-unknown-key')!;
    expect(badEnum.range).toEqual(range(4, 19, 4, 37));
    expect(unknownKey.range).toEqual(range(5, 4, 5, 12));
    const actionsFor = (d: WireDiagnostic) =>
      c.request<{ title: string; edit: { changes: Record<string, WireEdit[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const enumActions = await actionsFor(badEnum);
    // The replacement is quoted as the value it replaces, and no suppression comment is offered.
    expect(enumActions.map((a) => a.title)).toEqual(['Replace with "community-housing"', 'Laatuvahti: correct all misspellings (2)']);
    expect(enumActions[0]!.edit.changes[uri]).toEqual([{ range: range(4, 19, 4, 37), newText: '"community-housing"' }]);
    const fixed = applyEdits(JSON_PLAN, enumActions[1]!.edit.changes[uri]!);
    expect(JSON.parse(fixed)).toEqual({ apiVersion: 'laatuvahti/v1', kind: 'SelfMonitoringPlan', unit: { housingType: 'community-housing', address: 'Tie 1' } });
    expect(await c.stop()).toBe(0);
  });
});

describe('the plan\'s language in the editor', () => {
  const plan = (language: string) => `apiVersion: laatuvahti/v1\nkind: ServiceDescription\nlanguage: ${language}\npremises:\n  accessible: false\n`;
  const message = (ds: WireDiagnostic[]) => ds.find((d) => d.code === 'premises-accessible')?.message.split(' ').slice(0, 3).join(' ');

  it('chooses the messages unless the locale setting chose', async () => {
    const plain = client();
    await plain.start();
    expect(message(await open(plain, pathToFileURL('/tmp/laatuvahti-json/fi.yaml').href, plan('fi'), 'yaml'))).toBe('Palvelukuvauksen mukaan tilat');
    expect(message(await open(plain, pathToFileURL('/tmp/laatuvahti-json/sv.yaml').href, plan('sv'), 'yaml'))).toBe('Enligt tjänstebeskrivningen är');
    const english = client({ locale: 'en' });
    await english.start();
    expect(message(await open(english, pathToFileURL('/tmp/laatuvahti-json/fi.yaml').href, plan('fi'), 'yaml'))).toBe('The service description');
  });
});
