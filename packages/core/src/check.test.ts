/**
 * The pipeline on bad input: every case yields precise diagnostics (rule id and exact range)
 * and never an exception.
 */
import { describe, expect, it } from 'vitest';
import { check as checkShipped, checkDocument as checkDocumentShipped, type PublicCheckOptions } from './internal.js';
import { v1ActivityPack } from './testing/v1-pack.js';
import type { Diagnostic } from './types.js';

// The engine's behaviour, shown on the v1 activity rule (any unit, at most a month apart).
const check = (text: string, options: PublicCheckOptions = {}) => checkShipped(text, { pack: v1ActivityPack(), ...options });
const checkDocument = (text: string, options: PublicCheckOptions = {}) => checkDocumentShipped(text, { pack: v1ActivityPack(), ...options });

const TODAY = '2026-10-01';
const HEADER = 'apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\n';

/** `line:col-line:col ruleId` with 0-based positions, as the LSP sees them. */
function at(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.ruleId}`;
}

/** The engine's own findings: the rule pack's would drown these minimal documents. */
const BUILTIN = new Set(['yaml-syntax', 'schema-type', 'schema-unknown-key', 'rule-load', 'suppression-invalid']);

async function builtinFindings(text: string, locale: 'fi' | 'sv' | 'en' = 'en'): Promise<Diagnostic[]> {
  return (await check(text, { today: TODAY, locale })).filter((d) => BUILTIN.has(d.ruleId));
}

async function run(text: string, locale: 'fi' | 'sv' | 'en' = 'en'): Promise<string[]> {
  return (await builtinFindings(text, locale)).map(at);
}

describe('documents that are not plans', () => {
  it('reports an empty file on its first position', async () => {
    expect(await run('')).toEqual(['0:0-0:0 schema-type']);
    expect(await run('# only a comment\n')).toEqual(['0:0-0:0 schema-type']);
  });

  it('reports a top level that is not a mapping on the whole value', async () => {
    expect(await run('- a\n- b\n')).toEqual(['0:0-1:3 schema-type']);
    expect(await run('just text\n')).toEqual(['0:0-0:9 schema-type']);
  });

  it('reports a missing apiVersion and kind on the document anchor', async () => {
    const d = await check('unit: {}\n', { today: TODAY });
    expect(d.map((x) => x.messageId)).toEqual(['missingApiVersion', 'missingKind']);
    expect(d.map(at)).toEqual(['0:0-0:4 schema-type', '0:0-0:4 schema-type']);
  });

  it('suggests the known version and kind', async () => {
    const d = await check('apiVersion: laatuvahti/v2\nkind: SelfMonitoringPlna\n', { today: TODAY });
    expect(d.map(at)).toEqual(['0:12-0:25 schema-type', '1:6-1:24 schema-type']);
    expect(d.map((x) => x.suggestion)).toEqual(['laatuvahti/v1', 'SelfMonitoringPlan']);
    expect(d[1]!.message).toBe('Unknown kind "SelfMonitoringPlna". Did you mean "SelfMonitoringPlan"?');
  });
});

describe('syntax errors', () => {
  it('keeps the parser own range for a broken flow sequence', async () => {
    expect(await run(`${HEADER}unit: [a, b\nfoo: 1\n`)).toEqual(['3:0-3:1 yaml-syntax']);
  });

  it('explains common syntax errors in Finnish and Swedish', async () => {
    const fi = await builtinFindings(`${HEADER}unit:\n\thousingType: none\n`, 'fi');
    expect(fi[0]!.message).toBe('YAML-syntaksivirhe: Sisennyksessä on sarkain; käytä välilyöntejä.');
    const sv = await builtinFindings(`${HEADER}unit: {}\nunit: {}\n`, 'sv');
    expect(sv[0]!.message).toBe('YAML-syntaxfel: Samma nyckel förekommer två gånger på samma ställe.');
  });

  it('rejects tabs used for indentation', async () => {
    expect(await run(`${HEADER}unit:\n\thousingType: none\n`)).toEqual(['3:0-3:1 yaml-syntax']);
  });

  it('rejects duplicate keys', async () => {
    expect(await run(`${HEADER}unit: {}\nunit: {}\n`)).toEqual(['3:0-3:1 yaml-syntax']);
  });

  it('reports several documents in one file from the second one on', async () => {
    expect(await run(`${HEADER}---\nfoo: 1\n`)).toEqual(['2:0-4:0 yaml-syntax']);
  });

  it('caps alias expansion instead of expanding without bound', async () => {
    const refs = Array.from({ length: 150 }, () => '*a').join(', ');
    const d = await check(`${HEADER}a: &a [1, 2]\nb: [${refs}]\n`, { today: TODAY });
    expect(d.map((x) => `${x.ruleId} ${x.messageId}`)).toEqual(['yaml-syntax tooManyAliases']);
    expect(at(d[0]!)).toBe('1:0-1:4 yaml-syntax');
  });
});

describe('shapes', () => {
  it('reports wrong types, bad formats and unknown keys on the value or key', async () => {
    const text = `${HEADER}updated: 2026-13-01\nunit: 5\nresponsiblePersons: {a: 1}\nstaffing:\n  total: "six"\nfeedback:\n  - every: sometimes\nprice: 4\n`;
    const d = await builtinFindings(text);
    expect(d.map((x) => `${at(x)} ${x.messageId}`)).toEqual([
      '2:9-2:19 schema-type badDocumentDate',
      '3:6-3:7 schema-type wrongType',
      '4:20-4:26 schema-type wrongType',
      '6:9-6:14 schema-type wrongType',
      '8:4-8:20 schema-type requiredKey',
      '8:11-8:20 schema-type badInterval',
      '9:0-9:5 schema-unknown-key unknownKey',
    ]);
    expect(d[0]!.message).toBe('"updated": "2026-13-01" is not a date. Use YYYY-MM-DD, or YYYY-MM or YYYY where the document gives no day.');
    expect(d[1]!.message).toBe('"unit": expected a mapping, but the value is a number.');
    expect(d[4]!.message).toBe('The required key "from" is missing from "feedback[0]".');
  });

  it('takes a document date as precise as the document gives it: a day, a month or a year', async () => {
    for (const updated of ['2014-05-20', '2014-05', '2014', '"2014"']) {
      const d = await builtinFindings(`${HEADER}updated: ${updated}\n`);
      expect(d.filter((x) => x.ruleId.startsWith('schema-'))).toEqual([]);
    }
    const wrong = await builtinFindings(`${HEADER}updated: 2014-5\n`);
    expect(wrong.map((x) => `${at(x)} ${x.messageId}`)).toEqual(['2:9-2:15 schema-type badDocumentDate']);
    // Related plans' dates stay full days.
    const related = await builtinFindings(`${HEADER}relatedPlans:\n  medicationPlan: { updated: 2014 }\n`);
    expect(related.map((x) => `${x.ruleId} ${x.messageId}`)).toEqual(['schema-type wrongType']);
  });

  it('says that a merge key is not supported instead of suggesting a key, and offers no rename', async () => {
    const text = `${HEADER}responsiblePersons:\n  - &base\n    id: a\n    name: Liisa\n  - <<: *base\n    id: b\n`;
    const d = await builtinFindings(text);
    expect(d.map((x) => `${at(x)} ${x.messageId}`)).toEqual(['6:4-6:6 schema-unknown-key mergeKey']);
    expect(d[0]!.message).toBe('Merge keys ("<<") are not supported: write the keys out here in full. Laatuvahti reads the plan as written, so keys merged in from elsewhere are not taken into account.');
    expect(d[0]!.fix).toBeUndefined();
    expect((await builtinFindings(text, 'sv'))[0]!.message).toMatch(/^Sammanslagningsnycklar \("<<"\) stöds inte/);
  });

  it('suggests the closest enum value and key, with a fix hint', async () => {
    const d = await builtinFindings(`${HEADER}unit:\n  housingTyp: community-housin\n`);
    expect(d.map(at)).toEqual(['3:2-3:12 schema-unknown-key']);
    expect(d[0]!.fix).toEqual({ kind: 'renameKey', path: ['unit', 'housingTyp'], key: 'housingType' });
    const e = await builtinFindings(`${HEADER}unit:\n  housingType: community-housin\n`, 'fi');
    expect(e.map(at)).toEqual(['3:15-3:31 schema-type']);
    expect(e[0]!.message).toBe('"housingType": "community-housin" ei ole sallittu arvo. Tarkoititko "community-housing"?');
    expect(e[0]!.fix).toEqual({ kind: 'replaceValue', path: ['unit', 'housingType'], value: 'community-housing' });
  });

  it('reports a missing key of a list item on the item', async () => {
    const d = await builtinFindings(`${HEADER}responsiblePersons:\n  - name: Maija\n    title: Ohjaaja\n`);
    expect(d.filter((x) => x.ruleId === 'schema-type').map(at)).toEqual(['3:4-4:18 schema-type']);
  });
});

describe('exact positions across encodings', () => {
  it('keeps columns exact with CRLF line endings', async () => {
    const text = `${HEADER}unit:\n  housingType: community\n`.replace(/\n/g, '\r\n');
    expect(await run(text)).toEqual(['3:15-3:24 schema-type']);
  });

  it('drops a BOM so that first-line columns match the editor', async () => {
    expect(await run(`\uFEFFapiVersion: laatuvahti/v2\nkind: SelfMonitoringPlan\n`)).toEqual(['0:12-0:25 schema-type']);
  });

  it('reports text that was not UTF-8 (Windows-1252 decoded as UTF-8) once, on the first unreadable run, and checks on', async () => {
    const latin1 = Buffer.from(`${HEADER}unit:\n  name: Kotikallion yhteisöasunnot\n  housingType: x   # yhteisöllinen asuminen\n`, 'latin1');
    const text = latin1.toString('utf8');
    const d = await builtinFindings(text);
    expect(d.map((x) => `${at(x)} ${x.messageId}`)).toEqual(['3:26-3:27 yaml-syntax notUtf8', '4:15-4:16 schema-type badEnum']);
    expect(d[0]!.message).toBe('Characters in the file could not be read (2 shown as �, the first here): the file was probably saved in another encoding than UTF-8 (e.g. Windows-1252), which loses letters such as ä and ö. Save it as UTF-8.');
    expect(d[0]!.severity).toBe('error');
    expect((await builtinFindings('\uFFFD\uFFFDx: 1\n', 'fi')).map((x) => `${at(x)} ${x.messageId}`)[0]).toBe('0:0-0:2 yaml-syntax notUtf8');
    expect(await run(`${HEADER}unit:\n  name: Kotikallion yhteisöasunnot\n`)).toEqual([]);
  });

  it('counts columns in UTF-16 code units after non-ASCII text', async () => {
    const text = `${HEADER}unit:\n  name: Kotikallion yhteisöasunnot 🏠\n  housingType: x\n`;
    expect(await run(text)).toEqual(['4:15-4:16 schema-type']);
  });
});

