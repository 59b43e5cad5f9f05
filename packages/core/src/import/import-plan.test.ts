import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { check } from '../internal.js';
import { decodeSourceText, importPlan, type ImportResult } from './import-plan.js';
import { ImportError } from './import-error.js';
import { markdownBlocks, htmlBlocks, textBlocks } from './blocks.js';
import { normalizeHeading, headingFor } from './headings.js';

const FIXTURES = join(__dirname, '../../../../fixtures/import');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The words of a text (letters and digits), as the "nothing lost" assertions compare them. */
function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words of `source` that the draft does not contain anywhere (values or comments). */
function lostWords(source: string, draft: string): string[] {
  const have = new Set(words(draft));
  return [...new Set(words(source))].filter((w) => !have.has(w));
}

/** Format values the importer reads from the text (enums, dates, its own ids), never text of the source. */
const FORMAT_VALUES = /^(?:laatuvahti\/v1|SelfMonitoringPlan|ServiceDescription|fi|sv|en|valvira-2014|valvira-2024|outpatient|producer|commissioner|client|travel-costs|travel-within-programme|group-costs|individual-action-plan|service-plan|vastuuhenkilo|\d{4}-\d{2}-\d{2})$/;

/** Every string of the draft is the source's own text, paragraph by paragraph (or a format value). */
function expectNothingInvented(source: string, draft: string): void {
  const flat = source.replace(/\s+/g, ' ');
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(parse(draft));
  for (const value of strings) {
    if (FORMAT_VALUES.test(value)) continue;
    for (const paragraph of value.split(/\n+/)) expect(flat).toContain(paragraph.replace(/^- /, '').replace(/\s+/g, ' '));
  }
}

