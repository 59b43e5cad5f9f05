/**
 * CLI, formatting step: the compliance report as one self-contained HTML page, for auditors and
 * a unit's management to open in any browser, keep and print. The content and words are the
 * Markdown report's (core's compliance report): per plan its SHA-256, its findings with line
 * numbers, the suppressions with their reasons, and every rule of its kind with its severity,
 * source and outcome. The page has its styles inline and loads nothing: no script, no font, no
 * image, and a Content-Security-Policy that forbids them, so it reads the same offline and in
 * ten years. Every text is escaped and has identity codes masked before it enters the markup.
 */
import {
  KIND_NAMES,
  OUTCOME_MARKS,
  SEVERITY_NAMES,
  outcomeCounts,
  outcomeText,
  planResult,
  redactPersonalIds,
  reportWords,
  ruleCountsAcrossPlans,
  sourceText,
  type ComplianceReportInput,
  type Diagnostic,
  type ReportedPlan,
  type ReportedRule,
  type ReportWords,
  type RuleOutcome,
} from '@laatuvahti/core/internal';
import type { Formatter } from './report-input.js';
import { complianceReportInput } from './format-markdown.js';

/** The HTML report. */
export const formatHtml: Formatter = (input) => htmlReport(complianceReportInput(input));

/**
 * Text as HTML: identity codes masked (a plan's path, a message or a suppression's reason may
 * hold one; the CLI's output filter would catch it too, this is the first line), then the five
 * characters that could start markup escaped.
 */
