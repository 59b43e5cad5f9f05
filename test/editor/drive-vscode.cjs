// Drives a running code-server workbench (real VS Code) with playwright-core and Debian's
// chromium, as the user would: open the broken plan, read the rule ids in the Problems panel,
// apply the "did you mean" quick fix with Ctrl+., watch that finding disappear, then use the
// status bar item and the extension's commands, and correct all misspellings of a second plan at
// once with Source Action.
// Prints one JSON line; exit 0 = every step held, 1 = a step failed, 2 = the workbench or the
// file never came up (setup error). Screenshots go to OUT_DIR.
// Usage: node drive-vscode.cjs URL OUT_DIR [TIMEOUT_S]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createRequire } = require('module');

// playwright-core is a devDependency of the repository root, not of this folder.
const repoRoot = process.env.REPO_ROOT || path.resolve(__dirname, '..', '..');
const { chromium } = createRequire(path.join(repoRoot, 'package.json'))('playwright-core');

const [url, outDir, timeoutS = '60'] = process.argv.slice(2);
const timeout = Number(timeoutS) * 1000;
const PLAN = 'broken-plan.yaml';
const SECOND_PLAN = 'second-plan.yaml';
const NOT_A_PLAN = 'not-a-plan.yaml';
const t0 = Date.now();
const log = (...a) => console.error(`[drive ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const flat = (s) => s.replace(/\s+/g, ' ').trim();
// A Problems row shows "source(code)", the code as a link to the rule's documentation; the
// parentheses are drawn by CSS, so the row's text reads "laatuvahti schema-type".
const hasRule = (row, id) => new RegExp(`\\blaatuvahti\\W+${id}(?![\\w-])`).test(row);

// Positions (1-based, as Go to Line takes them) come from the fixture itself, so editing it
// cannot silently point the test at the wrong text.
function positionOf(needle, file = PLAN) {
  const text = fs.readFileSync(path.join(__dirname, 'workspace', file), 'utf8').split('\n');
  const line = text.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`fixture ${file} lacks ${JSON.stringify(needle)}`);
  return { line: line + 1, column: text[line].indexOf(needle) + 1 };
}
const BAD_ENUM = positionOf('community-housin ');
// A feedback round with no interval: feedback-from-all-groups concerns every plan, whatever the unit.
const RARE_ACTIVITY = positionOf('from: relatives, lastCollected');
// The value itself, not its mention in the fixture's header comment.
const SECOND_BAD_ENUM = (({ line, column }) => ({ line, column: column + 'housingType: '.length }))(positionOf('housingType: comunity-housing', SECOND_PLAN));

const STATUS_RE = /(\d+) errors?, (\d+) warnings?|checked: no findings/;

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = browser.pages()[0] || (await browser.newPage());
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300)); });
  const result = { ok: false, steps: [], screenshots: [] };
  let setupDone = false;

  async function step(name, fn) {
    const start = Date.now();
    try {
      const detail = await fn();
      result.steps.push({ name, ok: true, ms: Date.now() - start, ...(detail === undefined ? {} : { detail }) });
      log(`ok   ${name}`, detail === undefined ? '' : JSON.stringify(detail));
    } catch (e) {
      const error = flat(String((e && e.message) || e).split('\n')[0]);
      result.steps.push({ name, ok: false, ms: Date.now() - start, error });
      log(`FAIL ${name}: ${error}`);
      throw e;
    }
  }
  async function waitUntil(what, probe, ms = timeout) {
    const end = Date.now() + ms;
    let last;
    while (Date.now() < end) {
      last = await probe();
      if (last) return last;
      await page.waitForTimeout(150);
    }
    throw new Error(`timed out after ${ms} ms waiting for ${what}`);
  }
  async function shot(name) {
    const file = path.join(outDir, name);
    await page.screenshot({ path: file });
    result.screenshots.push(file);
  }
  let lastRows = [];
  const problemRows = async () => {
    lastRows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(flat);
    return lastRows;
  };
  // The Laatuvahti item's accessibility label names the file: "Laatuvahti, <file>: 2 errors, 0 warnings".
  const statusText = async (file) => {
    const item = page.locator(`footer [aria-label^="Laatuvahti, ${file}:"]`).first();
    if ((await item.count()) === 0) return undefined;
    const label = await item.getAttribute('aria-label');
    const text = flat(await item.innerText());
    return label && STATUS_RE.test(label) ? text : undefined;
  };
  async function quickInput(key, text) {
    await page.keyboard.press(key);
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15000 });
    await input.fill(text);
    return input;
  }
  async function runCommand(title) {
    // A focused webview (the Markdown preview) can swallow F1 or take the focus back and close
    // the palette; then focus the explorer and try again.
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await waitUntil(`the command "${title}" in the palette`, async () => {
      try {
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 3000 });
        await input.fill(`>${title}`, { timeout: 3000 });
        await row.waitFor({ timeout: 5000 });
        return true;
      } catch {
        await page.keyboard.press('Escape');
        await page.locator('.part.sidebar .explorer-folders-view').first().click({ position: { x: 100, y: 200 } }).catch(() => {});
        return false;
      }
    }, 30000);
    await page.keyboard.press('Enter');
  }
  async function goTo({ line, column }) {
    await quickInput('Control+G', `:${line}:${column}`);
    await page.keyboard.press('Enter');
    await waitUntil(`cursor at ${line}:${column}`, async () => /Ln (\d+), Col (\d+)/.exec(await page.locator('footer').innerText())?.[1] === String(line), 10000);
  }
  /** Opens the code action menu (the one the light bulb opens) at a position; returns its rows' texts. */
  async function codeActionsAt(position) {
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await goTo(position);
    // Ctrl+. pressed while the Go to Line box is still closing is lost, so it is pressed again
    // until the menu shows.
    const items = page.locator('.action-widget .monaco-list-row');
    await waitUntil('the code action menu', async () => {
      await page.keyboard.press('Control+.');
      return items.first().waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
    }, 20000);
    return [...new Set((await items.allInnerTexts()).map(flat).filter(Boolean))];
  }
  /** The text of a rendered Markdown preview (a webview: nested frames) that `match`es, if any. */
  async function previewText(match) {
    for (const frame of page.frames()) {
      const t = await frame.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
      if (match(t)) return t;
    }
    return undefined;
  }
  const editorLines = async () => (await page.locator('.editor-group-container.active .monaco-editor .view-line').allInnerTexts()).map((s) => s.replace(/\u00a0/g, ' '));

  try {
    await step('workbench ready', async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
      await page.locator('.monaco-workbench').waitFor({ timeout });
      // The explorer lists the folder once the remote extension host is connected.
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });
    });
    await step(`open ${PLAN}`, async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
      await quickInput('Control+P', PLAN);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: PLAN }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await page.locator(`.tabs-container .tab[aria-label*="${PLAN}"]`).first().waitFor({ timeout: 15000 });
    });
    setupDone = true;

    await step('squiggles from the language server', async () => {
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout });
    });

    // The plans say `language: fi` and laatuvahti.locale is "auto" in an English VS Code: what
    // concerns the plan (findings, the code lens over it, quick fixes) is in the plan's language,
    // the extension's own UI (status bar, notifications, the report it asks for) in VS Code's.
    await step('code lens over the plan counts its rules, in the plan\'s language', async () => {
      const lens = page.locator('.editor-group-container.active .codelens-decoration', { hasText: /Laatuvahti: \d+\/\d+ sääntöä täyttyy/ }).first();
      await lens.waitFor({ timeout });
      const text = flat(await lens.innerText());
      if (!/\d+ ei täyty/.test(text)) throw new Error(`expected rules not met in the lens: ${text}`);
      return text;
    });

    let before;
    await step('status bar counts the findings', async () => {
      const text = await waitUntil('a Laatuvahti status item with counts', async () => {
        const t = await statusText(PLAN);
        return t && /\d+ errors?/.test(t) ? t : undefined;
      });
      before = Number(/(\d+) errors?/.exec(text)[1]);
      if (before < 2) throw new Error(`expected at least 2 errors, status says "${text}"`);
      return text;
    });

    await step('status bar item opens the Problems panel', async () => {
      await page.locator('footer .statusbar-item', { hasText: STATUS_RE }).first().click();
      await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15000 });
    });

    await step('Problems panel lists the expected rule ids', async () => {
      const rows = await waitUntil('rows with schema-type and feedback-from-all-groups', async () => {
        const r = await problemRows();
        return r.some((t) => hasRule(t, 'schema-type')) && r.some((t) => hasRule(t, 'feedback-from-all-groups')) ? r : undefined;
      });
      result.problemsBefore = rows;
      const bad = rows.find((t) => hasRule(t, 'schema-type'));
      if (!bad.includes('community-housing')) throw new Error(`schema-type finding lacks the suggestion: ${bad}`);
      return rows.filter((t) => hasRule(t, '[a-z0-9-]+'));
    });

    await step('quick fix (Ctrl+.) replaces the misspelt value', async () => {
      const offered = await codeActionsAt(BAD_ENUM);
      result.codeActions = offered;
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'community-housing' }).first();
      if ((await fix.count()) === 0) throw new Error(`no "community-housing" fix among ${JSON.stringify(offered)}`);
      await fix.click();
      await waitUntil('the fixed line in the editor', async () => (await editorLines()).some((l) => /housingType: community-housing\b/.test(l)), 15000);
      return offered;
    });

    await step('the schema-type finding disappears, the other stays', async () => {
      const rows = await waitUntil('Problems without schema-type', async () => {
        const r = await problemRows();
        return !r.some((t) => hasRule(t, 'schema-type')) && r.some((t) => hasRule(t, 'feedback-from-all-groups')) ? r : undefined;
      });
      result.problemsAfter = rows;
      await shot('vscode-quickfix.png');
      return rows.filter((t) => hasRule(t, '[a-z0-9-]+'));
    });

    await step('status bar follows the fix', async () => {
      const text = await waitUntil('one error fewer in the status bar', async () => {
        const t = await statusText(PLAN);
        const m = t && /(\d+) errors?/.exec(t);
        return m && Number(m[1]) === before - 1 ? t : undefined;
      });
      result.statusAfterFix = text;
      return text;
    });

    await step('Show Rule Documentation opens the rule at the cursor', async () => {
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
      await goTo(RARE_ACTIVITY);
      await runCommand('Laatuvahti: Show Rule Documentation');
      const tab = page.locator('.tabs-container .tab', { hasText: 'feedback-from-all-groups' }).first();
      await tab.waitFor({ timeout });
      return flat(await tab.innerText());
    });

    await step('Check Workspace reports the plan that was never opened', async () => {
      // Back to the plan, as a user would after reading the documentation.
      await page.locator(`.tabs-container .tab[aria-label*="${PLAN}"]`).first().click();
      await runCommand('Laatuvahti: Check Workspace');
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /Laatuvahti checked \d+ plans?/ }).first();
      await toast.waitFor({ timeout });
      const message = flat(await toast.innerText());
      if (!/checked 2 plans/.test(message)) throw new Error(`expected 2 plans (not ${NOT_A_PLAN}): ${message}`);
      const rows = await waitUntil(`${SECOND_PLAN} in Problems`, async () => {
        const r = await problemRows();
        return r.some((t) => t.includes(SECOND_PLAN)) ? r : undefined;
      });
      if (rows.some((t) => t.includes(NOT_A_PLAN))) throw new Error(`${NOT_A_PLAN} got findings`);
      result.problemsWorkspace = rows;
      return message;
    });

    await step('Show Compliance Report opens the report of the active plan', async () => {
      await page.locator(`.tabs-container .tab[aria-label*="${PLAN}"]`).first().click();
      await runCommand('Laatuvahti: Show Compliance Report');
      const tab = page.locator('.tabs-container .tab', { hasText: `${PLAN}.md` }).first();
      await tab.waitFor({ timeout });
      const text = await waitUntil('the rendered report with the rule outcomes', () =>
        previewText((t) => /Laatuvahti compliance report/.test(t) && /SHA-256/.test(t) && /feedback-from-all-groups/.test(t) && /not met/.test(t)),
      );
      await shot('vscode-compliance-report.png');
      return `${flat(await tab.innerText())}: ${flat(text).slice(0, 160)}`;
    });

    await step('Show Compliance Report from the report covers every plan of the workspace', async () => {
      // The preview is active (no YAML editor): the command reports on the whole workspace.
      await runCommand('Laatuvahti: Show Compliance Report');
      const tab = page.locator('.tabs-container .tab', { hasText: 'workspace.md' }).first();
      await tab.waitFor({ timeout });
      const text = await waitUntil('the rendered report of two plans', () => previewText((t) => /2 plans checked/.test(t) && /Rules across the plans/.test(t)));
      if (!text.includes(SECOND_PLAN) || text.includes(NOT_A_PLAN)) throw new Error(`expected ${PLAN} and ${SECOND_PLAN} only: ${flat(text).slice(0, 300)}`);
      return `${flat(await tab.innerText())}: ${flat(text).slice(0, 120)}`;
    });

    await step('the light bulb on a misspelling offers to correct all of the plan\'s misspellings', async () => {
      // From the Explorer (a focused Markdown preview can swallow Ctrl+P).
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SECOND_PLAN }).first().click();
      await page.locator(`.tabs-container .tab.active[aria-label*="${SECOND_PLAN}"]`).first().waitFor({ timeout });
      await waitUntil(`the misspellings of ${SECOND_PLAN} in Problems`, async () => (await problemRows()).filter((t) => hasRule(t, 'schema-(type|unknown-key)')).length >= 2);
      const offered = await codeActionsAt(SECOND_BAD_ENUM);
      if (!offered.some((t) => t.includes('korjaa kaikki kirjoitusvirheet (2)'))) throw new Error(`no "korjaa kaikki kirjoitusvirheet (2)" among ${JSON.stringify(offered)}`);
      await page.keyboard.press('Escape');
      return offered;
    });

    await step('Source Action corrects all misspellings of a plan at once', async () => {
      const item = page.locator('.action-widget .monaco-list-row', { hasText: 'korjaa kaikki kirjoitusvirheet' }).first();
      await waitUntil('"correct all misspellings" among the source actions', async () => {
        await runCommand('Source Action...');
        return item.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, async () => (await page.keyboard.press('Escape'), false));
      }, 30000);
      const title = flat(await item.innerText());
      await item.click();
      await waitUntil('both corrections in the editor', async () => {
        const lines = await editorLines();
        return lines.some((l) => /^\s+address: Esimerkkitie/.test(l)) && lines.some((l) => /housingType: community-housing\b/.test(l));
      }, 15000);
      await waitUntil(`no misspelling of ${SECOND_PLAN} in Problems`, async () => {
        const rows = await problemRows();
        return rows.some((t) => hasRule(t, 'feedback-from-all-groups')) && !rows.some((t) => hasRule(t, 'schema-(type|unknown-key)'));
      });
      return title;
    });

    await step('New Self-Monitoring Plan opens a skeleton', async () => {
      await runCommand('Laatuvahti: New Self-Monitoring Plan');
      await waitUntil('an untitled plan skeleton', async () => {
        const lines = await editorLines();
        return lines.some((l) => /^apiVersion: laatuvahti\//.test(l)) && lines.some((l) => /^kind: SelfMonitoringPlan/.test(l));
      });
      // The unsaved plan is checked too: its empty values are findings, counted in the status bar.
      const text = await waitUntil('status bar counts for the unsaved plan', async () => {
        const t = await statusText('Untitled-1');
        return t && /[1-9]\d* errors?/.test(t) ? t : undefined;
      });
      return text;
    });

    await step('Import Plan turns the Markdown plan into a checked YAML draft beside it', async () => {
      await quickInput('Control+P', 'tyokeskus.md');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'tyokeskus.md' }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab[aria-label*="tyokeskus.md"]').first().waitFor({ timeout: 15000 });
      await runCommand('Laatuvahti: Import Plan from Word/Markdown/Text');
      await page.locator('.tabs-container .tab[aria-label*="tyokeskus.yaml"]').first().waitFor({ timeout: 30000 });
      await waitUntil('the draft in the editor', async () => {
        const lines = await editorLines();
        return lines.some((l) => /^apiVersion: laatuvahti\//.test(l)) && lines.some((l) => /^kind: SelfMonitoringPlan/.test(l));
      });
      // The draft is on disk and the server checks it as it checks any plan.
      const text = await waitUntil('status bar counts for the draft', async () => {
        const t = await statusText('tyokeskus.yaml');
        return t && /\d+ errors?/.test(t) ? t : undefined;
      });
      await shot('vscode-final.png');
      return text;
    });
    result.ok = true;
  } catch (e) {
    result.consoleErrors = consoleErrors.slice(-5);
    result.lastProblemRows = lastRows;
    await shot('vscode-failure.png').catch(() => {});
  } finally {
    result.elapsed_ms = Date.now() - t0;
    await browser.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
  process.exit(result.ok ? 0 : setupDone ? 1 : 2);
})().catch((e) => {
  console.log(JSON.stringify({ ok: false, error: String(e) }));
  process.exit(2);
});
