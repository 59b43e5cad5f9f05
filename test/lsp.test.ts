/**
 * The language server end to end: the built `packages/lsp/dist/server.cjs` is spawned and
 * spoken to over stdio as an editor would. Waits are for messages, never for time.
 *
 * Other rules of the pack also fire on these small plans; assertions name the rules they are
 * about (built-in checks, social-activity-regular and social-activity-goal-oriented), so adding a
 * rule does not break them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { LspClient, SERVER, applyEdits, type Publish, type WireDiagnostic, type WireEdit } from './lsp-client';
import { checkWithPack, currentDate, getDefaultPack, resolveSettings, ruleOutcomes } from '@laatuvahti/core/internal';

const ROOT = join(__dirname, '..');
const OURS = new Set(['yaml-syntax', 'schema-type', 'schema-unknown-key', 'suppression-invalid', 'social-activity-regular', 'social-activity-goal-oriented', 'check-failed']);

/**
 * A broken plan; line numbers matter to the range assertions below. The social-activity rules
 * concern community housing only, so the housing type is spelt right; "too rare" is the user's
 * own limit (MONTHLY below), since social-activity-regular has no maximum interval of its own.
 */
const PLAN = [
  'apiVersion: laatuvahti/v1', //       0
  'kind: SelfMonitoringPlan', //        1
  'language: en', //                    2  findings in English unless a test sets a locale
  'unit:', //                           3
  '  name: Koti', //                    4
  '  adress: Tie 1', //                 5  unknown key, did you mean address
  '  housingType: community-housing', //6
  'socialActivity:', //                 7
  '  activities:', //                   8
  '    - name: Retket', //              9
  '      every: 3 months', //          10  too rare (with maxInterval: month)
  '      goals: [Ulkoilu]', //         11
  '    - name: Kuoro', //              12  no goals (social-activity-goal-oriented)
  '      location: in-unti', //        13  bad enum, did you mean in-unit
  '',
].join('\n');

/** The rule settings that make social-activity-regular report an interval longer than a month. */
const MONTHLY = { 'social-activity-regular': { options: { maxInterval: 'month' } } };

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const ours = (ds: WireDiagnostic[]) => ds.filter((d) => OURS.has(String(d.code)));
const brief = (d: WireDiagnostic) => ({ code: d.code, range: d.range, severity: d.severity });

let dir: string;
const clients: LspClient[] = [];
function client(options: ConstructorParameters<typeof LspClient>[0] = {}): LspClient {
  const c = new LspClient(options);
  clients.push(c);
  return c;
}
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

/** Builds core and the server when the bundle is missing or older than the server's sources. */
function ensureBuilt(): void {
  const src = join(ROOT, 'packages', 'lsp', 'src');
  const newest = Math.max(...readdirSync(src).map((f) => statSync(join(src, f)).mtimeMs));
  if (!existsSync(join(ROOT, 'packages', 'core', 'dist', 'index.cjs'))) execSync('npm run build -w @laatuvahti/core', { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(SERVER) || statSync(SERVER).mtimeMs < newest) execSync('npm run build -w @laatuvahti/lsp', { cwd: ROOT, stdio: 'ignore' });
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'laatuvahti-lsp-'));
});

afterEach(() => {
  for (const c of clients.splice(0)) c.kill();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('diagnostics', () => {
  it('publishes rule ids, docs links, severities and exact ranges; shutdown exits with 0', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    const caps = await c.start();
    expect(caps).toMatchObject({ hoverProvider: true, documentSymbolProvider: true, codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.laatuvahti'] } });
    expect(caps.diagnosticProvider).toBeUndefined(); // this client cannot pull

    const p = await c.open(uriOf('plan.yaml'), PLAN);
    expect(ours(p.diagnostics).map(brief)).toEqual([
      { code: 'schema-unknown-key', range: range(5, 2, 5, 8), severity: 2 },
      { code: 'social-activity-regular', range: range(10, 13, 10, 21), severity: 1 },
      { code: 'social-activity-goal-oriented', range: range(12, 6, 13, 23), severity: 1 },
      { code: 'schema-type', range: range(13, 16, 13, 23), severity: 1 },
    ]);
    const [unknownKey, tooRare, noGoals, badEnum] = ours(p.diagnostics);
    expect(unknownKey).toMatchObject({ source: 'laatuvahti', message: 'Unknown key "adress". Did you mean "address"?', data: { fix: { kind: 'renameKey', path: ['unit', 'adress'], key: 'address' } } });
    expect(badEnum!.data).toEqual({ fix: { kind: 'replaceValue', path: ['socialActivity', 'activities', 1, 'location'], value: 'in-unit' } });
    expect(tooRare!.codeDescription!.href).toMatch(/rules\/social-activity-regular\/README\.md$/);
    // The rule's wording belongs to its folder; the message must carry the activity and interval.
    expect(tooRare!.message).toMatch(/"Retket".*3 months/);
    expect(noGoals!.data).toEqual({ fix: { kind: 'insertKey', parentPath: ['socialActivity', 'activities', 1], key: 'goals' } });
    for (const d of p.diagnostics) expect(d.source).toBe('laatuvahti');

    expect(await c.stop()).toBe(0);
  });

  it('gives related information where a finding concerns two places', async () => {
    const c = client({ initializationOptions: { debounceMs: 0 } });
    await c.start();
    // The social-activity rules concern community housing only.
    const text = 'apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\nunit:\n  housingType: community-housing\nresponsiblePersons:\n  - id: maija\nsocialActivity:\n  responsiblePerson: pekka\n';
    const uri = uriOf('related.yaml');
    const p = await c.open(uri, text);
    const d = p.diagnostics.find((x) => x.code === 'social-activity-responsible-person' && x.relatedInformation);
    expect(d?.range).toEqual(range(7, 21, 7, 26));
    expect(d?.relatedInformation?.[0]?.location).toEqual({ uri, range: range(5, 2, 5, 13) });
    expect(await c.stop()).toBe(0);
  });

  it('stays silent on YAML that is not a plan and clears a document that stops being one', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const other = uriOf('compose.yaml');
    await c.openQuietly(other, 'services:\n  web:\n    image: nginx\nkind: Deployment\n');
    // Checks run in the order documents arrive: the plan's publish proves the other was done.
    const plan = uriOf('becomes-other.yaml');
    expect((await c.open(plan, PLAN)).diagnostics.length).toBeGreaterThan(0);
    expect(c.publishes.filter((p) => p.uri === other)).toEqual([]);

    const cleared = await c.change(plan, PLAN.replace('apiVersion: laatuvahti/v1\n', ''));
    expect(cleared.diagnostics).toEqual([]);
    expect(await c.stop()).toBe(0);
  });

  it('publishes only results of the version they were computed for, under rapid edits', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const uri = uriOf('rapid.yaml');
    await c.open(uri, PLAN);
    const textOf = (n: number) => PLAN.replace('every: 3 months', `every: ${n} months`);
    const last = 12;
    const final = c.nextPublish((p) => p.uri === uri && p.version === last);
    for (let v = 2; v <= last; v++) await c.replace(uri, textOf(v));
    await final;
    const publishes = c.publishes.filter((p) => p.uri === uri && (p.version ?? 0) >= 2);
    expect(publishes[publishes.length - 1]!.version).toBe(last);
    for (const p of publishes) {
      // Each publish holds exactly the findings of the text of its own version.
      const rare = p.diagnostics.filter((d) => d.code === 'social-activity-regular' && d.message.includes('"Retket"'));
      expect(rare.map((d) => /(\d+) months/.exec(d.message)?.[1])).toEqual([String(p.version)]);
    }
    expect(await c.stop()).toBe(0);
  });

  it('debounces: a burst of edits yields one check, of the last version', async () => {
    // A debounce longer than any pause between these writes, even on a loaded machine.
    const c = client({ initializationOptions: { debounceMs: 1000, rules: MONTHLY } });
    await c.start();
    const uri = uriOf('burst.yaml');
    await c.open(uri, PLAN);
    const final = c.nextPublish((p) => p.uri === uri && p.version === 6);
    for (let v = 2; v <= 6; v++) await c.replace(uri, PLAN.replace('every: 3 months', `every: ${v} months`));
    const p = await final;
    expect(p.diagnostics.some((d) => d.code === 'social-activity-regular' && d.message.includes('6 months'))).toBe(true);
    expect(c.publishes.filter((x) => x.uri === uri).map((x) => x.version)).toEqual([1, 6]);
    expect(await c.stop()).toBe(0);
  });

  it('clears a document on close and never publishes a check that finished after it', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const uri = uriOf('closing.yaml');
    await c.open(uri, PLAN);
    const cleared = c.nextPublish((p) => p.uri === uri && p.diagnostics.length === 0);
    await c.replace(uri, PLAN.replace('3 months', '5 months'));
    await c.close(uri);
    await cleared;
    // Core runs checks one after another: once a later document is published, the closed
    // document's check (if it ran) is over.
    await c.open(uriOf('after-close.yaml'), PLAN);
    const mine = c.publishes.filter((p) => p.uri === uri);
    expect(mine[mine.length - 1]!.diagnostics).toEqual([]);
    expect(await c.stop()).toBe(0);
  });
});

