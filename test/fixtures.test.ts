/**
 * Whole realistic documents in fixtures/, checked through the public API (`check` with the
 * bundled pack; run `npm run gen` after changing rules/ so the bundle is current):
 * - compliant/ gives no finding at all on the document's own `updated` date;
 * - broken/, syntax/ and shapes/ give exactly the listed findings (`line:col rule-id`, 1-based),
 *   and a few key findings are pinned to their exact range, message id and wording.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, getDefaultPack, type Diagnostic } from '@laatuvahti/core/internal';

const fixturesDir = join(__dirname, '..', 'fixtures');
/** The date broken, syntax and shape fixtures are checked on. */
const TODAY = '2026-11-23';

function read(relative: string): string {
  return readFileSync(join(fixturesDir, relative), 'utf8');
}

function yamlFilesIn(dir: string): string[] {
  return readdirSync(join(fixturesDir, dir)).filter((f) => f.endsWith('.yaml')).sort();
}

/** `line:col rule-id` of the finding's start, 1-based. */
function startOf(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.ruleId}`;
}

/** `line:col-line:col rule-id messageId`, 1-based. */
function rangeOf(d: Diagnostic): string {
  const r = d.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.ruleId} ${d.messageId}`;
}

function find(list: Diagnostic[], ruleId: string, messageId: string): Diagnostic {
  const found = list.find((d) => d.ruleId === ruleId && d.messageId === messageId);
  expect(found, `${ruleId} ${messageId}`).toBeDefined();
  return found!;
}

describe('bundled pack', () => {
  it('is current: it holds the rules the fixtures rely on (run `npm run gen` if not)', () => {
    const ids = [...getDefaultPack().rules.keys()];
    for (const id of ['service-description-sections', 'legal-basis-in-force', 'kvank-criteria-listed', 'social-activity-regular']) {
      expect(ids).toContain(id);
    }
    expect([...getDefaultPack().references.keys()].sort()).toEqual(expect.arrayContaining(['kvank-criteria', 'law-sections', 'laws']));
  });
});