describe('rules', () => {
  it('reports per-item findings on the item value and a missing key on the item', async () => {
    const text = `${HEADER}socialActivity:\n  activities:\n    - name: A\n      every: 2 months\n    - name: B\n`;
    const d = (await check(text, { today: TODAY })).filter((x) => x.ruleId === 'social-activity-regular');
    expect(d.map((x) => `${at(x)} ${x.messageId}`)).toEqual([
      '5:13-5:21 social-activity-regular tooRare',
      '6:6-6:13 social-activity-regular missingEvery',
    ]);
    expect(d[1]!.fix).toEqual({ kind: 'insertKey', parentPath: ['socialActivity', 'activities', 1], key: 'every' });
    expect(d[0]!.source?.requirements).toEqual(['R39']);
    expect(d[0]!.docsUrl).toMatch(/social-activity-regular/);
  });

  it('applies severity overrides and rule options from the config', async () => {
    const text = `${HEADER}socialActivity:\n  activities:\n    - name: A\n      every: 3 weeks\n`;
    const plain = await check(text, { today: TODAY });
    expect(plain.filter((x) => x.ruleId === 'social-activity-regular')).toEqual([]);
    const strict = await check(text, {
      today: TODAY,
      config: { rules: { 'social-activity-regular': { severity: 'warning', options: { maxInterval: '2 weeks' } } } },
    });
    const found = strict.filter((x) => x.ruleId === 'social-activity-regular');
    expect(found.map((x) => `${at(x)} ${x.severity}`)).toEqual(['5:13-5:20 social-activity-regular warning']);
    const off = await check(text, { today: TODAY, config: { rules: { 'social-activity-regular': 'off' } } });
    expect(off.filter((x) => x.ruleId === 'social-activity-regular')).toEqual([]);
  });

  it('reports config problems without applying them', async () => {
    const r = await checkDocument(`${HEADER}`, {
      today: TODAY,
      config: { rules: { 'social-activity-regulr': 'off', 'social-activity-regular': { options: { maxInterval: 'often' } } } },
    });
    expect(r.configDiagnostics.map((d) => d.diagnostic.message)).toEqual([
      'Invalid file: unknown rule "social-activity-regulr" (did you mean "social-activity-regular"?)',
      'Invalid file: option "maxInterval" of "social-activity-regular" must be a interval, got "often"',
    ]);
  });

  it('never prints a personal identity code in full', async () => {
    const text = `${HEADER}# asukas 150385-9024\nunit:\n  name: "Hoitaja 071131Y9545"\n`;
    const d = (await check(text, { today: TODAY })).filter((x) => x.ruleId === 'personal-id-in-public-document');
    expect(d.map(at)).toEqual(['2:9-2:20 personal-id-in-public-document', '4:17-4:28 personal-id-in-public-document']);
    for (const x of d) {
      expect(JSON.stringify(x)).not.toMatch(/9024|Y9545/);
    }
    expect(d[0]!.message).toContain('150385-****');
  });
});