describe('configuration', () => {
  it('re-checks open plans when the config file changes on disk (didChangeWatchedFiles)', async () => {
    const ws = join(dir, 'ws-config');
    mkdirSync(ws, { recursive: true });
    const plan = join(ws, 'plan.yaml');
    writeFileSync(plan, PLAN);
    // The workspace's config gives social-activity-regular its maximum interval from the start.
    const config = join(ws, 'laatuvahti.config.yaml');
    writeFileSync(config, 'rules:\n  social-activity-regular:\n    options: { maxInterval: month }\n');
    const c = client({
      rootUri: pathToFileURL(ws).href,
      initializationOptions: { debounceMs: 0 },
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await c.start();
    const uri = pathToFileURL(plan).href;
    const first = await c.open(uri, PLAN);
    expect(first.diagnostics.filter((d) => d.code === 'social-activity-regular').map((d) => d.severity)).toEqual([1]);
    const watchers = c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    expect(JSON.stringify(watchers?.registerOptions)).toContain('**/laatuvahti.config.yaml');

    writeFileSync(config, 'rules:\n  social-activity-regular:\n    severity: warning\n    options: { maxInterval: month }\n');
    const warned = c.nextPublish((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'social-activity-regular' && d.severity === 2));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const p = await warned;
    expect(p.diagnostics.filter((d) => d.code === 'social-activity-regular').map((d) => d.severity)).toEqual([2]);

    writeFileSync(config, 'locale: sv\nrules:\n  social-activity-regular: "off"\n');
    const off = c.nextPublish((p) => p.uri === uri && !p.diagnostics.some((d) => d.code === 'social-activity-regular'));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const q = await off;
    // No publish between the two changes went back to the old severity.
    const between = c.publishes.slice(c.publishes.indexOf(p) + 1, c.publishes.indexOf(q)).filter((x) => x.uri === uri);
    expect(between.flatMap((x) => x.diagnostics).filter((d) => d.code === 'social-activity-regular' && d.severity !== 2)).toEqual([]);
    expect(q.diagnostics.find((d) => d.code === 'schema-unknown-key')!.message).toBe('Okänd nyckel "adress". Menade du "address"?');

    // A config problem is shown on the config file itself.
    writeFileSync(config, 'rules:\n  social-activity-regulr: warning\n');
    const problem = c.nextPublish((p) => p.uri === pathToFileURL(config).href && p.diagnostics.length > 0);
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const cp = await problem;
    expect(cp.diagnostics[0]).toMatchObject({ code: 'rule-load', range: range(1, 2, 1, 24) });
    expect(cp.diagnostics[0]!.message).toContain('social-activity-regular');
    expect(await c.stop()).toBe(0);
  });

  it('takes locale, severities and debounce from workspace/configuration and re-checks on change', async () => {
    let settings: Record<string, unknown> = { locale: 'fi', debounceMs: 0, rules: { 'social-activity-regular': { severity: 'info', options: { maxInterval: 'month' } } } };
    const c = client({ capabilities: { workspace: { configuration: true } }, configuration: () => settings });
    await c.start();
    const uri = uriOf('settings.yaml');
    const p = await c.open(uri, PLAN);
    expect(p.diagnostics.filter((d) => d.code === 'social-activity-regular').map((d) => d.severity)).toEqual([3]);
    expect(p.diagnostics.find((d) => d.code === 'schema-unknown-key')!.message).toBe('Tuntematon avain "adress". Tarkoititko "address"?');

    settings = { locale: 'en', debounceMs: 0, rules: { 'social-activity-regular': 'off' } };
    const next = c.nextPublish((x) => x.uri === uri && !x.diagnostics.some((d) => d.code === 'social-activity-regular'));
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    expect((await next).diagnostics.find((d) => d.code === 'schema-unknown-key')!.message).toBe('Unknown key "adress". Did you mean "address"?');
    expect(await c.stop()).toBe(0);
  });

  it('refuses a rule folder\'s pattern that can backtrack exponentially, on the rule file, with the analysers beside the bundle', async () => {
    const rules = join(dir, 'unsafe-rules');
    const rule = join(rules, 'business-id-invalid');
    cpSync(join(ROOT, 'rules', 'business-id-invalid'), rule, { recursive: true });
    const ruleFile = join(rule, 'rule.yaml');
    const text = readFileSync(ruleFile, 'utf8');
    writeFileSync(ruleFile, text.replace("value: '^\\d{6}-\\d$'", () => "value: '^(\\d+)+-\\d$'"));
    const line = text.split('\n').findIndex((l) => l.includes("value: '^\\d{6}-\\d$'"));
    const c = client({ initializationOptions: { debounceMs: 0, ruleDirs: [rules] } });
    await c.start();
    const problem = c.nextPublish((p) => p.uri === pathToFileURL(ruleFile).href && p.diagnostics.length > 0);
    await c.open(uriOf('unsafe.yaml'), PLAN);
    const p = await problem;
    expect(p.diagnostics[0]).toMatchObject({ code: 'rule-load', range: { start: { line, character: 68 } } });
    expect(p.diagnostics[0]!.message).toContain('the pattern "^(\\d+)+-\\d$" can take exponential time');
    expect(await c.stop()).toBe(0);
  });

  it('a fallback language (VS Code\'s "auto") gives way to the plan\'s own language', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, fallbackLocale: 'sv' } });
    await c.start();
    const unknownKey = (p: { diagnostics: WireDiagnostic[] }) => p.diagnostics.find((d) => d.code === 'schema-unknown-key')!.message;
    const finnish = await c.open(uriOf('fallback-fi.yaml'), PLAN.replace('language: en\n', 'language: fi\n'));
    expect(unknownKey(finnish)).toBe('Tuntematon avain "adress". Tarkoititko "address"?');
    const unsaid = await c.open(uriOf('fallback-none.yaml'), PLAN.replace('language: en\n', ''));
    expect(unknownKey(unsaid)).toBe('Okänd nyckel "adress". Menade du "address"?');
    expect(await c.stop()).toBe(0);
  });
});

