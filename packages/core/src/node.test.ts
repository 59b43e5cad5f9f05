import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPack, loadPackForRuleTests, loadRuleDir, runRuleCases, SettingsResolver } from './node.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'laatuvahti-resolver-'));
  dirs.push(dir);
  return dir;
}

describe('SettingsResolver', () => {
  it('resolves a folder of plans under one config once, and again after the config changes', () => {
    const dir = folder();
    const config = join(dir, 'laatuvahti.config.yaml');
    writeFileSync(config, 'rules:\n  social-activity-regular: warning\n');
    const resolver = new SettingsResolver();
    const a = resolver.forFile(join(dir, 'a.yaml'));
    const b = resolver.forFile(join(dir, 'sub', 'b.yaml'));
    expect(b).toBe(a);
    expect(a.configFile).toBe(config);
    expect(a.settings.severities.get('social-activity-regular')).toBe('warning');

    writeFileSync(config, 'rules:\n  social-activity-regular: off\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(config, later, later);
    const c = resolver.forFile(join(dir, 'a.yaml'));
    expect(c).not.toBe(a);
    expect(c.settings.severities.get('social-activity-regular')).toBe('off');
  });

  it("keeps a config file's plain severity when the caller sets only options of that rule", () => {
    const dir = folder();
    writeFileSync(join(dir, 'laatuvahti.config.yaml'), 'rules:\n  social-activity-regular: off\n');
    const resolver = new SettingsResolver({ rules: { 'social-activity-regular': { options: { maxInterval: 'month' } } } });
    const s = resolver.forFile(join(dir, 'a.yaml'));
    expect(s.settings.severities.get('social-activity-regular')).toBe('off');
    expect(s.settings.options['social-activity-regular']).toEqual({ maxInterval: 'month' });
  });

  it('keeps plans without a config apart from plans under one, and starts afresh after invalidate()', () => {
    const withConfig = folder();
    writeFileSync(join(withConfig, 'laatuvahti.config.yaml'), 'locale: fi\n');
    const resolver = new SettingsResolver();
    const plain = resolver.forFile(join(folder(), 'plan.yaml'));
    const configured = resolver.forFile(join(withConfig, 'plan.yaml'));
    expect([plain.locale, configured.locale]).toEqual(['en', 'fi']);
    expect(resolver.forFile(join(folder(), 'other.yaml'))).toBe(plain);
    resolver.invalidate();
    expect(resolver.forFile(join(folder(), 'plan.yaml'))).not.toBe(plain);
  });
});

describe('rule folders with an id already taken', () => {
  const shipped = join(__dirname, '..', '..', '..', 'rules', 'social-activity-regular');

  it('loadPack skips a local rule that reuses a shipped id, and says so', () => {
    const dir = folder();
    cpSync(shipped, join(dir, 'social-activity-regular'), { recursive: true });
    const { pack, diagnostics } = loadPack([dir]);
    expect(diagnostics.map((d) => d.diagnostic.message)).toEqual([expect.stringContaining('rule id "social-activity-regular" is already defined; give the local rule its own id')]);
    expect(pack.rules.get('social-activity-regular')!.origin).toBeUndefined();
  });

  it('a rule reports nothing where its appliesWhen does not hold, so its invalid cases fail', async () => {
    const dir = folder();
    const ruleDir = join(dir, 'community-housing-premises');
    cpSync(join(__dirname, '..', '..', '..', 'rules', 'community-housing-premises'), ruleDir, { recursive: true });
    const file = join(ruleDir, 'rule.yaml');
    const yaml = readFileSync(file, 'utf8');
    // The checks still fire for community housing, but the rule now claims to concern only units without housing.
    writeFileSync(file, yaml.replace('value: community-housing }\n', 'value: none }\n'));
    expect(readFileSync(file, 'utf8')).not.toBe(yaml);
    const { pack, diagnostics } = loadPackForRuleTests([dir]);
    expect(diagnostics).toEqual([]);
    const results = await runRuleCases(pack, 'community-housing-premises', ruleDir);
    const invalid = results.filter((r) => r.kind === 'invalid');
    expect(invalid.length).toBeGreaterThan(0);
    for (const r of invalid) expect(r).toMatchObject({ ok: false, actual: [], problem: 'an invalid case, but community-housing-premises reports nothing' });
    // The shipped rule's own cases agree with its appliesWhen.
    const shippedResults = await runRuleCases(loadPackForRuleTests([]).pack, 'community-housing-premises', join(__dirname, '..', '..', '..', 'rules', 'community-housing-premises'));
    expect(shippedResults.every((r) => r.ok)).toBe(true);
  });

  it('loadPackForRuleTests lets a tested rule replace the shipped one, but not a second tested folder', () => {
    const [a, b] = [folder(), folder()];
    for (const d of [a, b]) cpSync(shipped, join(d, 'social-activity-regular'), { recursive: true });
    const { pack, tested, diagnostics } = loadPackForRuleTests([a, b]);
    expect(diagnostics.map((d) => d.diagnostic.message)).toEqual([expect.stringContaining('rule id "social-activity-regular" is already defined in another folder being tested')]);
    expect(tested.map((r) => r.origin)).toEqual([join(a, 'social-activity-regular')]);
    expect(pack.rules.get('social-activity-regular')!.origin).toBe(join(a, 'social-activity-regular'));
  });
});

describe('rule folders with links out of them', () => {
  it('refuses a rule file or a reference file that is a link out of the rules folder, and follows links inside it', () => {
    const root = join(__dirname, '..', '..', '..', 'rules');
    const elsewhere = folder();
    cpSync(join(root, 'adverse-event-procedure'), join(elsewhere, 'rule'), { recursive: true });
    writeFileSync(join(elsewhere, 'rule', 'rule.yaml'), readFileSync(join(elsewhere, 'rule', 'rule.yaml'), 'utf8').replace('id: adverse-event-procedure', 'id: linked-rule'));
    writeFileSync(join(elsewhere, 'extra.yaml'), readFileSync(join(root, 'reference', 'laws.yaml'), 'utf8'));

    const dir = folder();
    mkdirSync(join(dir, 'linked-rule'));
    symlinkSync(join(elsewhere, 'rule', 'rule.yaml'), join(dir, 'linked-rule', 'rule.yaml'));
    mkdirSync(join(dir, 'reference'));
    symlinkSync(join(elsewhere, 'extra.yaml'), join(dir, 'reference', 'extra.yaml'));
    const { source, diagnostics } = loadRuleDir(dir);
    expect(source.rules).toEqual([]);
    expect(source.references).toEqual([]);
    expect(diagnostics.map((d) => [d.uri, d.diagnostic.ruleId, d.diagnostic.message])).toEqual([
      [pathToFileURL(join(dir, 'linked-rule', 'rule.yaml')).href, 'rule-load', expect.stringContaining(`this is a link to ${join(elsewhere, 'rule', 'rule.yaml')}, outside the rules folder ${dir}, and is not loaded`)],
      [pathToFileURL(join(dir, 'reference', 'extra.yaml')).href, 'rule-load', expect.stringContaining(`this is a link to ${join(elsewhere, 'extra.yaml')}, outside the rules folder ${dir}`)],
    ]);

    // The same files moved inside the folder, linked from within it: loaded.
    rmSync(join(dir, 'linked-rule', 'rule.yaml'));
    rmSync(join(dir, 'reference', 'extra.yaml'));
    mkdirSync(join(dir, 'store'));
    cpSync(join(elsewhere, 'rule', 'rule.yaml'), join(dir, 'store', 'linked-rule.yaml'));
    symlinkSync(join(dir, 'store', 'linked-rule.yaml'), join(dir, 'linked-rule', 'rule.yaml'));
    const inside = loadRuleDir(dir);
    expect(inside.diagnostics).toEqual([]);
    expect(inside.source.rules.map((r) => r.definition.id)).toEqual(['linked-rule']);
  });
});