describe('suppressions', () => {
  const base = `${HEADER}socialActivity:\n  activities:\n    - name: A\n`;
  const relevant = (list: Diagnostic[]) => list.filter((d) => d.ruleId === 'suppression-invalid' || d.ruleId === 'social-activity-regular');

  it('silences the next line with a reason and lists it as suppressed', async () => {
    const r = await checkDocument(`${base}      # laatuvahti-disable-next-line social-activity-regular -- Summer break agreed with residents\n      every: 2 months\n`, { today: TODAY });
    expect(relevant(r.diagnostics)).toEqual([]);
    expect(r.suppressed.map((d) => [at(d), d.suppressed?.justification])).toEqual([
      ['6:13-6:21 social-activity-regular', 'Summer break agreed with residents'],
    ]);
  });

  it('brings the finding back when until has passed, and says so', async () => {
    const r = await checkDocument(`${base}      # laatuvahti-disable-next-line social-activity-regular -- Summer break (until 2026-08-31)\n      every: 2 months\n`, { today: TODAY });
    expect(relevant(r.diagnostics).map((d) => `${at(d)} ${d.messageId}`)).toEqual([
      '5:6-5:95 suppression-invalid suppressionExpired',
      '6:13-6:21 social-activity-regular tooRare',
    ]);
  });

  it('takes a line inside a multi-line text that reads like the comment as text: it silences nothing', async () => {
    const block = `${base}      basedOn: |\n        Toive.\n        # laatuvahti-disable-next-line social-activity-regular -- not a comment\n      every: 2 months\n`;
    expect(relevant(await check(block, { today: TODAY })).map((x) => `${at(x)} ${x.messageId}`)).toEqual(['8:13-8:21 social-activity-regular tooRare']);
    const quoted = `${base}      basedOn: "Toive.\n        # laatuvahti-disable-next-line social-activity-regulr -- x"\n      every: 2 months\n`;
    expect(relevant(await check(quoted, { today: TODAY })).map((x) => `${at(x)} ${x.messageId}`)).toEqual(['7:13-7:21 social-activity-regular tooRare']);
  });

  it('reports a missing reason, an unknown rule and an unused suppression', async () => {
    const text = `${base}      # laatuvahti-disable-next-line social-activity-regular\n      every: 2 months\n      # laatuvahti-disable-next-line social-activity-regulr -- typo\n      location: in-unit\n      # laatuvahti-disable-next-line schema-type -- nothing here\n      goals: [x]\n`;
    const d = relevant(await check(text, { today: TODAY }));
    expect(d.map((x) => `${at(x)} ${x.messageId}`)).toEqual([
      '5:6-5:60 suppression-invalid suppressionNoReason',
      '6:13-6:21 social-activity-regular tooRare',
      '7:37-7:59 suppression-invalid suppressionUnknownRuleSuggest',
      '9:37-9:48 suppression-invalid suppressionUnused',
    ]);
    const typo = d.find((x) => x.messageId === 'suppressionUnknownRuleSuggest')!;
    expect(typo.message).toBe('The suppression names an unknown rule "social-activity-regulr". Did you mean "social-activity-regular"?');
    expect(typo.fix).toEqual({ kind: 'replaceText', value: 'social-activity-regular' });
    const far = await check(`${base}      # laatuvahti-disable-next-line no-such-thing-at-all -- why\n      every: 2 months\n`, { today: TODAY });
    expect(far.find((x) => x.ruleId === 'suppression-invalid')).toMatchObject({ messageId: 'suppressionUnknownRule', message: 'The suppression names an unknown rule "no-such-thing-at-all".' });
    expect(far.find((x) => x.ruleId === 'suppression-invalid')!.fix).toBeUndefined();
  });
});