describe('long plans', () => {
  it('answers other requests while a long plan is being checked, and stops a check at its time budget', async () => {
    const { generatePlan } = await import('../bench/generate-plan.mjs');
    let settings: Record<string, unknown> = { debounceMs: 0, rules: MONTHLY };
    const c = client({ capabilities: { workspace: { configuration: true } }, configuration: () => settings });
    await c.start();
    const small = uriOf('answered-meanwhile.yaml');
    await c.open(small, PLAN);

    // The hover is sent once the server is busy checking the 10,000-line plan (it parses for
    // tens of milliseconds alone): the check gives it a turn instead of finishing first.
    const long = uriOf('long.yaml');
    const order: string[] = [];
    const published = c.nextPublish((p) => p.uri === long).then((p) => (order.push('diagnostics of the long plan'), p));
    await c.openQuietly(long, generatePlan(10_000));
    await new Promise((r) => setTimeout(r, 20));
    const hover = c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: small }, position: { line: 6, character: 4 } }).then((h) => (order.push('hover'), h));
    const [longPublish, hovered] = await Promise.all([published, hover]);
    expect(order).toEqual(['hover', 'diagnostics of the long plan']);
    expect(hovered.contents.value).toContain('housingType');
    expect(longPublish.diagnostics.map((d) => d.code)).not.toContain('check-incomplete');

    // A budget of 0 ms is spent before the first rule runs: parse and shape findings only.
    settings = { debounceMs: 0, timeBudgetMs: 0, rules: MONTHLY };
    const stopped = c.nextPublish((p) => p.uri === small && p.diagnostics.some((d) => d.code === 'check-incomplete'));
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    const partial = (await stopped).diagnostics;
    const incomplete = partial.find((d) => d.code === 'check-incomplete')!;
    expect(brief(incomplete)).toEqual({ code: 'check-incomplete', range: range(0, 0, 0, 0), severity: 2 });
    expect(ours(partial).map((d) => d.code).sort()).toEqual(['schema-type', 'schema-unknown-key']);
    // Not a finding about the plan: nothing to fix, and no suppression comment is offered.
    const actions = await c.request<unknown[]>('textDocument/codeAction', { textDocument: { uri: small }, range: incomplete.range, context: { diagnostics: [incomplete] } });
    expect(actions).toEqual([]);
    expect(await c.stop()).toBe(0);
  });
});