describe('compliant fixtures', () => {
  const files = yamlFilesIn('compliant');

  it('are the two examples of the format', () => {
    expect(files).toEqual(['self-monitoring-plan.fi.yaml', 'service-description.fi.yaml']);
  });

  // The format contract (docs/plan-format.md): the compliant fixtures are its two examples,
  // byte for byte.
  const specPath = join(__dirname, '..', 'docs', 'plan-format.md');
  it('are the two examples of plan-format.md, verbatim', () => {
    const spec = readFileSync(specPath, 'utf8');
    const blocks = [...spec.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toContain(read('compliant/self-monitoring-plan.fi.yaml'));
    expect(blocks).toContain(read('compliant/service-description.fi.yaml'));
  });

  for (const file of files) {
    for (const locale of ['en', 'fi', 'sv'] as const) {
      it(`${file} has no finding on its updated date (${locale})`, async () => {
        const text = read(`compliant/${file}`);
        const updated = /^updated: (\d{4}-\d{2}-\d{2})/m.exec(text)?.[1];
        expect(updated).toBeDefined();
        expect((await check(text, { today: updated!, locale })).map(rangeOf)).toEqual([]);
        expect((await check(text, { today: updated!, locale, config: { extends: 'laatuvahti:strict' } })).map(rangeOf)).toEqual([]);
      });
    }
  }
});

/** Every broken, syntax and shape fixture with exactly the findings it must give on TODAY. */
const expected: Record<string, string[]> = {
  'broken/omavalvontasuunnitelma-puutteellinen.fi.yaml': [
    '9:15 business-id-invalid',
    '23:17 community-housing-premises',
    '67:22 social-activity-responsible-person',
    '101:1 reporting-duty-procedure',
    '106:1 client-rights-described',
    '106:1 feedback-from-all-groups',
    '106:1 risk-management-described',
    '114:20 plan-published',
    '120:11 monitoring-report-cadence',
    '121:25 personal-id-in-public-document',
    '125:16 individual-plan-review-cadence',
  ],
  'broken/plan-for-egenkontroll-bristfallig.sv.yaml': [
    '45:1 supported-housing-includes-social-guidance',
    '64:10 staffing-described',
    '69:3 staff-sufficiency-monitored',
    '81:1 client-rights-described',
    '81:1 plan-authority-guidance-considered',
    '81:1 risk-management-described',
    '82:50 feedback-overdue',
    '105:1 documentation-systems-named',
    '108:1 related-plans-referenced',
  ],
  'broken/seed-003-palvelukuvaus.fi.yaml': [
    '18:33 legal-basis-in-force',
    '19:14 legal-basis-in-force',
    '71:1 kvank-criteria-listed',
    '74:1 outcome-monitoring',
  ],
  'broken/tjanstebeskrivning-bristfallig.sv.yaml': [
    '16:14 legal-basis-in-force',
    '23:1 self-determination-supported',
    '30:10 staff-count-consistent',
    '51:33 groups-within-opening-hours',
    '55:20 kvank-criteria-listed',
    '61:1 price-stated',
    '66:5 price-stated',
    '71:44 responsibility-matrix',
    '75:40 individual-action-plan-review-cadence',
    '76:3 client-feedback-annual',
  ],
  'syntax/palvelukuvaus-sisennysvirhe.fi.yaml': [
    '7:9 yaml-syntax',
    '7:9 yaml-syntax',
  ],
  'shapes/omavalvontasuunnitelma-vaarat-tyypit.fi.yaml': [
    '5:10 schema-type',
    '16:1 plan-responsible-person-assigned',
    '19:16 schema-type',
    '21:19 schema-type',
    '28:1 schema-unknown-key',
    '83:14 schema-type',
    '88:10 schema-type',
    '106:1 client-rights-described',
    '106:1 risk-management-described',
    '109:5 feedback-from-all-groups',
    '109:20 schema-unknown-key',
    '116:3 schema-unknown-key',
  ],
};

describe('broken, syntax and shape fixtures', () => {
  it('every fixture file has an expected list, and every list a file', () => {
    const files = ['broken', 'syntax', 'shapes'].flatMap((dir) => yamlFilesIn(dir).map((f) => `${dir}/${f}`));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  // The lists are the strict rule set's findings; the default set leaves the practice rules out.
  const practice = new Set([...getDefaultPack().rules.values()].filter((r) => r.definition.basis === 'practice').map((r) => r.definition.id));
  for (const [file, lines] of Object.entries(expected)) {
    it(`${file} gives exactly its findings`, async () => {
      const found = await check(read(file), { today: TODAY, config: { extends: 'laatuvahti:strict' } });
      expect(found.map(startOf)).toEqual(lines);
      const recommended = await check(read(file), { today: TODAY });
      expect(recommended.map(startOf)).toEqual(lines.filter((l) => !practice.has(l.split(' ')[1]!)));
    });
  }

  it('the designed broken documents report several different rules each', () => {
    for (const [file, lines] of Object.entries(expected)) {
      // seed 003 is a faithful encoding of a real description, not a designed broken one.
      if (!file.startsWith('broken/') || file.includes('seed-003')) continue;
      expect(new Set(lines.map((l) => l.split(' ')[1])).size, file).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('key findings: exact ranges and wording', () => {
  it('seed 003: the law cited for 27 e and the rewritten special-care section', async () => {
    const found = await check(read('broken/seed-003-palvelukuvaus.fi.yaml'), { today: TODAY, locale: 'fi', config: { extends: 'laatuvahti:strict' } });
    const notInLaw = find(found, 'legal-basis-in-force', 'notInLaw');
    expect(rangeOf(notInLaw)).toBe('19:14-19:23 legal-basis-in-force notInLaw');
    expect(notInLaw.severity).toBe('error');
    expect(notInLaw.message).toBe(
      'Laissa 1301/2014 (sosiaalihuoltolaki) ei ole 27 e §:ää. Tarkoititko lakia 710/1982 (vanha sosiaalihuoltolaki)? Sen 27 e § (työtoiminta) on yhä voimassa. Korjaa lain numero.',
    );
    const narrowed = find(found, 'legal-basis-in-force', 'demandingSupportOnly');
    expect(rangeOf(narrowed)).toBe('18:33-18:36 legal-basis-in-force demandingSupportOnly');
    expect(narrowed.message).toContain('vaativaa moniammatillista tukea');
    expect(narrowed.message).toContain('demandingMultiprofessionalSupport: true');
    expect(rangeOf(find(found, 'outcome-monitoring', 'missingEvery'))).toBe('74:1-74:18 outcome-monitoring missingEvery');
  });

  it('seed 003 before 2025: special care still covered the groups, 27 e was never in 1301/2014', async () => {
    const found = await check(read('broken/seed-003-palvelukuvaus.fi.yaml'), { today: '2024-06-01' });
    expect(found.filter((d) => d.ruleId === 'legal-basis-in-force').map(rangeOf)).toEqual(['19:14-19:23 legal-basis-in-force notInLaw']);
  });

  it('seed 003 with the legal basis corrected is compliant', async () => {
    const fixed = read('broken/seed-003-palvelukuvaus.fi.yaml')
      .replace('{ law: 519/1977, section: "2" }', '{ law: 675/2023, section: "25" }')
      .replace('{ law: 1301/2014, section: "27 e" }', '{ law: 710/1982, section: "27 e" }')
      .replace('  framework: KVANK ', '  framework: KVANK\n  criteria: [1, 3, 6, 10]')
      .replace('kerätään palautetta.\n', 'kerätään palautetta.\n  every: 6 months\n');
    expect((await check(fixed, { today: TODAY })).map(rangeOf)).toEqual([]);
  });

  it('Finnish plan: the identity code is reported masked, in Finnish', async () => {
    const found = await check(read('broken/omavalvontasuunnitelma-puutteellinen.fi.yaml'), { today: TODAY, locale: 'fi' });
    const hetu = find(found, 'personal-id-in-public-document', 'personalId');
    expect(rangeOf(hetu)).toBe('121:25-121:36 personal-id-in-public-document personalId');
    expect(hetu.message).toContain('150385-****');
    for (const d of found) expect(d.message).not.toContain('150385-9024');
    expect(rangeOf(find(found, 'business-id-invalid', 'badCheckDigit'))).toBe('9:15-9:24 business-id-invalid badCheckDigit');
  });

  it('Swedish service description: findings in Swedish at the offending value', async () => {
    const found = await check(read('broken/tjanstebeskrivning-bristfallig.sv.yaml'), { today: TODAY, locale: 'sv', config: { extends: 'laatuvahti:strict' } });
    const hours = find(found, 'groups-within-opening-hours', 'outsideHours');
    expect(rangeOf(hours)).toBe('51:33-51:46 groups-within-opening-hours outsideHours');
    expect(hours.severity).toBe('info') // one unit's practice (Savoset), on in laatuvahti:strict;
    expect(hours.message).toBe(
      'Gruppen "Simning" träffas 13:00-15:00 (fri), men enheten har då öppet endast 08:30-14:00 (openingHours.fri): flytta gruppens tid till öppettiden eller rätta öppettiden.',
    );
    const repealed = find(found, 'legal-basis-in-force', 'lawRepealed');
    expect(rangeOf(repealed)).toBe('16:14-16:22 legal-basis-in-force lawRepealed');
    expect(repealed.message).toContain('har ersatts av lag 675/2023');
    expect(rangeOf(find(found, 'responsibility-matrix', 'actionPlanNotProducer'))).toBe('71:44-71:56 responsibility-matrix actionPlanNotProducer');
    expect(find(found, 'staff-count-consistent', 'rolesDiffer').message).toContain('är sammanlagt 7');
  });

  it('syntax error: the parser\'s own range, and nothing else is checked', async () => {
    const found = await check(read('syntax/palvelukuvaus-sisennysvirhe.fi.yaml'), { today: TODAY });
    expect(found.map(rangeOf)).toEqual(['7:9-7:10 yaml-syntax syntax', '7:9-8:11 yaml-syntax syntax']);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });

  it('shapes: a wrong enum value gets a "did you mean", a misspelt key its closest known key', async () => {
    const found = await check(read('shapes/omavalvontasuunnitelma-vaarat-tyypit.fi.yaml'), { today: TODAY });
    const housing = find(found, 'schema-type', 'badEnumSuggest');
    expect(rangeOf(housing)).toBe('19:16-19:32 schema-type badEnumSuggest');
    expect(housing.message).toContain('"community-housing"');
    const key = find(found, 'schema-unknown-key', 'unknownKeySuggest');
    expect(rangeOf(key)).toBe('28:1-28:18 schema-unknown-key unknownKeySuggest');
    expect(key.severity).toBe('warning');
    expect(key.message).toContain('"responsiblePersons"');
  });
});