describe('robustness', () => {
  it('never throws on hostile input', async () => {
    const inputs = ['\u0000\u0001', '{', ']]]', 'a: !!binary x', '? [a]\n: b', 'a: *missing', '%YAML 9.9\n---\na: 1', 'x'.repeat(100_000), `${HEADER}<<: {a: 1}\n`];
    for (const text of inputs) {
      const d = await check(text, { today: TODAY });
      expect(Array.isArray(d)).toBe(true);
      expect(d.length).toBeGreaterThan(0);
    }
  });

  it('checks a 10 MB file', async () => {
    const item = '    - name: Muistelupiiri\n      every: 2 months\n';
    const count = Math.ceil((10 * 1024 * 1024) / item.length);
    const text = `${HEADER}socialActivity:\n  activities:\n${item.repeat(count)}`;
    const d = await check(text, { today: TODAY });
    expect(d.filter((x) => x.ruleId === 'social-activity-regular').length).toBe(count);
  }, 120_000);

  it('gives every concurrent check all of its findings (runs on one Engine never overlap)', async () => {
    const texts = Array.from({ length: 20 }, (_, i) => `${HEADER}socialActivity:\n  activities:\n${'    - name: A\n      every: 2 months\n'.repeat(i + 1)}`);
    const results = await Promise.all(texts.map((t) => check(t, { today: TODAY })));
    results.forEach((d, i) => expect(d.filter((x) => x.ruleId === 'social-activity-regular').length).toBe(i + 1));
  });
});

