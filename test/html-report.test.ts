/**
 * `laatuvahti check --format html` end to end, read as its reader reads it: the built bin writes
 * the report of a folder of plans, headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) opens the file from disk with the network cut off, and the page's DOM and
 * text are compared with the run's JSON report and with core's rule outcomes for the same text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { checkDocument, getDefaultPack, resolveSettings, ruleOutcomes, SEVERITY_NAMES, type RuleSettings } from '@laatuvahti/core/internal';

const root = join(__dirname, '..');
const BIN = join(root, 'packages', 'cli', 'bin', 'laatuvahti.cjs');
const BUNDLE = join(root, 'packages', 'cli', 'dist', 'cli.cjs');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// The reporter shows skipped tests without a reason: say it where a run's output shows it.
if (!hasChromium) console.warn(`test/html-report.test.ts: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does; or set CHROMIUM)`);
const TODAY = '2026-09-15';
const ID = '131052-308T';
const MASKED = '131052-****';

const fixture = (name: string) => readFileSync(join(root, 'fixtures', name), 'utf8');
const MONTHLY: RuleSettings = { 'social-activity-regular': { options: { maxInterval: 'month' } } };
// A compliant plan whose activity its folder's config finds too rare, suppressed with a reason
// that holds markup and an identity code (which is a finding of its own).
const suppressedPlan = fixture('compliant/self-monitoring-plan.fi.yaml').replace(
  '      every: week\n',
  `      # laatuvahti-disable-next-line social-activity-regular -- Sovittu omaisen ${ID} kanssa <script>alert(1)</script>\n      every: 3 months\n`,
);
const plans: Record<string, { text: string; rules: RuleSettings }> = {
  'a/omavalvontasuunnitelma-puutteellinen.fi.yaml': { text: fixture('broken/omavalvontasuunnitelma-puutteellinen.fi.yaml'), rules: {} },
  'a/palvelukuvaus.fi.yaml': { text: fixture('compliant/service-description.fi.yaml'), rules: {} },
  'b/omavalvontasuunnitelma.fi.yaml': { text: suppressedPlan, rules: MONTHLY },
};

/** Newest modification time of the files the bundle is built from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

let dir = '';
let browser: Browser | undefined;
beforeAll(async () => {
  if (!hasChromium) return;
  const sources = Math.max(newestSource(join(root, 'packages', 'cli', 'src')), newestSource(join(root, 'packages', 'core', 'src')));
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < sources) execFileSync('npm', ['run', 'build', '-w', '@laatuvahti/cli'], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'laatuvahti-html-'));
  for (const [name, { text }] of Object.entries(plans)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(dir, 'b', 'laatuvahti.config.yaml'), 'rules:\n  social-activity-regular:\n    options:\n      maxInterval: month\n');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What the page shows, read from its DOM. */
interface Page {
  lang: string;
  title: string;
  elements: { scripts: number; external: number };
  overview: string[][];
  plans: { path: string; heading: string; facts: string; findings: string[][]; suppressed: string[][]; rules: { id: string; outcome: string; cells: string[] }[] }[];
  text: string;
  printBreak: string;
}

/**
 * Reads the page in the browser. A string, not a function: the repository type-checks its tests
 * without the DOM's types.
 */
const READ_PAGE = `(() => {
  const cells = (tr) => [...tr.cells].map((c) => c.innerText.trim());
  const rows = (scope, selector) => [...scope.querySelectorAll(selector)].map(cells);
  return {
    lang: document.documentElement.lang,
    title: document.title,
    elements: { scripts: document.querySelectorAll('script').length, external: document.querySelectorAll('link, img, iframe, object, embed, [src]').length },
    overview: rows(document, '.overview tbody tr'),
    plans: [...document.querySelectorAll('section.plan')].map((s) => ({
      path: s.dataset.plan,
      heading: s.querySelector('h2').innerText,
      facts: s.querySelector('.facts').innerText,
      findings: rows(s, 'tr.finding'),
      suppressed: rows(s, 'tr.suppressed'),
      rules: [...s.querySelectorAll('tr.rule')].map((tr) => ({ id: tr.dataset.rule, outcome: tr.dataset.outcome, cells: cells(tr) })),
    })),
    text: document.body.innerText,
    printBreak: '',
  };
})()`;

