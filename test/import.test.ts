/**
 * `laatuvahti import` end to end: the built bin is spawned on the real plans of fixtures/import/
 * (and on a .docx made here from one of them), and the draft file, the summary, the check's
 * findings and exit codes are asserted, with core's `importPlan` as the reference for the draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { pathToFileURL } from 'node:url';
import { importPlan } from '@laatuvahti/core/internal';
import { ensureCliBuilt, newestSource, ROOT as root, runCli, tempFolders } from './cli-harness.js';
import { LspClient, SERVER } from './lsp-client';

const FIXTURES = join(root, 'fixtures', 'import');
const TODAY = '2026-10-01';

const temp = tempFolders('laatuvahti-import-');
beforeAll(() => ensureCliBuilt(), 120_000);
afterAll(temp.cleanup);

/** A temp folder with copies of the given fixtures. */
function folder(...fixtures: string[]): string {
  const dir = temp.folder();
  for (const f of fixtures) copyFileSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

// Reports, at exit, whether mammoth was loaded: the .docx reader must cost nothing elsewhere. The
// CLI carries it bundled as dist/mammoth.cjs (packages/cli/tsup.config.ts).
const HOOK = join(mkdtempSync(join(tmpdir(), 'laatuvahti-hook-')), 'report-mammoth.cjs');
writeFileSync(HOOK, "process.on('exit', () => { if (Object.keys(require.cache).some((k) => /[\\\\/](node_modules[\\\\/]mammoth[\\\\/]|dist[\\\\/]mammoth\\.cjs$)/.test(k))) process.stderr.write('[mammoth loaded]\\n'); });\n");

function run(args: string[], cwd: string) {
  return runCli(args, cwd, {}, '', ['--require', HOOK]);
}

describe('laatuvahti import', () => {
  it('writes the draft of seed 003 next to the source, says what it mapped and checks it', async () => {
    const dir = folder('savoset-palvelukuvaus.txt');
    const r = run(['import', 'savoset-palvelukuvaus.txt', '--today', TODAY], dir);
    const draft = readFileSync(join(dir, 'savoset-palvelukuvaus.yaml'), 'utf8');
    const expected = await importPlan({ format: 'txt', text: readFileSync(join(FIXTURES, 'savoset-palvelukuvaus.txt'), 'utf8') }, { sourceName: 'savoset-palvelukuvaus.txt' });
    expect(draft).toBe(expected.text);
    expect(r.stderr).toBe(
      [
        'laatuvahti: imported savoset-palvelukuvaus.txt -> savoset-palvelukuvaus.yaml (ServiceDescription, fi).',
        '  headings: 9 of 9 recognised.',
        '  mapped to keys: 24 of 26 paragraphs, 336 of 366 words; kept as text under importedText: 2 paragraphs (30 words).',
        `  to confirm: ${expected.guesses} values marked with a comment ("# tarkista: ...").`,
        'laatuvahti: checking savoset-palvelukuvaus.yaml:',
        '',
      ].join('\n'),
    );
    // The one thing the description lacks is its date: an info finding, so the exit code is 0.
    expect(r.stdout).toMatch(/^savoset-palvelukuvaus\.yaml\n {2}\d+:1 +huomio +.*\(updated\).* document-updated-date\n/);
    expect(r.code).toBe(0);
    expect(r.stderr + r.stdout).not.toContain('[mammoth loaded]');
  });

  it('never overwrites a draft without --force', () => {
    const dir = folder('savoset-palvelukuvaus.txt');
    writeFileSync(join(dir, 'savoset-palvelukuvaus.yaml'), 'oma tiedosto\n');
    const r = run(['import', 'savoset-palvelukuvaus.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('laatuvahti: savoset-palvelukuvaus.yaml already exists; import overwrites it only with --force.\n');
    expect(readFileSync(join(dir, 'savoset-palvelukuvaus.yaml'), 'utf8')).toBe('oma tiedosto\n');
    const forced = run(['import', 'savoset-palvelukuvaus.txt', '--force', '--today', TODAY], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'savoset-palvelukuvaus.yaml'), 'utf8')).toMatch(/^# Luonnos, jonka laatuvahti import teki tiedostosta savoset-palvelukuvaus\.txt\./);
  });

  it('checks a self-monitoring plan draft with its findings and exit code 1 (--output, --locale)', () => {
    const dir = folder('eijuska-omavalvontasuunnitelma.md');
    const r = run(['import', 'eijuska-omavalvontasuunnitelma.md', '-o', 'eijuska.yaml', '--locale', 'en', '--today', TODAY], dir);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'eijuska-omavalvontasuunnitelma.yaml'))).toBe(false);
    const plan = parse(readFileSync(join(dir, 'eijuska.yaml'), 'utf8'));
    expect(plan.provider).toEqual({ name: 'Sanna Aaltonen', businessId: '2960105-3' });
    expect(r.stderr).toContain('  headings: 6 of 6 recognised.\n');
    // What the imported plan lacks, rule by rule.
    for (const rule of ['plan-responsible-person-assigned', 'feedback-from-all-groups', 'plan-published', 'plan-outdated']) expect(r.stdout).toContain(rule);
    expect(r.stdout).toMatch(/^eijuska\.yaml\n/);
  });

  it('imports a Word document, masks an identity code and loads the .docx reader only then', async () => {
    const dir = folder();
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Palveluntuottajaa koskevat tiedot', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('Palveluntuottajan nimi: Esimerkkihoiva Oy'),
            new Paragraph('Y-tunnus: 1234567-1'),
            new Paragraph('Toiminnasta vastaavan henkilön nimi: Maija Esimerkki'),
            new Paragraph({ text: 'Toiminta-ajatus', heading: HeadingLevel.HEADING_2 }),
            new Paragraph('Kotihoitoa ikäihmisille heidän omissa kodeissaan.'),
            new Paragraph('Yhteyshenkilön tunnus 131052-308T on poistettava.'),
          ],
        },
      ],
    });
    writeFileSync(join(dir, 'Suunnitelma 2026.docx'), await Packer.toBuffer(doc));
    const r = run(['import', 'Suunnitelma 2026.docx', '--today', TODAY], dir);
    expect(r.code).toBe(1);
    const draft = readFileSync(join(dir, 'Suunnitelma 2026.yaml'), 'utf8');
    expect(parse(draft).provider).toEqual({ name: 'Esimerkkihoiva Oy', businessId: '1234567-1' });
    expect(parse(draft).responsiblePersons).toEqual([{ id: 'vastuuhenkilo', name: 'Maija Esimerkki' }]);
    expect(draft).toContain('Yhteyshenkilön tunnus 131052-**** on poistettava.');
    expect(r.stderr).toContain('  masked: 1 personal identity code (the draft keeps their first 7 characters, DDMMYY-****); a public plan must not hold one.\n');
    for (const text of [draft, r.stdout, r.stderr]) expect(text).not.toContain('308T');
    expect(r.stderr).toContain('[mammoth loaded]');
  });

  it('says plainly what it cannot read (exit 2)', () => {
    const dir = folder();
    writeFileSync(join(dir, 'vanha.docx'), '{\\rtf1 Word 97}');
    writeFileSync(join(dir, 'suunnitelma.pdf'), '%PDF-1.7');
    const notDocx = run(['import', 'vanha.docx'], dir);
    expect(notDocx.code).toBe(2);
    expect(notDocx.stderr).toBe('laatuvahti: Cannot import vanha.docx: The file is not a Word document in the .docx format (open it in Word and save it as .docx).\n');
    const pdf = run(['import', 'suunnitelma.pdf'], dir);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('laatuvahti: suunnitelma.pdf: import reads Word documents (.docx), Markdown (.md) and plain text (.txt).');
    const missing = run(['import', 'puuttuu.md'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^laatuvahti: Cannot read puuttuu\.md: .+\n$/);
    const none = run(['import'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('"import" takes exactly one file: a plan as .docx, .md or .txt.');
    for (const out of [notDocx, pdf, missing, none]) expect(out.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('a check does not load the .docx reader', () => {
    const dir = folder('savoset-palvelukuvaus.txt');
    run(['import', 'savoset-palvelukuvaus.txt', '--today', TODAY], dir);
    const r = run(['check', 'savoset-palvelukuvaus.yaml', '--today', TODAY], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('[mammoth loaded]');
    expect(run(['--help'], dir).stdout).toContain('import <FILE>');
  });
});

describe('laatuvahti/importPlan (the language server, for the VS Code command)', () => {
  beforeAll(() => {
    // As in lsp.test.ts: the server bundles core's dist; rebuild when either is older than its sources.
    const newest = Math.max(newestSource(join(root, 'packages', 'lsp', 'src')), newestSource(join(root, 'packages', 'core', 'src')));
    if (!existsSync(join(root, 'packages', 'core', 'dist', 'internal.cjs')) || statSync(join(root, 'packages', 'core', 'dist', 'internal.cjs')).mtimeMs < newest) execFileSync('npm', ['run', 'build', '-w', '@laatuvahti/core'], { cwd: root, stdio: 'pipe' });
    if (!existsSync(SERVER) || statSync(SERVER).mtimeMs < newest) execFileSync('npm', ['run', 'build', '-w', '@laatuvahti/lsp'], { cwd: root, stdio: 'pipe' });
  }, 240_000);

  it('returns the draft of a file on disk with its figures, and says why a file cannot be imported', async () => {
    const dir = folder('savoset-palvelukuvaus.txt');
    writeFileSync(join(dir, 'vanha.docx'), 'not a zip');
    const c = new LspClient();
    try {
      await c.start();
      const r = await c.request<{ text: string; kind: string; headings: { found: number; recognised: number }; paragraphs: { mapped: number; kept: number }; guesses: number; personalIdsMasked: number }>('laatuvahti/importPlan', { uri: pathToFileURL(join(dir, 'savoset-palvelukuvaus.txt')).href });
      const expected = await importPlan({ format: 'txt', text: readFileSync(join(FIXTURES, 'savoset-palvelukuvaus.txt'), 'utf8') }, { sourceName: 'savoset-palvelukuvaus.txt' });
      expect(r.text).toBe(expected.text);
      expect(r).toMatchObject({ kind: 'ServiceDescription', headings: { found: 9, recognised: 9 }, paragraphs: { mapped: 24, kept: 2 }, guesses: expected.guesses, personalIdsMasked: 0 });
      await expect(c.request('laatuvahti/importPlan', { uri: pathToFileURL(join(dir, 'vanha.docx')).href })).rejects.toThrow('not a Word document in the .docx format');
      // A real .docx: the server requires the mammoth.cjs beside its bundle (as the .vsix ships it).
      const word = new Document({ sections: [{ children: [new Paragraph({ text: 'Toiminta-ajatus', heading: HeadingLevel.HEADING_1 }), new Paragraph('Kotihoitoa ikäihmisille heidän omissa kodeissaan.')] }] });
      writeFileSync(join(dir, 'uusi.docx'), await Packer.toBuffer(word));
      const fromWord = await c.request<{ text: string; headings: { found: number; recognised: number } }>('laatuvahti/importPlan', { uri: pathToFileURL(join(dir, 'uusi.docx')).href });
      expect(fromWord.headings).toEqual({ found: 1, recognised: 1 });
      expect(fromWord.text).toContain('Kotihoitoa ikäihmisille heidän omissa kodeissaan.');
      await expect(c.request('laatuvahti/importPlan', { uri: pathToFileURL(join(dir, 'plan.pdf')).href })).rejects.toThrow('give the file: URI of a .docx, .md or .txt file');
    } finally {
      await c.stop();
    }
  });
});