export function htmlText(text: string): string {
  return redactPersonalIds(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The Markdown report's words start their results and outcomes with emoji (✅ ❌ ⚠️ ☑️ ➖),
 * which print as empty boxes where no emoji font is installed (a server, many printers'
 * drivers). The page drops them and shows a mark every text font has, beside the same word.
 */
function withoutEmoji(text: string): string {
  return text.replace(/^\p{Extended_Pictographic}\uFE0F?\s*/u, '');
}

/** The mark of each result and outcome class. */
const MARKS: Record<string, string> = {
  passes: '✓', warnings: '⚠', fails: '✗', unchecked: '✗',
  passed: '✓', failed: '✗', 'failed-warning': '⚠', suppressed: '⊘', baselined: '⊘', 'not-in-play': '–', 'not-evaluated': '?',
};

/** A result or outcome: its mark and its words, coloured by its class. */
function status(kind: 'result' | 'outcome', cls: string, text: string): string {
  return `<span class="${kind} ${cls}"><span class="mark" aria-hidden="true">${MARKS[cls] ?? ''}</span> ${htmlText(withoutEmoji(text))}</span>`;
}

/** A link only to a web page: a custom rule's docsUrl is data from a rule folder, and a `javascript:` URL must not become a link. */
function link(url: string | undefined, content: string): string {
  return url && /^https?:\/\//i.test(url) ? `<a href="${htmlText(url)}">${content}</a>` : content;
}

/** The report as an HTML document. */
export function htmlReport(input: ComplianceReportInput): string {
  const words = reportWords(input.locale);
  const rule = (id: string) => input.rules.get(id);
  const ruleName = (id: string, withTitle: boolean) => {
    const info = rule(id);
    const code = link(info?.docsUrl, `<code>${htmlText(id)}</code>`);
    return withTitle && info ? `${code} ${htmlText(info.title)}` : code;
  };
  const kindName = (plan: ReportedPlan) => (plan.kind ? KIND_NAMES[plan.kind][input.locale] : undefined);
  const severity = (s: RuleOutcome['severity']) => (s === 'off' ? '–' : SEVERITY_NAMES[input.locale][s]);

  const body: string[] = [`<header><h1>${htmlText(words.title)}</h1>`, `<p>${htmlText(words.intro(input.today, input.version, input.plans.length))}</p>`];
  if (input.baseline) body.push(`<p>${htmlText(words.baseline(input.baseline))}</p>`);
  body.push('</header>');

  // The overview: one row per plan, linked to its section.
  const withBaseline = input.baseline !== undefined;
  const overviewHead = withBaseline ? [...words.overview, words.inBaseline] : words.overview;
  body.push(
    '<section class="overview">',
    table(
      overviewHead,
      input.plans.map((p, i) => {
        const n = (s: Diagnostic['severity']) => p.diagnostics.filter((d) => d.severity === s).length;
        const result = planResult(p);
        const cells = [
          `<a href="#plan-${i + 1}">${htmlText(p.path)}</a>`,
          htmlText(kindName(p) ?? '–'),
          status('result', result, words.result[result]),
          num(n('error')),
          num(n('warning')),
          num(p.suppressed.length),
          ...(withBaseline ? [num(p.baselined?.length ?? 0)] : []),
        ];
        return { cells, attrs: ` data-plan="${htmlText(p.path)}" data-result="${result}"` };
      }),
      [3, 4, 5, 6],
    ),
  );
  for (const note of input.notes ?? []) body.push(`<p class="note">${htmlText(note)}</p>`);
  body.push('</section>');

  const across = ruleCountsAcrossPlans(input.plans);
  if (across.length > 0) {
    body.push(
      `<section class="across"><h2>${htmlText(words.acrossPlans)}</h2>`,
      table(words.acrossColumns.map(withoutEmoji), across.map(([id, counts]) => ({ cells: [ruleName(id, true), ...counts.map(num)], attrs: ` data-rule="${htmlText(id)}"` })), [1, 2, 3, 4]),
      '</section>',
    );
  }

  input.plans.forEach((plan, i) => {
    body.push(`<section class="plan" id="plan-${i + 1}" data-plan="${htmlText(plan.path)}"><h2>${htmlText(plan.path)}</h2>`);
    const facts = [plan.kind ? htmlText(kindName(plan)!) : status('result', 'unchecked', words.result.unchecked)];
    if (plan.sha256) facts.push(`SHA-256 <code class="digest">${htmlText(plan.sha256)}</code>`);
    if (plan.config) facts.push(htmlText(words.config(plan.config)));
    body.push(`<p class="facts">${facts.join(' · ')}</p>`);
    if (plan.outcomes?.length) body.push(`<p class="counts">${htmlText(`${words.rules}: ${outcomeCounts(plan.outcomes, words)}.`)}</p>`);

    const findings = (heading: string, list: readonly Diagnostic[], kind: string) => {
      if (list.length === 0) return;
      body.push(
        `<h3>${htmlText(heading)}</h3>`,
        table(
          words.findingColumns,
          list.map((d) => ({
            cells: [where(d), `<span class="severity ${d.severity}">${htmlText(SEVERITY_NAMES[input.locale][d.severity])}</span>`, htmlText(d.message), ruleName(d.ruleId, false)],
            attrs: ` class="${kind}" data-rule="${htmlText(d.ruleId)}"`,
          })),
        ),
      );
    };
    findings(words.findings, plan.diagnostics, 'finding');
    if (plan.suppressed.length > 0) {
      const reason = (d: Diagnostic) => `${d.suppressed?.justification ?? ''}${d.suppressed?.until ? ` (${words.until(d.suppressed.until)})` : ''}`;
      body.push(
        `<h3>${htmlText(words.suppressed)}</h3>`,
        table(words.reasonColumns, plan.suppressed.map((d) => ({ cells: [where(d), ruleName(d.ruleId, false), htmlText(reason(d))], attrs: ` class="suppressed" data-rule="${htmlText(d.ruleId)}"` }))),
      );
    }
    findings(words.baselined, plan.baselined ?? [], 'baselined');
    if (!plan.kind) {
      body.push(`<p class="unchecked">${htmlText(words.unchecked)}</p></section>`);
      return;
    }
    if (plan.outcomes?.length) {
      // The rule table adds each rule's severity (from the findings' column of the same name).
      const [ruleHead, sourceHead, outcomeHead] = words.ruleColumns;
      body.push(
        `<h3>${htmlText(words.rules)}</h3>`,
        table(
          [ruleHead, words.findingColumns[1], sourceHead, outcomeHead],
          plan.outcomes.map((o) => ({
            cells: [ruleName(o.ruleId, true), htmlText(severity(o.severity)), htmlText(source(rule(o.ruleId), words)), status('outcome', outcomeClass(o), outcomeText(o, words))],
            attrs: ` class="rule" data-rule="${htmlText(o.ruleId)}" data-outcome="${o.outcome}"`,
          })),
        ),
      );
    }
    body.push('</section>');
  });

  return [
    '<!doctype html>',
    `<html lang="${input.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Nothing but the inline styles may load or run, whatever a plan's text holds.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(words.title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function num(n: number): string {
  return String(n);
}

function where(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

function source(info: ReportedRule | undefined, words: ReportWords): string {
  return info ? sourceText(info, words) : '–';
}

/** The colour an outcome is shown in; a rule not met only with warnings is not an error. */
function outcomeClass(o: RuleOutcome): string {
  if (o.outcome === 'failed') return o.severity === 'error' ? 'failed' : 'failed-warning';
  return OUTCOME_MARKS[o.outcome] === '➖' ? 'not-in-play' : o.outcome;
}

/** A table; `numeric` columns are right-aligned. Cells are markup already escaped by the caller. */
function table(head: readonly string[], rows: readonly { cells: readonly string[]; attrs?: string }[], numeric: readonly number[] = []): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  return [
    '<table>',
    `<thead><tr>${head.map((h, i) => `<th${cls(i)}>${htmlText(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((r) => `<tr${r.attrs ?? ''}>${r.cells.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ].join('\n');
}

/**
 * Readable on a screen and on paper: system fonts, tables that fit the page width (a digest or
 * a long key breaks rather than overflowing), colour only beside words that say the same, and
 * for print each plan on its own page with the column headings repeated and no row split.
 */
const STYLES = `
:root { color-scheme: light; --fail: #b3261e; --warn: #8a5a00; --pass: #1e6b34; --muted: #5f6368; --line: #d0d4d9; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1f2328; max-width: 72rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .4rem; padding-top: .6rem; border-top: 2px solid var(--line); overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: #f3f4f6; }
tbody tr:nth-child(even) { background: #fafbfc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td code { overflow-wrap: anywhere; }
.mark { display: inline-block; min-width: 1em; text-align: center; }
code { font: .9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
code.digest { word-break: break-all; }
a { color: #0b57d0; }
.facts, .note, .counts { color: var(--muted); }
.result.fails, .result.unchecked, .severity.error, .outcome.failed { color: var(--fail); font-weight: 600; }
.result.warnings, .severity.warning, .outcome.failed-warning { color: var(--warn); font-weight: 600; }
.result.passes, .outcome.passed { color: var(--pass); }
.outcome.not-in-play { color: var(--muted); }
.unchecked { color: var(--fail); }
@media print {
  @page { margin: 15mm 12mm; }
  body { font-size: 10pt; max-width: none; margin: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
  section.plan { break-before: page; }
  h2 { border-top: none; margin-top: 0; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  tbody tr:nth-child(even), thead th { background: none; }
}
`.trim();