describe('editor features', () => {
  it('hover explains a finding (title, what it checks, source) and a field, in the user locale', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, locale: 'fi', rules: MONTHLY } });
    await c.start();
    const uri = uriOf('hover.yaml');
    await c.open(uri, PLAN);
    const onFinding = await c.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 15 } });
    expect(onFinding.contents.kind).toBe('markdown');
    // The rule's own words (title, source, README) come from its folder, as the server has them.
    const rules = await c.request<{ id: string; title: string; source: string }[]>('laatuvahti/listRules', {});
    const rule = rules.find((r) => r.id === 'social-activity-regular')!;
    expect(rule.title).toMatch(/^Sosiaalista kanssakäymistä/);
    const docs = (await c.request<{ markdown: string }>('laatuvahti/ruleDocumentation', { ruleId: 'social-activity-regular' })).markdown;
    const sections = onFinding.contents.value.split('\n\n---\n\n');
    const explained = sections.find((x) => x.includes('`social-activity-regular`'))!;
    const [title, summary, source] = explained.split('\n\n');
    expect(title).toBe(`**${rule.title}** · \`social-activity-regular\``);
    expect(summary!.length).toBeGreaterThan(20);
    expect(docs).toContain(summary); // the "what it checks" paragraph of its README
    expect(source).toMatch(new RegExp(`^Lähde: \\[?${rule.source.replace(/[()§.]/g, '\\$&')}.*\\(R\\d\\d[^)]*\\)`));
    expect(source).toContain('[Ohje](https://');
    // The hover says how binding the source is, in the reader's language.
    expect(source).toMatch(/\) · (laki|Valviran määräys|valtakunnallinen ohje|yksittäisen asiakirjan käytäntö)\s/);
    expect(sections[sections.length - 1]).toBe('`socialActivity.activities[0].every`: Kuinka usein toimintaa on (esim. week, 2 weeks).');

    const onKey = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 4 } });
    expect(onKey.contents.value).toContain('`unit.housingType`: Asumispalvelun muoto (SHL 21–21 c §).');
    const nothing = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 14, character: 0 } });
    expect(nothing).toBeNull();
    expect(await c.stop()).toBe(0);
  });

  it('code actions insert, replace, rename and suppress with exact edits', async () => {
    // Titles in the user's language (en), placeholders in the plan's (fi).
    const c = client({ initializationOptions: { debounceMs: 0, locale: 'en', rules: MONTHLY } });
    await c.start();
    const uri = uriOf('actions.yaml');
    const p = await c.open(uri, PLAN.replace('language: en\n', 'language: fi\n'));
    const actionsFor = (d: WireDiagnostic) =>
      c.request<{ title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, WireEdit[]> } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      });
    const [unknownKey, tooRare, noGoals, badEnum] = ours(p.diagnostics);
    const correctAll = ['Laatuvahti: correct all misspellings (2)', [{ range: range(5, 2, 5, 8), newText: 'address' }, { range: range(13, 16, 13, 23), newText: 'in-unit' }]];
    expect((await actionsFor(unknownKey!)).map((a) => [a.title, a.edit.changes[uri]])).toEqual([
      ['Rename the key to "address"', [{ range: range(5, 2, 5, 8), newText: 'address' }]],
      ['Suppress schema-unknown-key on this line (give a reason)', [{ range: range(5, 0, 5, 0), newText: '  # laatuvahti-disable-next-line schema-unknown-key -- <reason>\n' }]],
      // More than this finding's own fix: every misspelling of the plan at once.
      correctAll,
    ]);
    // All three in the light bulb: editors keep source actions out of it.
    expect((await actionsFor(unknownKey!)).map((a) => a.kind)).toEqual(['quickfix', 'quickfix', 'quickfix']);
    expect((await actionsFor(badEnum!))[0]!.edit.changes[uri]).toEqual([{ range: range(13, 16, 13, 23), newText: 'in-unit' }]);
    expect((await actionsFor(noGoals!))[0]).toMatchObject({ title: 'Insert the missing key "goals"', kind: 'quickfix', isPreferred: true, edit: { changes: { [uri]: [{ range: range(13, 0, 13, 0), newText: '      goals:\n        - TÄYDENNÄ\n' }] } } });
    expect((await actionsFor(tooRare!)).map((a) => a.edit.changes[uri])).toEqual([[{ range: range(10, 0, 10, 0), newText: '      # laatuvahti-disable-next-line social-activity-regular -- <reason>\n' }]]);
    // A client that drops `data` still gets the fix, found by rule, message and range.
    const { data: _dropped, ...withoutData } = noGoals!;
    expect((await actionsFor(withoutData))[0]!.title).toBe('Insert the missing key "goals"');
    expect(await c.stop()).toBe(0);
  });

  it('replaces a misspelt rule id in a suppression comment with the rule it suggests', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const uri = uriOf('suppression-typo.yaml');
    const text = PLAN.replace('      every: 3 months\n', '      # laatuvahti-disable-next-line social-activity-regulr -- summer break\n      every: 3 months\n');
    const p = await c.open(uri, text);
    const typo = p.diagnostics.find((d) => d.code === 'suppression-invalid')!;
    expect(typo).toMatchObject({ range: range(10, 37, 10, 59), message: 'The suppression names an unknown rule "social-activity-regulr". Did you mean "social-activity-regular"?' });
    const actions = await c.request<{ title: string; edit: { changes: Record<string, WireEdit[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } });
    expect(actions.map((a) => [a.title, a.edit.changes[uri]])).toEqual([['Replace with "social-activity-regular"', [{ range: range(10, 37, 10, 59), newText: 'social-activity-regular' }]]]);
    const after = await c.change(uri, applyEdits(text, actions[0]!.edit.changes[uri]!));
    // The comment now silences Retket's interval; of these rules only Kuoro's missing goals (line 13) remain.
    expect(after.diagnostics.filter((d) => d.code === 'suppression-invalid' || d.code === 'social-activity-regular' || d.code === 'social-activity-goal-oriented').map((d) => [d.code, d.range.start.line])).toEqual([['social-activity-goal-oriented', 13]]);
    expect(await c.stop()).toBe(0);
  });

  it('corrects every misspelling at once as a source.fixAll action (as editor.codeActionsOnSave asks), and nothing else', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, locale: 'fi', rules: MONTHLY } });
    await c.start();
    const uri = uriOf('fix-all.yaml');
    await c.open(uri, PLAN);
    type Action = { title: string; kind: string; edit: { changes: Record<string, WireEdit[]> } };
    const fixAll = (only: string[]) => c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: range(0, 0, 0, 0), context: { diagnostics: [], only } });
    const [action] = await fixAll(['source.fixAll']);
    expect(action).toMatchObject({ title: 'Laatuvahti: korjaa kaikki kirjoitusvirheet (2)', kind: 'source.fixAll.laatuvahti' });
    expect(await fixAll(['source'])).toEqual([action]);
    expect(await fixAll(['quickfix', 'source.fixAll'])).toEqual([action]);
    expect(await fixAll(['quickfix'])).toEqual([]);
    expect(await fixAll(['source.organizeImports'])).toEqual([]);
    const fixed = applyEdits(PLAN, action!.edit.changes[uri]!);
    expect(fixed).toBe(PLAN.replace('adress', 'address').replace('in-unti', 'in-unit'));
    const after = await c.change(uri, fixed);
    expect(after.diagnostics.filter((d) => d.code === 'schema-type' || d.code === 'schema-unknown-key')).toEqual([]);
    // Asked right after the edit, for the version shown: nothing is left to correct.
    expect(await fixAll(['source.fixAll'])).toEqual([]);
    // Not a plan: nothing.
    await c.openQuietly(uriOf('fix-all-other.yaml'), 'kind: Deployment\nadress: x\n');
    expect(await c.request('textDocument/codeAction', { textDocument: { uri: uriOf('fix-all-other.yaml') }, range: range(0, 0, 0, 0), context: { diagnostics: [], only: ['source.fixAll'] } })).toEqual([]);
    expect(await c.stop()).toBe(0);
  });

  it('every quick fix, applied, removes its finding and leaves valid YAML that fits the schema', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const uri = uriOf('apply-all.yaml');
    const base = await c.open(uri, PLAN);
    const shapeIds = new Set(['yaml-syntax', 'schema-type', 'schema-unknown-key']);
    let applied = 0;
    for (const d of base.diagnostics) {
      const actions = await c.request<{ title: string; edit: { changes: Record<string, WireEdit[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      expect(actions.length, `${d.code}: no action`).toBeGreaterThan(0);
      for (const a of actions) {
        const fixed = applyEdits(PLAN, a.edit.changes[uri]!);
        expect(parseDocument(fixed).errors, `${a.title}\n${fixed}`).toEqual([]);
        const after = await c.change(uri, fixed);
        const label = `${d.code} / ${a.title}\n${fixed}`;
        expect(after.diagnostics.filter((x) => x.code === d.code && x.message === d.message), label).toEqual([]);
        const newShape = after.diagnostics.filter((x) => shapeIds.has(String(x.code)) && !base.diagnostics.some((b) => b.code === x.code && b.message === x.message));
        expect(newShape, label).toEqual([]);
        expect(after.diagnostics.filter((x) => x.code === 'suppression-invalid'), label).toEqual([]);
        applied++;
        await c.change(uri, PLAN);
      }
    }
    expect(applied).toBeGreaterThanOrEqual(8);
    expect(await c.stop()).toBe(0);
  }, 120_000);

  it('inserts a missing section at its schema position and indentation, also in a flow mapping', async () => {
    const c = client({ initializationOptions: { debounceMs: 0 } });
    await c.start();
    const uri = uriOf('insert.yaml');
    const text = 'apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\nlanguage: sv\nfeedback:\n  - { from: clients, every: year }\nresponsiblePersons:\n  - id: a\n    contact: { phone: "1" }\n';
    await c.open(uri, text);
    const act = async (fix: unknown) =>
      (await c.request<{ edit: { changes: Record<string, WireEdit[]> } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: range(0, 0, 0, 0),
        context: { diagnostics: [{ range: range(0, 0, 0, 0), message: 'x', source: 'laatuvahti', code: 'schema-type', data: { fix } }] },
      }))[0]!.edit.changes[uri]!;
    // After the present key that comes last before it in schema order (responsiblePersons);
    // placeholders in the plan's language (Swedish).
    expect(await act({ kind: 'insertKey', parentPath: [], key: 'reportingDuty' })).toEqual([
      { range: range(8, 0, 8, 0), newText: 'reportingDuty:\n  recipient: FYLL I\n  escalation: FYLL I\n  nonRetaliation: false\n' },
    ]);
    expect(await act({ kind: 'insertKey', parentPath: ['responsiblePersons', 0, 'contact'], key: 'email' })).toEqual([
      { range: range(7, 25, 7, 25), newText: ', email: FYLL I' },
    ]);
    expect(await c.stop()).toBe(0);
  });

  it('completes keys not yet present and enum values, with descriptions', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const uri = uriOf('complete.yaml');
    const text = PLAN.replace('  name: Koti\n', '  name: Koti\n  \n').replace('      location: in-unti\n', '      location: in-unti\n      \n');
    await c.open(uri, text);
    type Item = { label: string; documentation?: { value: string }; textEdit: { newText: string; range: unknown } };
    const at = (line: number, character: number) => c.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });

    const keys = await at(5, 2);
    const labels = keys.map((i) => i.label);
    // name and housingType are present (adress is not address).
    expect(labels).toEqual(['address', 'servedAt', 'contact', 'serviceTypes', 'registration', 'staffOnSite24h', 'operatingSince', 'tenure', 'premises']);
    expect(keys.find((i) => i.label === 'tenure')).toMatchObject({ documentation: { value: 'How residents hold their flat: lease | other.' }, textEdit: { newText: 'tenure: ', range: range(5, 2, 5, 2) } });
    expect(keys.find((i) => i.label === 'premises')!.textEdit.newText).toBe('premises:');

    const values = await at(7, 17);
    expect(values.map((i) => i.label)).toEqual(['temporary-housing', 'supported-housing', 'community-housing', 'round-the-clock-service-housing', 'none']);
    expect(values[0]!.textEdit.range).toEqual(range(7, 15, 7, 17));

    const itemKeys = await at(15, 6);
    expect(itemKeys.map((i) => i.label)).toEqual(['goals', 'promotes', 'every', 'basedOn']);
    // `- ` starts a new list item: every key of an activity.
    const newItem = await c.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: { line: 13, character: 6 } });
    expect(newItem.map((i) => i.label)).toContain('name');

    const root = await at(16, 0);
    expect(root.map((i) => i.label)).toEqual(expect.arrayContaining(['provider', 'staffing', 'feedback']));
    expect(root.map((i) => i.label)).not.toContain('unit');
    expect(await c.stop()).toBe(0);
  });

  it('lists the plan sections as document symbols', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const uri = uriOf('symbols.yaml');
    await c.open(uri, PLAN);
    type Sym = { name: string; range: unknown; selectionRange: unknown; detail?: string; children?: Sym[] };
    const symbols = await c.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['apiVersion', 'kind', 'language', 'unit', 'socialActivity']);
    const social = symbols[4]!;
    expect(social).toMatchObject({ range: range(7, 0, 13, 23), selectionRange: range(7, 0, 7, 14), detail: 'Activity that promotes social interaction (SHL 21 b §).' });
    expect(social.children![0]!.children!.map((s) => s.name)).toEqual(['Retket', 'Kuoro']);
    // A list item named after a personal identity code is shown masked in the outline.
    const withCode = uriOf('symbols-code.yaml');
    await c.open(withCode, PLAN.replace('Retket', 'Retket 150385-9024'));
    const masked = await c.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri: withCode } });
    expect(JSON.stringify(masked)).not.toContain('9024');
    expect(masked[4]!.children![0]!.children!.map((s) => s.name)).toEqual(['Retket 150385-****', 'Kuoro']);
    expect(await c.stop()).toBe(0);
  });

  it('a code lens over a plan counts its rules met and not met, for the version shown, and opens the report', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    type Lens = { range: unknown; command: { title: string; command: string } };
    const lenses = (uri: string) => c.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    const expected = async (text: string) => {
      const pack = getDefaultPack();
      const today = currentDate();
      // The server's settings: social-activity-regular with its monthly limit.
      const { settings } = resolveSettings(pack, MONTHLY);
      const outcomes = ruleOutcomes(pack, await checkWithPack(pack, text, { today, settings }), { today, settings });
      const n = (...kinds: string[]) => outcomes.filter((o) => kinds.includes(o.outcome)).length;
      return { met: n('passed'), applicable: outcomes.length - n('not-applicable', 'off', 'not-in-force'), notMet: n('failed') };
    };
    const uri = uriOf('lens.yaml');
    await c.open(uri, PLAN);
    const e = await expected(PLAN);
    expect(e.notMet).toBeGreaterThan(0);
    expect(await lenses(uri)).toEqual([
      { range: range(0, 0, 0, 0), command: { title: `Laatuvahti: ${e.met} of ${e.applicable} rules met · ${e.notMet} not met → compliance report`, command: 'laatuvahti.showComplianceReport' } },
    ]);
    // Asked right after an edit: the lens waits for that version's check.
    const fixed = PLAN.replace('  adress: Tie 1\n', '  address: Tie 1\n');
    await c.replace(uri, fixed);
    const f = await expected(fixed);
    expect(f.met).toBe(e.met + 1);
    expect((await lenses(uri))[0]!.command.title).toBe(`Laatuvahti: ${f.met} of ${f.applicable} rules met · ${f.notMet} not met → compliance report`);
    // Not a plan: no lens.
    await c.openQuietly(uriOf('lens-other.yaml'), 'name: not a plan\n');
    expect(await lenses(uriOf('lens-other.yaml'))).toEqual([]);
    expect(await c.stop()).toBe(0);
  });

  it('shows no code lens while the codeLens setting is false, and shows it again when it is turned back on', async () => {
    let settings: Record<string, unknown> = { debounceMs: 0, codeLens: false };
    const c = client({ capabilities: { workspace: { configuration: true } }, configuration: () => settings });
    await c.start();
    const uri = uriOf('lens-setting.yaml');
    await c.open(uri, PLAN);
    const lenses = () => c.request<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(await lenses()).toEqual([]);
    settings = { debounceMs: 0, codeLens: true };
    const rechecked = c.nextPublish((x) => x.uri === uri);
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    await rechecked;
    expect((await lenses()).map((l) => l.command.title)).toEqual([expect.stringMatching(/^Laatuvahti: \d+ of \d+ rules met · \d+ not met → compliance report$/)]);
    // A value that is not a boolean is ignored with a warning; the lens stays as it was.
    settings = { debounceMs: 0, codeLens: 'no' };
    const again = c.nextPublish((x) => x.uri === uri);
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    await again;
    expect(await lenses()).toHaveLength(1);
    expect(c.logs.some((m) => m.message.includes('laatuvahti.codeLens must be true or false; got "no"'))).toBe(true);
    expect(await c.stop()).toBe(0);
  });
});