/** The draft must be YAML that the checker reads without a syntax or shape finding. */
async function expectValidDraft(result: ImportResult): Promise<void> {
  const diagnostics = await check(result.text, { today: '2026-10-01' });
  expect(diagnostics.filter((d) => d.ruleId === 'yaml-syntax' || d.ruleId.startsWith('schema-')).map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
}

describe('importPlan: seed 003, a service description in plain text', () => {
  const source = read('savoset-palvelukuvaus.txt');

  it('finds every heading and fills the keys the sections name', async () => {
    const r = await importPlan({ format: 'txt', text: source }, { sourceName: 'savoset-palvelukuvaus.txt' });
    expect(r.kind).toBe('ServiceDescription');
    expect(r.language).toBe('fi');
    expect(r.headings.map((h) => [h.text, h.recognised])).toEqual([
      ['PALVELUKUVAUS:', true],
      ['Palvelun nimi ja kohderyhmä:', true],
      ['Tarkoitus, tavoite ja hyödyt:', true],
      ['Palvelun sisältö:', true],
      ['Palvelun hinta:', true],
      ['Palveluun sisältyy:', true],
      ['Palveluprosessin vastuut:', true],
      ['Palvelun arviointi, seuranta ja mittaus:', true],
      ['Dokumentointi:', true],
    ]);
    const plan = parse(r.text);
    expect(plan.unit).toEqual({ name: 'Mikkelin Savoset monipalvelukeskus', address: 'Työkeskuksenkatu 2, 50170 Mikkeli' });
    expect(plan.serviceGroup).toBe('outpatient');
    expect(plan.service.name).toBe('Osallisuutta tukevat jalkautuvat vertaistuelliset ryhmät');
    expect(plan.service.targetGroup).toMatch(/^Toiminnalliset ryhmät ja vertaistukiryhmät\n\nOsallisuutta tukevat/);
    expect(plan.purpose.benefits).toMatch(/^Tavoitteena on tarjota/);
    expect(plan.content).toContain('- luovan toiminnan ryhmät\n- liikuntaryhmät ja hyvinvointiryhmät');
    expect(plan.price).toEqual({ includedInDailyPrice: true });
    expect(plan.includes).toHaveLength(1);
    expect(plan.responsibilities).toEqual([
      { item: 'travel-costs', party: 'producer' },
      { item: 'travel-within-programme', party: 'producer' },
      { item: 'group-costs', party: 'producer' },
      { item: 'individual-action-plan', party: 'producer' },
      { item: 'service-plan', party: 'commissioner' },
    ]);
    expect(plan.documentation).toEqual({ clientRecords: 'Life Care -asiakastietojärjestelmä', incidentReporting: 'Haipro-ohjelma' });
    // The evaluation section has no key of its own: its two paragraphs are kept under it.
    expect(plan.importedText).toEqual([{ heading: 'Palvelun arviointi, seuranta ja mittaus:', text: expect.stringMatching(/^Yksilöllinen toimintasuunnitelma[^]*\n\nAsiakkaat ja läheiset/) }]);
    expect(r.stats).toEqual({ paragraphs: { mapped: 24, kept: 2 }, words: { mapped: 336, kept: 30 } });
    await expectValidDraft(r);
  });

  it('loses no word and marks every guess on its line', async () => {
    const r = await importPlan({ format: 'txt', text: source });
    expect(lostWords(source, r.text)).toEqual([]);
    expect(r.text).toContain('serviceGroup: outpatient  # tarkista: kentästä "PALVELURYHMÄ: Avopalvelut"');
    expect(r.text).toContain('    party: commissioner  # tarkista: "X" sarakkeessa "TILAAJA"');
    expect(r.text).toContain('includedInDailyPrice: true  # tarkista: päätelty tekstistä "Sisältyy päivähintaan."');
    expect(r.text).toContain('kind: ServiceDescription  # tarkista: laji päätelty otsikoista');
    // Every value taken from the source is the source's own text.
    const plan = parse(r.text);
    for (const value of [plan.unit.name, plan.unit.address, plan.service.name, plan.content, plan.documentation.clientRecords]) expect(source).toContain(value.split('\n')[0]);
    expectNothingInvented(source, r.text);
    expect(r.guesses).toBe(r.text.split('\n').filter((l) => /^\s+.*  # tarkista: |^[a-z].*  # tarkista: /.test(l)).length);
  });
});

describe('importPlan: real self-monitoring plans', () => {
  it('Eijuska (Markdown, the 2014 structure): provider fields, operating idea, values, risks', async () => {
    const source = read('eijuska-omavalvontasuunnitelma.md');
    const r = await importPlan({ format: 'md', text: source });
    expect(r.kind).toBe('SelfMonitoringPlan');
    expect(r.headings.map((h) => [h.text, h.recognised, h.keys])).toEqual([
      ['1. Palveluntuottajaa koskevat tiedot (4.1.1)', true, ['importedText', 'provider', 'unit']],
      // The source's typo ("toimintaperitaatteet") is still the 2014 structure's heading.
      ['2. Toiminta-ajatus, arvot ja toimintaperitaatteet (4.1.2)', true, []],
      ['Toiminta-ajatus', true, ['operatingIdea']],
      ['Arvot ja toimintaperiaatteet', true, ['principles']],
      ['3. Riskinhallinta (4.1.3)', true, []],
      ['Riskien tunnistaminen ja käsitteleminen', true, ['riskManagement.assessment']],
    ]);
    const plan = parse(r.text);
    expect(plan.template).toBe('valvira-2014');
    expect(plan.provider).toEqual({ name: 'Sanna Aaltonen', businessId: '2960105-3' });
    // The phone and e-mail follow the unit's address and no responsible person is named: the unit's.
    expect(plan.unit).toEqual({ address: '37800 AKAA, Kivimetsä 5', contact: { phone: '041 319 9311', email: 'Eijuska69@gmail.com' } });
    expect(plan.operatingIdea).toMatch(/^Eijuskan koti- ja hoivapalvelu on perustettu/);
    expect(plan.principles).toMatch(/^Eijuskan arvot: asiakaslähtöisyys/);
    expect(plan.riskManagement.assessment).toMatch(/^Tunnistan ja arvoin riskit/);
    expect(plan.responsiblePersons).toBeUndefined();
    expect(r.text).toContain('phone: 041 319 9311  # tarkista: kentästä "Puhelin"');
    // The street-address field says there is no unit: not an address, so not picked.
    expect(plan.importedText[1].text).toContain('Toimintayksikön katuosoite: Ei toimintayksikköä');
    expect(lostWords(source.replace(/<!--[^]*?-->/g, ''), r.text)).toEqual([]);
    expectNothingInvented(source, r.text);
    expect(r.text).toContain('businessId: 2960105-3  # tarkista: kentästä "Palveluntuottajan Y-tunnus"');
    await expectValidDraft(r);
  });

  it('Lastenkoti Rivakka (a PDF transcript with the form run into one line)', async () => {
    const source = read('rivakka-omavalvontasuunnitelma.txt');
    const r = await importPlan({ format: 'txt', text: source });
    expect(r.headings.map((h) => [h.text, h.recognised])).toEqual([
      ['1. PALVELUJEN TUOTTAJAA KOSKEVAT TIEDOT', true],
      ['2. TOIMINTA-AJATUS, ARVOT JA TOIMINTAPERIAATTEET', true],
      ['Toiminta-ajatus', true],
    ]);
    const plan = parse(r.text);
    expect(plan.template).toBe('valvira-2014');
    expect(plan.provider).toEqual({ name: 'Pajatupa Oy' });
    // "Postitoimipaikka" has two values in the run-in form ("Kuitula", "Kuitula Kunta"): ambiguous, not used.
    expect(plan.unit).toEqual({ name: 'Lastenkoti Rivakka', address: 'Mainiementie 400' });
    expect(plan.responsiblePersons).toEqual([{ id: 'vastuuhenkilo', name: 'Ville Harju' }]);
    expect(plan.operatingIdea).toMatch(/^Lastenkodin toiminta-ajatuksena on asiakkaan ongelmakenttä/);
    expect(plan.importedText.map((t: { heading?: string }) => t.heading)).toEqual([undefined, '1. PALVELUJEN TUOTTAJAA KOSKEVAT TIEDOT']);
    expect(lostWords(source, r.text)).toEqual([]);
    expectNothingInvented(source, r.text);
    await expectValidDraft(r);
  });
});

describe('importPlan: a plan on the 2024 structure', () => {
  it('Vakehyvä Keravan työ- ja toimintakeskus (Markdown): provider, Y-tunnus as written, unit, operating idea', async () => {
    const source = read('vakehyva-keravan-tyo-ja-toimintakeskus.md');
    const r = await importPlan({ format: 'md', text: source });
    expect(r.headings.map((h) => [h.text, h.recognised, h.keys])).toEqual([
      ['1. Palveluntuottajaa ja palveluyksikköä koskevat tiedot', true, ['importedText', 'provider', 'unit']],
      ['2. Palveluyksikön toiminta-ajatus ja toimintaperiaatteet', true, []],
      ['Palveluyksikön toiminta-ajatus (palvelut, asiakasryhmä sekä määrä):', true, ['operatingIdea']],
    ]);
    const plan = parse(r.text);
    expect(plan.template).toBe('valvira-2024');
    // The en dash stays: the check's own rule offers the fix (business-id-dash).
    expect(plan.provider).toEqual({ name: 'Vantaan ja Keravan hyvinvointialue', businessId: '3221356–1' });
    // "Käyntiosoite" in this section is the provider's (after "Palveluntuottaja"): not the unit's.
    expect(plan.unit).toEqual({ name: 'Keravan työ- ja toimintakeskus' });
    // Two responsible persons in one field: no single one to pick; both stay as text.
    expect(plan.responsiblePersons).toBeUndefined();
    expect(plan.importedText[1].text).toContain('Päällikkö Esimerkki, tehtäväaluepäällikkö, p. 0503121717');
    expect(plan.operatingIdea).toMatch(/^Keravan työ- ja toimintakeskus tarjoaa[^]*\n\nAsiakaspaikkamäärä on n\. 40\./);
    expect(lostWords(source.replace(/<!--[^]*?-->/g, ''), r.text)).toEqual([]);
    expectNothingInvented(source, r.text);
    await expectValidDraft(r);
  });
});

describe('importPlan: personal identity codes, conflicts, Swedish', () => {
  it('masks an identity code wherever it stands and counts it', async () => {
    const source = `${read('eijuska-omavalvontasuunnitelma.md')}\n\nAsiakas 131052-308T kertoi palautteessaan, että palvelu oli hyvää.\n`;
    const r = await importPlan({ format: 'md', text: source });
    expect(r.personalIdsMasked).toBe(1);
    expect(r.text).not.toContain('308T');
    expect(r.text).toContain('Asiakas 131052-**** kertoi palautteessaan');
    const diagnostics = await check(r.text, { today: '2026-10-01' });
    expect(diagnostics.filter((d) => d.ruleId.includes('personal'))).toEqual([]);
  });

  it('picks a field only when the document gives it one value', async () => {
    const r = await importPlan({ format: 'txt', text: 'Palveluntuottajaa koskevat tiedot\nY-tunnus: 1234567-1\nPalveluntuottajan Y-tunnus: 7654321-2\nNimi: Esimerkkihoiva Oy\n' });
    const plan = parse(r.text);
    expect(plan.provider).toEqual({ name: 'Esimerkkihoiva Oy' });
    expect(plan.importedText[0].text).toBe('Y-tunnus: 1234567-1\n\nPalveluntuottajan Y-tunnus: 7654321-2');
    expect(r.stats.paragraphs).toEqual({ mapped: 1, kept: 2 });
  });

  it("gives a phone or e-mail to whoever the form named last before it: the unit's, then the person's", async () => {
    const text = [
      'Palveluyksikön perustiedot',
      'Palveluyksikön nimi: Esimerkkikoti',
      'Puhelin: 09 123 4567',
      'Toiminnasta vastaavan henkilön nimi: Maija Esimerkki',
      'Puhelin: 040 111 2222',
      'Sähköposti: maija.esimerkki@example.fi',
    ].join('\n');
    const r = await importPlan({ format: 'txt', text });
    const plan = parse(r.text);
    expect(plan.unit).toEqual({ name: 'Esimerkkikoti', contact: { phone: '09 123 4567' } });
    expect(plan.responsiblePersons).toEqual([{ id: 'vastuuhenkilo', name: 'Maija Esimerkki', contact: { phone: '040 111 2222', email: 'maija.esimerkki@example.fi' } }]);
    expect(r.headings).toEqual([{ text: 'Palveluyksikön perustiedot', recognised: true, keys: ['unit', 'responsiblePersons'] }]);
    expect(lostWords(text, r.text)).toEqual([]);
    await expectValidDraft(r);
  });

  it('reads a Swedish plan and writes its comments in Swedish', async () => {
    const text = [
      'Plan för egenkontroll',
      'Uppgifter om tjänsteproducenten',
      'Tjänsteproducentens namn: Exempelomsorg Ab',
      'FO-nummer: 1234567-1',
      'Verksamhetsidé',
      'Vi ger hemvård för äldre som bor i sina egna hem och stöder deras självständighet.',
      'Anmärkning',
      'En anmärkning lämnas till den ansvariga personen, som svarar skriftligt inom en månad.',
      'Senast uppdaterad 3.2.2026',
    ].join('\n');
    const r = await importPlan({ format: 'txt', text });
    expect(r.language).toBe('sv');
    const plan = parse(r.text);
    expect(plan.provider).toEqual({ name: 'Exempelomsorg Ab', businessId: '1234567-1' });
    expect(plan.operatingIdea).toMatch(/^Vi ger hemvård/);
    expect(plan.clientRights.complaints).toMatch(/^En anmärkning lämnas/);
    expect(plan.updated).toBe('2026-02-03');
    expect(r.text).toContain('updated: 2026-02-03  # kontrollera: från fältet "Senast uppdaterad 3.2.2026"');
    expect(r.text).toContain('operatingIdea: |-  # kontrollera: under rubriken "Verksamhetsidé"\n  Vi ger hemvård för äldre');
    expect(lostWords(text, r.text)).toEqual([]);
    await expectValidDraft(r);
  });

  it('takes a month or a year alone for `updated` when the plan gives no day', async () => {
    const plan = (line: string) => ['Omavalvontasuunnitelma', 'Palveluntuottajan nimi: Esimerkkihoiva Oy', line].join('\n');
    const month = await importPlan({ format: 'txt', text: plan('Päivitetty 5/2025') });
    expect(parse(month.text).updated).toBe('2025-05');
    expect(month.text).toContain('updated: 2025-05  # tarkista: kentästä "Päivitetty 5/2025"');
    await expectValidDraft(month);
    expect(parse((await importPlan({ format: 'txt', text: plan('Päivitetty 05.2024') })).text).updated).toBe('2024-05');
    const year = await importPlan({ format: 'txt', text: plan('Päivitetty: 2014') });
    expect(String(parse(year.text).updated)).toBe('2014');
    await expectValidDraft(year);
    // Not a month: a thirteenth month, or a number run on into a longer one; the text is kept.
    for (const line of ['Päivitetty 13/2025', 'Päivitetty 5/2025/2']) {
      const r = await importPlan({ format: 'txt', text: plan(line) });
      expect(parse(r.text).updated).toBeUndefined();
      expect(lostWords(plan(line), r.text)).toEqual([]);
    }
  });

  it('takes the kind and the language the caller gives, and does not mark them', async () => {
    const r = await importPlan({ format: 'md', text: '# Toiminta-ajatus\n\nKotihoitoa ikäihmisille.\n' }, { kind: 'SelfMonitoringPlan', language: 'fi' });
    expect(r.text).toContain('\nkind: SelfMonitoringPlan\nlanguage: fi\n');
    expect(r.filled).toEqual(['operatingIdea']);
  });
});

describe('importPlan: Word documents', () => {
  /** A .docx of the Eijuska plan's first sections: styled headings, a bulleted list, a table. */
  async function eijuskaDocx(): Promise<Uint8Array> {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '1. Palveluntuottajaa koskevat tiedot (4.1.1)', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Palveluntuottaja Yksityinen palveluntuottaja:' }),
            new Paragraph({ text: 'Nimi: Sanna Aaltonen', bullet: { level: 0 } }),
            new Paragraph({ children: [new TextRun('Palveluntuottajan '), new TextRun({ text: 'Y-tunnus', bold: true }), new TextRun(': 2960105-3')], bullet: { level: 0 } }),
            new Table({
              rows: [
                new TableRow({ children: [new TableCell({ children: [new Paragraph('Puhelin')] }), new TableCell({ children: [new Paragraph('041 319 9311')] })] }),
                new TableRow({ children: [new TableCell({ children: [new Paragraph('Sähköposti')] }), new TableCell({ children: [new Paragraph('Eijuska69@gmail.com')] })] }),
              ],
            }),
            new Paragraph({ text: '2. Toiminta-ajatus, arvot ja toimintaperitaatteet (4.1.2)', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Toiminta-ajatus', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Eijuskan koti- ja hoivapalvelu on perustettu tuottamaan palvelua ikäihmisille, vammaisille, sairaille ja lapsiperheille.' }),
            new Paragraph({ text: 'Arvot ja toimintaperiaatteet', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Eijuskan arvot: asiakaslähtöisyys ja myönteinen palveluasenne eettisiä arvoja kunnioittaen.' }),
            new Paragraph({ text: 'Oma muistiinpano', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Asiakkaan 131052-308T käynnit siirretty & sovittu <uudelleen>.' }),
          ],
        },
      ],
    });
    return new Uint8Array(await Packer.toBuffer(doc));
  }

  it('reads headings by their Word style, list items, table rows and inline formatting', async () => {
    const r = await importPlan({ format: 'docx', data: await eijuskaDocx() }, { sourceName: 'eijuska.docx' });
    expect(r.headings.map((h) => [h.text, h.recognised, h.keys])).toEqual([
      ['1. Palveluntuottajaa koskevat tiedot (4.1.1)', true, ['importedText', 'provider']],
      ['2. Toiminta-ajatus, arvot ja toimintaperitaatteet (4.1.2)', true, []],
      ['Toiminta-ajatus', true, ['operatingIdea']],
      ['Arvot ja toimintaperiaatteet', true, ['principles']],
      // An unknown Word heading still holds its text.
      ['Oma muistiinpano', false, ['importedText']],
    ]);
    const plan = parse(r.text);
    // Here the table gives no unit field, so the phone and e-mail after the provider's are the provider's.
    expect(plan.provider).toEqual({ name: 'Sanna Aaltonen', businessId: '2960105-3', contact: { phone: '041 319 9311', email: 'Eijuska69@gmail.com' } });
    expect(plan.operatingIdea).toBe('Eijuskan koti- ja hoivapalvelu on perustettu tuottamaan palvelua ikäihmisille, vammaisille, sairaille ja lapsiperheille.');
    expect(plan.importedText).toEqual([
      { heading: '1. Palveluntuottajaa koskevat tiedot (4.1.1)', text: 'Palveluntuottaja Yksityinen palveluntuottaja:' },
      { heading: 'Oma muistiinpano', text: 'Asiakkaan 131052-**** käynnit siirretty & sovittu <uudelleen>.' },
    ]);
    expect(r.personalIdsMasked).toBe(1);
    expect(r.text.split('\n')[0]).toBe('# Luonnos, jonka laatuvahti import teki tiedostosta eijuska.docx.');
    await expectValidDraft(r);
  });

  it('reads the whole Eijuska plan as Word as it reads it as Markdown', async () => {
    // The Markdown fixture made into a .docx: "#" lines as Word headings, "- " lines as bullets.
    const source = read('eijuska-omavalvontasuunnitelma.md').replace(/<!--[^]*?-->/g, '');
    const children = source
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const heading = /^(#+)\s+(.*)$/.exec(l);
        if (heading) return new Paragraph({ text: heading[2]!, heading: heading[1]!.length === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3 });
        if (l.startsWith('- ')) return new Paragraph({ text: l.slice(2), bullet: { level: 0 } });
        return new Paragraph({ text: l });
      });
    const data = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
    const fromWord = await importPlan({ format: 'docx', data });
    const fromMarkdown = await importPlan({ format: 'md', text: source });
    expect(fromWord.headings).toEqual(fromMarkdown.headings);
    expect(fromWord.stats).toEqual(fromMarkdown.stats);
    expect(parse(fromWord.text)).toEqual(parse(fromMarkdown.text));
    expect(lostWords(source, fromWord.text)).toEqual([]);
  });

  it("reads the page header and footer too, where plans keep their date, before the body's text", async () => {
    const doc = new Document({
      sections: [
        {
          headers: {
            default: new Header({ children: [new Paragraph('Esimerkkihoiva Oy – Omavalvontasuunnitelma'), new Paragraph('Päivitetty 3.2.2026')] }),
            first: new Header({ children: [new Paragraph('Esimerkkihoiva Oy – Omavalvontasuunnitelma')] }),
          },
          footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun('Sivu '), new TextRun({ children: [PageNumber.CURRENT] })] }), new Paragraph('Laatija: vastaava ohjaaja & johtaja')] }) },
          children: [
            new Paragraph({ text: 'Toiminta-ajatus', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('Tuemme ikäihmisten kotona asumista.'),
          ],
        },
      ],
    });
    const r = await importPlan({ format: 'docx', data: new Uint8Array(await Packer.toBuffer(doc)) });
    const plan = parse(r.text);
    expect(plan.updated).toBe('2026-02-03');
    expect(plan.operatingIdea).toBe('Tuemme ikäihmisten kotona asumista.');
    // The rest of the header and footer is kept, once each (the first-page header repeats the
    // default one), and the page number, which is no text of the plan, is left out.
    expect(plan.importedText).toEqual([{ text: 'Esimerkkihoiva Oy – Omavalvontasuunnitelma\n\nLaatija: vastaava ohjaaja & johtaja' }]);
    expect(r.text).not.toMatch(/Sivu/);
    await expectValidDraft(r);
  });

  it('rejects a file that is not a .docx with a message that says what to do', async () => {
    const notDocx = new TextEncoder().encode('{\\rtf1 This is RTF}');
    await expect(importPlan({ format: 'docx', data: notDocx })).rejects.toThrow(ImportError);
    await expect(importPlan({ format: 'docx', data: notDocx })).rejects.toThrow('save it as .docx');
    // A ZIP that is no Word document.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    await expect(importPlan({ format: 'docx', data: zip })).rejects.toMatchObject({ code: 'not-docx', message: expect.stringContaining('cannot be read') });
  });
});