describe('empty values', () => {
  it('points a key with no value at the key, not at a zero-width spot', async () => {
    const d = await builtinFindings(`${HEADER}unit:\n  housingType:\n  name: x\n`);
    expect(d.map(at)).toEqual(['3:2-3:13 schema-type']);
  });
});

describe('memo across checks of one document', () => {
  it('gives the same findings with and without a memo, through edits, and re-evaluates changed items only', async () => {
    const { RunMemo, checkWithPack } = await import('./internal.js');
    const pack = v1ActivityPack();
    const memo = new RunMemo();
    const versions = [
      `${HEADER}unit:\n  housingType: community-housing\nsocialActivity:\n  activities:\n    - { name: A, every: 2 months }\n    - { name: B, every: week }\n`,
      `${HEADER}unit:\n  housingType: community-housing\nsocialActivity:\n  activities:\n    - { name: A, every: week }\n    - { name: B, every: week }\n`,
      `${HEADER}unit:\n  housingType: supported-housing\nsocialActivity:\n  activities:\n    - { name: A, every: week }\n    - { name: B, every: 3 months }\n`,
      `${HEADER}unit:\n  housingType: supported-housing\nsocialActivity:\n  activities:\n    - { name: B, every: 3 months }\n`,
    ];
    for (const text of versions) {
      const plain = await checkWithPack(pack, text, { today: TODAY });
      const memoised = await checkWithPack(pack, text, { today: TODAY, memo });
      expect(memoised.diagnostics).toEqual(plain.diagnostics);
      const again = await checkWithPack(pack, text, { today: TODAY, memo });
      expect(again.diagnostics).toEqual(plain.diagnostics);
    }
    // Editing one activity re-runs the engine for that activity only.
    const scope = pack.scopes.SelfMonitoringPlan.find((x) => x.each === 'socialActivity.activities[*]')!;
    const run = scope.engine.run.bind(scope.engine);
    let calls = 0;
    scope.engine.run = ((...args: Parameters<typeof run>) => {
      calls++;
      return run(...args);
    }) as typeof run;
    try {
      const base = `${HEADER}socialActivity:\n  activities:\n    - { name: A, every: week }\n    - { name: B, every: week }\n    - { name: C, every: week }\n`;
      await checkWithPack(pack, base, { today: TODAY, memo });
      calls = 0;
      await checkWithPack(pack, base.replace('name: B, every: week', 'name: B, every: 2 months'), { today: TODAY, memo });
      expect(calls).toBe(1);
    } finally {
      scope.engine.run = run;
    }
    // Only the current version's subjects are kept.
    const kept = [...memo.entries.values()].reduce((n, m) => n + m.subjects.size, 0);
    expect(kept).toBeLessThan(10);
  });
});