describe('custom requests', () => {
  it('checkFiles checks plans on disk and publishes them; rule docs, rule list and skeleton', async () => {
    const ws = join(dir, 'ws-files');
    mkdirSync(ws, { recursive: true });
    writeFileSync(join(ws, 'plan.yaml'), PLAN);
    writeFileSync(join(ws, 'other.yaml'), 'name: not a plan\n');
    const c = client({ rootUri: pathToFileURL(ws).href, initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const planUri = pathToFileURL(join(ws, 'plan.yaml')).href;
    const otherUri = pathToFileURL(join(ws, 'other.yaml')).href;
    const published = c.nextPublish((p) => p.uri === planUri);
    const { results } = await c.request<{ results: { uri: string; isPlan: boolean; diagnostics: WireDiagnostic[] }[] }>('laatuvahti/checkFiles', { uris: [planUri, otherUri] });
    expect(results.map((r) => [r.uri, r.isPlan])).toEqual([[planUri, true], [otherUri, false]]);
    expect(ours(results[0]!.diagnostics).map((d) => d.code)).toEqual(['schema-unknown-key', 'social-activity-regular', 'social-activity-goal-oriented', 'schema-type']);
    expect(results[1]!.diagnostics).toEqual([]);
    expect((await published).diagnostics).toEqual(results[0]!.diagnostics);

    // Titles and sources are the rule folder's words: checked for locale and consistency.
    type Row = { id: string; title: string; severity: string; source: string };
    const rowsIn = async (locale: string) => c.request<Row[]>('laatuvahti/listRules', { locale });
    const [fi, sv] = [await rowsIn('fi'), await rowsIn('sv')];
    const fiRow = fi.find((r) => r.id === 'social-activity-regular')!;
    const svRow = sv.find((r) => r.id === 'social-activity-regular')!;
    expect(fiRow).toMatchObject({ severity: 'error', title: expect.stringMatching(/^Sosiaalista kanssakäymistä/) });
    expect(svRow.title).not.toBe(fiRow.title);
    expect(svRow.source).not.toBe(fiRow.source);
    expect(fi.find((r) => r.id === 'schema-unknown-key')).toEqual({ id: 'schema-unknown-key', title: 'Tuntematon avain', severity: 'warning', source: '' });
    expect(fi.map((r) => r.id)).toEqual([...fi.map((r) => r.id)].sort());

    const docs = await c.request<{ markdown: string } | null>('laatuvahti/ruleDocumentation', { ruleId: 'social-activity-regular', locale: 'sv' });
    expect(docs!.markdown.startsWith(`# ${svRow.title}\n`)).toBe(true);
    expect(docs!.markdown).toContain('`social-activity-regular` · Allvarlighetsgrad: error');
    // The source line links the source and names its basis (a national guidance).
    expect(docs!.markdown).toContain(`\nKälla: [${svRow.source}](https://valvira.fi/sosiaali-ja-terveydenhuolto/palvelujen-tuottaminen-yhteisollisessa-asumisessa) (R39) · nationell anvisning\n`);
    expect(docs!.markdown).toContain('## Vad regeln kontrollerar');
    expect(docs!.markdown).not.toContain('## What it checks');
    expect(await c.request('laatuvahti/ruleDocumentation', { ruleId: 'no-such-rule' })).toBeNull();
    expect((await c.request<{ markdown: string }>('laatuvahti/ruleDocumentation', { ruleId: 'schema-type' })).markdown).toMatch(/^# Wrong type or value\n/);

    const skeleton = await c.request<{ text: string }>('laatuvahti/skeleton', { kind: 'ServiceDescription', language: 'sv' });
    expect(skeleton.text).toMatch(/^#/);
    expect(parseDocument(skeleton.text).toJS()).toMatchObject({ apiVersion: 'laatuvahti/v1', kind: 'ServiceDescription', language: 'sv' });
    await expect(c.request('laatuvahti/skeleton', { kind: 'Nope', language: 'fi' })).rejects.toThrow(/kind must be one of/);

    // Opening a file that checkFiles published hands it to the live check.
    const cleared = c.nextPublish((p) => p.uri === planUri && p.diagnostics.length === 0);
    const live = c.nextPublish((p) => p.uri === planUri && p.version === 1);
    await c.openQuietly(planUri, PLAN);
    await cleared;
    expect(ours((await live).diagnostics).length).toBe(4);
    expect(await c.stop()).toBe(0);
  });

  it('complianceReport gives the Markdown report of the editor text, in the locale; null for what is not a plan', async () => {
    const ws = join(dir, 'ws-report');
    mkdirSync(join(ws, 'plans'), { recursive: true });
    const onDisk = PLAN.replace('      every: 3 months\n', '      # laatuvahti-disable-next-line social-activity-regular -- Sovittu omaisen 131052-308T kanssa\n      every: 3 months\n');
    writeFileSync(join(ws, 'plans', 'plan.yaml'), onDisk);
    writeFileSync(join(ws, 'plans', 'laatuvahti.config.yaml'), 'rules:\n  staffing-described: off\n');
    writeFileSync(join(ws, 'other.yaml'), 'name: not a plan\n');
    const c = client({ rootUri: pathToFileURL(ws).href, initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const planUri = pathToFileURL(join(ws, 'plans', 'plan.yaml')).href;
    const report = async (locale?: string) => (await c.request<{ markdown: string } | null>('laatuvahti/complianceReport', { uri: planUri, ...(locale ? { locale } : {}) }))!.markdown;
    const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

    // Closed: read from disk.
    const fi = await report('fi');
    expect(fi.split('\n').slice(0, 3)).toEqual(['# Laatuvahti – tarkistusraportti', '', `1 suunnitelma tarkistettu ${new Date().toISOString().slice(0, 10)} voimassa olevien sääntöjen mukaan (laatuvahti 0.1.0).`]);
    expect(fi).toContain('\n## plans/plan.yaml\n\nOmavalvontasuunnitelma · SHA-256 `' + sha(onDisk) + '` · asetukset plans/laatuvahti.config.yaml\n');
    expect(fi).toMatch(/\n\| \[`staffing-described`\]\([^)]+\) [^|]+ \| [^|]+ \| ➖ pois käytöstä asetuksissa \|\n/);
    // One activity's finding suppressed (with its reason), the other's (no goals) standing.
    expect(fi).toMatch(/\n\| \[`social-activity-regular`\]\([^)]+\) Sosiaalista kanssakäymistä [^|]+ \| [^|]+ \(R39\) \| ☑️ vaiennettu \(1\) \|\n/);
    expect(fi).toMatch(/\n\| \[`social-activity-goal-oriented`\]\([^)]+\) Sosiaalista kanssakäymistä [^|]+ \| [^|]+ \(R39\) \| ❌ ei täyty \(1\) \|\n/);
    expect(fi).toMatch(/\n\| 14:7 \| virhe \| Toiminnalle "Kuoro" ei ole kirjattu tavoitteita \(goals\)[^|]* \| \[`social-activity-goal-oriented`\]/);
    expect(fi).toMatch(/\n\| 12:14 \| \[`social-activity-regular`\]\([^)]+\) \| Sovittu omaisen 131052-\*\*\*\* kanssa \|\n/);
    expect(fi).not.toContain('131052-308T');
    expect(fi).toMatch(/\n\| 6:3 \| varoitus \| Tuntematon avain "adress"\. Tarkoititko "address"\? \| \[`schema-unknown-key`\]/);

    // Open with unsaved changes: the report is of the editor text.
    await c.open(planUri, PLAN);
    const en = await report();
    expect(en).toContain('SHA-256 `' + sha(PLAN) + '`');
    expect(en).toMatch(/\n\| \[`social-activity-regular`\]\([^)]+\) [^|]+ \| [^|]+ \| ❌ not met \(1\) \|\n/);

    // Several documents: one report over the plans among them, in path order.
    writeFileSync(join(ws, 'b-plan.yaml'), PLAN.replace('Retket', 'Kesäretket'));
    const uris = [planUri, pathToFileURL(join(ws, 'other.yaml')).href, pathToFileURL(join(ws, 'b-plan.yaml')).href];
    const both = (await c.request<{ markdown: string }>('laatuvahti/complianceReport', { uris, locale: 'sv' })).markdown;
    expect(both).toContain('\n2 planer kontrollerade enligt reglerna som gäller ');
    expect(both.match(/^## .*$/gm)).toEqual(['## Reglerna i alla planer', '## b-plan.yaml', '## plans/plan.yaml']);
    expect(both).toMatch(/\n\| \[`social-activity-regular`\]\([^)]+\) [^|]+ \| 0 \| 2 \| 0 \| 0 \|\n/);

    expect(await c.request('laatuvahti/complianceReport', { uri: pathToFileURL(join(ws, 'other.yaml')).href })).toBeNull();
    expect(await c.request('laatuvahti/complianceReport', { uris: [pathToFileURL(join(ws, 'other.yaml')).href] })).toBeNull();
    expect(await c.request('laatuvahti/complianceReport', { uri: pathToFileURL(join(ws, 'missing.yaml')).href })).toBeNull();
    expect(await c.stop()).toBe(0);
  });
});

describe('robustness and pull diagnostics', () => {
  it('reports a failing check on that document, logs it, and keeps serving', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY }, env: { LAATUVAHTI_LSP_FAULT_MARKER: 'FAULT-MARKER-XYZ' } });
    await c.start();
    const logged = c.nextLog((m) => m.type === 1 && m.message.includes('fault injected'));
    const bad = await c.open(uriOf('faulty.yaml'), `${PLAN}# FAULT-MARKER-XYZ\n`);
    await logged;
    expect(bad.diagnostics.map(brief)).toEqual([{ code: 'check-failed', range: range(0, 0, 0, 0), severity: 1 }]);
    expect(bad.diagnostics[0]!.message).toContain('could not be checked');
    const good = await c.open(uriOf('healthy.yaml'), PLAN);
    expect(ours(good.diagnostics).length).toBe(4);
    const hover = await c.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: uriOf('healthy.yaml') }, position: { line: 6, character: 4 } });
    expect(hover.contents.value).toContain('unit.housingType');
    expect(await c.stop()).toBe(0);
  });

  it('answers textDocument/diagnostic when the client pulls, and pushes nothing for open plans', async () => {
    const c = client({
      initializationOptions: { debounceMs: 0, rules: MONTHLY },
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
    });
    const caps = await c.start();
    expect(caps.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
    const uri = uriOf('pulled.yaml');
    await c.openQuietly(uri, PLAN);
    const first = await c.request<{ kind: string; items: WireDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(first.kind).toBe('full');
    expect(ours(first.items).map(brief)[1]).toEqual({ code: 'social-activity-regular', range: range(10, 13, 10, 21), severity: 1 });
    await c.replace(uri, PLAN.replace('  adress: Tie 1\n', ''));
    const second = await c.request<{ items: WireDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(ours(second.items).map((d) => d.code)).toEqual(['social-activity-regular', 'social-activity-goal-oriented', 'schema-type']);
    expect(c.publishes.filter((p: Publish) => p.uri === uri)).toEqual([]);
    expect(await c.stop()).toBe(0);
  });
});

describe('hardening: privacy, odd edits, large plans', () => {
  type Sym = { name: string; children?: Sym[] };
  const names = (symbols: Sym[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);

  it('masks identity codes in diagnostics, hovers and document symbols, keys included', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const uri = uriOf('codes.yaml');
    // A key that is a code, a key and a name with a code glued to letters.
    const text = PLAN.replace('  name: Koti\n', '  name: Koti\n  131052-308T: asukas\n  Hetu120468-937R: asukas\n').replace('Retket', 'Retket hetu120468-937R');
    const published = await c.open(uri, text);
    const symbols = await c.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const unit = symbols.find((s) => s.name === 'unit')!;
    expect(unit.children!.map((s) => s.name)).toEqual(['name', '131052-****', 'Hetu120468-****', 'adress', 'housingType']);
    expect(names(symbols)).toContain('Retket hetu120468-****');
    const hovers = await Promise.all([5, 6, 11].map((line) => c.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } })));
    const everything = JSON.stringify([published, symbols, hovers]);
    expect(everything).not.toContain('131052-308T');
    expect(everything).not.toContain('120468-937R');
    expect(ours(published.diagnostics).filter((d) => d.code === 'schema-unknown-key').map((d) => d.range.start.line)).toEqual([5, 6, 7]);
    expect(await c.stop()).toBe(0);
  });

  it('takes an edit whose range lies past the end as an edit at the end, and publishes every version after it', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const uri = uriOf('past-the-end.yaml');
    await c.open(uri, PLAN);
    // PLAN has 14 lines and an empty 15th: line 40 lies past its end.
    let version = 2;
    let published = c.nextPublish((p) => p.uri === uri && p.version === version);
    await c.edit(uri, [{ range: range(40, 0, 41, 0), newText: 'notes: a\n' }]);
    const atEnd = await published;
    expect(ours(atEnd.diagnostics).filter((d) => d.code === 'schema-unknown-key').map((d) => d.range)).toEqual([range(5, 2, 5, 8), range(14, 0, 14, 5)]);
    // The next edit inside the text lands where the editor has it (the text is not doubled).
    version++;
    published = c.nextPublish((p) => p.uri === uri && p.version === version);
    await c.edit(uri, [{ range: range(3, 0, 3, 0), newText: '# yksikkö\n' }]);
    const inside = await published;
    expect(ours(inside.diagnostics).filter((d) => d.code === 'schema-unknown-key').map((d) => d.range)).toEqual([range(6, 2, 6, 8), range(15, 0, 15, 5)]);
    const symbols = await c.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['apiVersion', 'kind', 'language', 'unit', 'socialActivity', 'notes']);
    // A character past a line's end is that line's end.
    version++;
    published = c.nextPublish((p) => p.uri === uri && p.version === version);
    await c.edit(uri, [{ range: range(15, 50, 15, 60), newText: 'b' }]);
    expect(ours((await published).diagnostics).filter((d) => d.code === 'schema-unknown-key').map((d) => d.range)).toEqual([range(6, 2, 6, 8), range(15, 0, 15, 5)]);
    expect(await c.stop()).toBe(0);
  });

  it('checkFiles passes over a FIFO on disk at once (opening it for reading would wait forever) and checks the plans, UTF-16 too', async () => {
    const c = client({ initializationOptions: { debounceMs: 0, rules: MONTHLY } });
    await c.start();
    const fifo = join(dir, 'pipe.yaml');
    execSync(`mkfifo '${fifo}'`);
    writeFileSync(join(dir, 'beside-pipe.yaml'), PLAN);
    // A plan saved as UTF-16 (BE, with its byte order mark) is read as the CLI reads it.
    writeFileSync(join(dir, 'utf16.yaml'), Buffer.from(`\uFEFF${PLAN}`, 'utf16le').swap16());
    const logged = c.nextLog((m) => m.message.includes('pipe.yaml') && m.message.includes('not a regular file'));
    const { results } = await c.request<{ results: { uri: string; isPlan: boolean; diagnostics: WireDiagnostic[] }[] }>('laatuvahti/checkFiles', {
      uris: [pathToFileURL(fifo).href, uriOf('beside-pipe.yaml'), uriOf('utf16.yaml')],
    });
    await logged;
    expect(results.map((r) => [r.uri, r.isPlan])).toEqual([
      [pathToFileURL(fifo).href, false],
      [uriOf('beside-pipe.yaml'), true],
      [uriOf('utf16.yaml'), true],
    ]);
    expect(ours(results[1]!.diagnostics).map((d) => d.code)).toContain('social-activity-regular');
    expect(results[2]!.diagnostics).toEqual(results[1]!.diagnostics);
    expect(await c.stop()).toBe(0);
  });

  it('answers the outline of a 2.6 MB plan within an 88 MB heap (with yaml\'s own parse tree of it, 112 MB were needed)', async () => {
    // Measured on this plan: the server now answers with 64 MB of old space; with the features
    // parsing through yaml's parseDocument and an outline of every list item it ran out of
    // memory at 96 MB. The margin on each side keeps GC timing from deciding the outcome.
    const { generatePlan } = await import('../bench/generate-plan.mjs');
    const text = generatePlan(64_000);
    const c = client({ initializationOptions: { debounceMs: 0 }, env: { NODE_OPTIONS: '--max-old-space-size=88' } });
    await c.start();
    const uri = uriOf('large.yaml');
    await c.open(uri, text);
    const stopped = c.exited.then((code) => {
      throw new Error(`the server stopped (exit ${code}): ${c.serverStderr.slice(0, 300)}`);
    });
    const symbols = await Promise.race([c.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } }), stopped]);
    expect(symbols.map((s) => s.name).slice(0, 3)).toEqual(['apiVersion', 'kind', 'language']);
    // Long lists are cut in the outline: it is for finding a place, not a copy of the plan.
    const longest = Math.max(...symbols.flatMap((s) => [s, ...(s.children ?? [])]).map((s) => s.children?.length ?? 0));
    expect(longest).toBe(1000);
    expect(await c.stop()).toBe(0);
  }, 60_000);
});