describe('import blocks and headings', () => {
  it('decodes a text file as UTF-8, UTF-16 with a byte order mark, or Windows-1252', () => {
    expect(decodeSourceText(new TextEncoder().encode('Päiväys: 3.2.2026'))).toBe('Päiväys: 3.2.2026');
    expect(decodeSourceText(new Uint8Array([0xff, 0xfe, 0x54, 0x00, 0xe4, 0x00]))).toBe('Tä');
    expect(decodeSourceText(new Uint8Array([0x50, 0xe4, 0x69, 0x76, 0xe4]))).toBe('Päivä');
  });

  it('normalises numbering, 2014 references, case, dashes and colons', () => {
    expect(normalizeHeading('2.3 Asiakkaan  ja potilaan asema ja oikeudet:')).toBe('asiakkaan ja potilaan asema ja oikeudet');
    expect(normalizeHeading('1. PALVELUNTUOTTAJAA KOSKEVAT TIEDOT (4.1.1)')).toBe('palveluntuottajaa koskevat tiedot');
    expect(normalizeHeading('Toiminta\u2013ajatus')).toBe('toiminta-ajatus');
    expect(headingFor('verksamhetsidé', 'SelfMonitoringPlan')?.target).toEqual({ key: 'operatingIdea' });
    // Short headings must be exact: "arvio" is not "arvot".
    expect(headingFor('arvio', 'SelfMonitoringPlan')).toBeUndefined();
  });

  it('reads Markdown and plain-text structure', () => {
    expect(markdownBlocks('Otsikko\n=======\n\nRivi yksi\nrivi kaksi **lihava**\n\n- kohta\n\n| a | b |\n|---|---|\n| 1 | 2 |\n<!-- huomautus -->\n')).toEqual([
      { type: 'heading', text: 'Otsikko', level: 1 },
      { type: 'paragraph', text: 'Rivi yksi rivi kaksi lihava' },
      { type: 'item', text: 'kohta' },
      { type: 'row', cells: ['a', 'b'] },
      { type: 'row', cells: ['1', '2'] },
    ]);
    expect(textBlocks('Otsikko\n\n• kohta\nA\tB\n')).toEqual([
      { type: 'paragraph', text: 'Otsikko' },
      { type: 'item', text: 'kohta' },
      { type: 'row', cells: ['A', 'B'] },
    ]);
    expect(htmlBlocks('<h2>Otsikko</h2><ul><li>yksi<ul><li>kaksi</li></ul></li></ul><table><tr><td><p>a &amp; b</p></td><td></td></tr></table><p>x<br />y</p>')).toEqual([
      { type: 'heading', text: 'Otsikko', level: 2 },
      { type: 'item', text: 'yksi' },
      { type: 'item', text: 'kaksi' },
      { type: 'row', cells: ['a & b', ''] },
      { type: 'paragraph', text: 'x y' },
    ]);
  });
});