describe.skipIf(!hasChromium)(`the HTML report in headless Chromium${hasChromium ? '' : ` (skipped: no ${CHROMIUM}; apt-get install chromium, as .ci/run does)`}`, () => {
  let page: Page;
  let json: { files: { path: string; diagnostics: { ruleId: string; severity: string; message: string; range: { start: { line: number; character: number } } }[] }[] };
  let html = '';
  const requests: string[] = [];

  beforeAll(async () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '.', '--format', 'html', '--output', 'raportti.html', '--format', 'json:report.json', '--locale', 'fi', '--today', TODAY], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    html = readFileSync(join(dir, 'raportti.html'), 'utf8');
    json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const context = await browser!.newContext({ offline: true });
    const tab = await context.newPage();
    tab.on('request', (req) => { if (!req.url().startsWith('file:')) requests.push(req.url()); });
    await tab.goto(pathToFileURL(join(dir, 'raportti.html')).href);
    page = await tab.evaluate<Page>(READ_PAGE);
    await tab.emulateMedia({ media: 'print' });
    page.printBreak = await tab.evaluate<string>("getComputedStyle(document.querySelector('section.plan')).breakBefore");
    await context.close();
  });
  it('is a Finnish page that loads and runs nothing', () => {
    expect(page.lang).toBe('fi');
    expect(page.title).toBe('Laatuvahti – tarkistusraportti');
    expect(page.elements).toEqual({ scripts: 0, external: 0 });
    expect(requests).toEqual([]);
    expect(page.text).toContain('3 suunnitelmaa tarkistettu 2026-09-15 voimassa olevien sääntöjen mukaan');
  });

  it('counts each plan\'s errors, warnings and suppressions as the run found them', () => {
    expect(page.overview.map((r) => r[0])).toEqual(json.files.map((f) => f.path));
    for (const [i, file] of json.files.entries()) {
      const n = (s: string) => String(file.diagnostics.filter((d) => d.severity === s).length);
      expect(page.overview[i]!.slice(3, 5)).toEqual([n('error'), n('warning')]);
    }
    expect(page.overview[0]!.slice(1, 3)).toEqual(['Omavalvontasuunnitelma', '✗ puutteita']);
    expect(page.overview[1]!.slice(1, 3)).toEqual(['Palvelukuvaus', '✓ ei puutteita']);
    // The identity code in the suppression's reason is itself a finding (the plan is public).
    expect(page.overview[2]!.slice(2)).toEqual(['✗ puutteita', '1', '0', '1']);
    expect(page.plans[2]!.findings.map((f) => f[3])).toEqual(['personal-id-in-public-document']);
  });

  it('shows per plan its SHA-256 and every finding with its line, column and message', () => {
    expect(page.plans.map((p) => p.path)).toEqual(Object.keys(plans));
    for (const [i, plan] of page.plans.entries()) {
      expect(plan.heading).toBe(plan.path);
      expect(plan.facts).toContain(`SHA-256 ${createHash('sha256').update(readFileSync(join(dir, plan.path))).digest('hex')}`);
      const file = json.files[i]!;
      expect(plan.findings).toEqual(file.diagnostics.map((d) => [`${d.range.start.line + 1}:${d.range.start.character + 1}`, SEVERITY_NAMES.fi[d.severity as 'error'], d.message, d.ruleId]));
    }
    expect(page.plans[0]!.findings.length).toBeGreaterThan(3);
    expect(page.plans[2]!.facts).toContain('asetukset b/laatuvahti.config.yaml');
  });

  it('lists every rule of the plan\'s kind with its severity, source and outcome, as core computes them', async () => {
    const pack = getDefaultPack();
    for (const [i, [name, { text, rules }]] of Object.entries(plans).entries()) {
      const report = await checkDocument(text, { today: TODAY, config: { rules } });
      const expected = ruleOutcomes(pack, report, { today: TODAY, settings: resolveSettings(pack, rules).settings });
      const shown = page.plans[i]!.rules;
      expect(shown.map((r) => [r.id, r.outcome]), name).toEqual(expected.map((o) => [o.ruleId, o.outcome]));
      for (const [j, o] of expected.entries()) {
        const [ruleCell, severity, source] = shown[j]!.cells;
        expect(severity).toBe(o.severity === 'off' ? '–' : SEVERITY_NAMES.fi[o.severity]);
        const rule = pack.rules.get(o.ruleId)?.definition;
        if (rule) {
          expect(ruleCell).toBe(`${o.ruleId} ${rule.title.fi}`);
          expect(source!.startsWith(rule.source.title.fi)).toBe(true);
        }
      }
    }
    const suppressedRule = page.plans[2]!.rules.find((r) => r.id === 'social-activity-regular')!;
    expect(suppressedRule.cells[3]).toBe('⊘ vaiennettu (1)');
    expect(page.plans[0]!.rules.filter((r) => r.outcome === 'failed').length).toBeGreaterThan(3);
  });

  it('shows a suppression\'s reason as text, with the identity code masked', () => {
    expect(page.plans[2]!.suppressed).toEqual([[expect.stringMatching(/^\d+:\d+$/), 'social-activity-regular', `Sovittu omaisen ${MASKED} kanssa <script>alert(1)</script>`]]);
    expect(html).not.toContain(ID);
    expect(page.text).not.toContain(ID);
  });

  it('prints each plan on a page of its own', () => {
    expect(page.printBreak).toBe('page');
  });
});
