/**
 * CLI, formatting step: a compliance report in Markdown, for quality officers and auditors (and
 * a CI job summary: `>> "$GITHUB_STEP_SUMMARY"`). Beyond the findings it is evidence of what was
 * checked: per plan its SHA-256 (the exact version), and the outcome of every rule of its kind
 * with the rule's legal source: met, not met, suppressed (with the reason), in the baseline,
 * off in the config, or not yet in force. Words are in the run's locale.
 */
import { KIND_NAMES, type Diagnostic, type Locale, type RuleOutcome, type RuleOutcomeKind, type Severity } from '@laatuvahti/core';
import { countOf as n, type FileResult } from '../run-result.js';
import type { RuleInfo } from '../rule-catalog.js';
import { checkedFiles, oneLine, untilText, type Formatter } from './report-input.js';
import { SEVERITY_WORDS, SKIPPED_WORDS } from './words.js';

type PlanResult = 'passes' | 'warnings' | 'fails' | 'unchecked';

interface Words {
  title: string;
  intro: (today: string, version: string, checked: number) => string;
  baseline: (file: string) => string;
  overview: [plan: string, kind: string, result: string, errors: string, warnings: string, suppressed: string];
  /** The overview's last column with `--baseline`. */
  inBaseline: string;
  result: Record<PlanResult, string>;
  findings: string;
  findingColumns: [where: string, severity: string, finding: string, rule: string];
  suppressed: string;
  baselined: string;
  reasonColumns: [where: string, rule: string, reason: string];
  rules: string;
  ruleColumns: [rule: string, source: string, outcome: string];
  outcome: Record<RuleOutcomeKind, string>;
  /** When a rule not yet in force applies from. */
  from: (date: string) => string;
  /** The source column of the engine's own checks. */
  planFormat: string;
  unchecked: string;
  unreadable: string;
}

const WORDS: Record<Locale, Words> = {
  en: {
    title: 'Laatuvahti compliance report',
    intro: (today, version, c) => `${n(c, 'plan', 'plans')} checked against the rules in force on ${today} (laatuvahti ${version}).`,
    baseline: (file) => `Findings recorded in the baseline ${file} do not fail the check.`,
    overview: ['Plan', 'Kind', 'Result', 'Errors', 'Warnings', 'Suppressed'],
    inBaseline: 'In the baseline',
    result: { passes: '✅ passes', warnings: '⚠️ warnings', fails: '❌ fails', unchecked: '❌ could not be checked' },
    findings: 'Findings',
    findingColumns: ['Line:col', 'Severity', 'Finding', 'Rule'],
    suppressed: 'Suppressed findings',
    baselined: 'Findings in the baseline',
    reasonColumns: ['Line:col', 'Rule', 'Reason'],
    rules: 'Rules',
    ruleColumns: ['Rule', 'Source', 'Outcome'],
    outcome: { passed: 'met', failed: 'not met', suppressed: 'suppressed', baselined: 'in the baseline', off: 'off in the config', 'not-in-force': 'not yet in force', 'not-evaluated': 'not evaluated' },
    from: (date) => `from ${date}`,
    planFormat: 'Laatuvahti plan format',
    unchecked: 'No rule could be evaluated: the findings above must be fixed first.',
    unreadable: 'Could not be read',
  },
  fi: {
    title: 'Laatuvahti – tarkistusraportti',
    intro: (today, version, c) => `${n(c, 'suunnitelma', 'suunnitelmaa')} tarkistettu ${today} voimassa olevia sääntöjä vasten (laatuvahti ${version}).`,
    baseline: (file) => `Lähtötasotiedostoon ${file} kirjatut havainnot eivät johda hylkäämiseen.`,
    overview: ['Suunnitelma', 'Laji', 'Tulos', 'Virheet', 'Varoitukset', 'Vaiennetut'],
    inBaseline: 'Lähtötasossa',
    result: { passes: '✅ hyväksytty', warnings: '⚠️ varoituksia', fails: '❌ hylätty', unchecked: '❌ ei voitu tarkistaa' },
    findings: 'Havainnot',
    findingColumns: ['Rivi:sarake', 'Vakavuus', 'Havainto', 'Sääntö'],
    suppressed: 'Vaiennetut havainnot',
    baselined: 'Lähtötasoon kirjatut havainnot',
    reasonColumns: ['Rivi:sarake', 'Sääntö', 'Perustelu'],
    rules: 'Säännöt',
    ruleColumns: ['Sääntö', 'Lähde', 'Tulos'],
    outcome: { passed: 'täyttyy', failed: 'ei täyty', suppressed: 'vaiennettu', baselined: 'lähtötasossa', off: 'pois käytöstä asetuksissa', 'not-in-force': 'ei vielä voimassa', 'not-evaluated': 'ei arvioitu' },
    from: (date) => `${date} alkaen`,
    planFormat: 'Laatuvahdin suunnitelmamuoto',
    unchecked: 'Sääntöjä ei voitu arvioida: korjaa ensin yllä olevat havainnot.',
    unreadable: 'Ei voitu lukea',
  },
  sv: {
    title: 'Laatuvahti – kontrollrapport',
    intro: (today, version, c) => `${n(c, 'plan', 'planer')} ${c === 1 ? 'kontrollerad' : 'kontrollerade'} mot reglerna i kraft ${today} (laatuvahti ${version}).`,
    baseline: (file) => `Fynd som finns i baslinjen ${file} leder inte till underkännande.`,
    overview: ['Plan', 'Typ', 'Resultat', 'Fel', 'Varningar', 'Undantagna'],
    inBaseline: 'I baslinjen',
    result: { passes: '✅ godkänd', warnings: '⚠️ varningar', fails: '❌ underkänd', unchecked: '❌ kunde inte kontrolleras' },
    findings: 'Fynd',
    findingColumns: ['Rad:kolumn', 'Allvarlighetsgrad', 'Fynd', 'Regel'],
    suppressed: 'Undantagna fynd',
    baselined: 'Fynd i baslinjen',
    reasonColumns: ['Rad:kolumn', 'Regel', 'Motivering'],
    rules: 'Regler',
    ruleColumns: ['Regel', 'Källa', 'Resultat'],
    outcome: { passed: 'uppfylld', failed: 'inte uppfylld', suppressed: 'undantagen', baselined: 'i baslinjen', off: 'avstängd i konfigurationen', 'not-in-force': 'ännu inte i kraft', 'not-evaluated': 'inte utvärderad' },
    from: (date) => `från ${date}`,
    planFormat: 'Laatuvahtis planformat',
    unchecked: 'Inga regler kunde utvärderas: åtgärda först fynden ovan.',
    unreadable: 'Kunde inte läsas',
  },
};

const OUTCOME_MARKS: Record<RuleOutcomeKind, string> = {
  passed: '✅',
  failed: '❌',
  suppressed: '☑️',
  baselined: '☑️',
  off: '➖',
  'not-in-force': '➖',
  'not-evaluated': '❔',
};

/** The order outcomes are counted in under each plan. */
const OUTCOME_ORDER: readonly RuleOutcomeKind[] = ['passed', 'failed', 'suppressed', 'baselined', 'off', 'not-in-force', 'not-evaluated'];

/**
 * Text as it reads in Markdown: on one line, with the characters that would start emphasis,
 * code, links, HTML or a table cell escaped (text from a plan must not become markup).
 */
export function mdText(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]<>|#~&!]/g, (c) => `\\${c}`);
}

function table(head: readonly string[], rows: readonly string[][], numeric: readonly number[] = []): string[] {
  const rule = head.map((_, i) => (numeric.includes(i) ? '---:' : '---'));
  return [head, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

function planResult(file: FileResult): PlanResult {
  if (!file.kind) return 'unchecked';
  if (file.diagnostics.some((d) => d.severity === 'error')) return 'fails';
  return file.diagnostics.length > 0 ? 'warnings' : 'passes';
}

function where(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

/** The Markdown report. */
export const formatMarkdown: Formatter = (input) => {
  const words = WORDS[input.locale];
  const files = checkedFiles(input);
  const rules = new Map(input.rules.map((r) => [r.id, r]));
  const ruleLink = (id: string) => {
    const info = rules.get(id);
    return info ? `[\`${id}\`](${info.docsUrl})` : `\`${id}\``;
  };

  const out = [`# ${words.title}`, '', words.intro(input.today, input.version, files.length)];
  if (input.baseline) out.push('', words.baseline(mdText(input.baseline)));
  out.push(
    '',
    ...table(
      input.baseline ? [...words.overview, words.inBaseline] : words.overview,
      files.map((f) => {
        const count = (s: Severity) => String(f.diagnostics.filter((d) => d.severity === s).length);
        const row = [mdText(f.path), f.kind ? KIND_NAMES[f.kind][input.locale] : '–', words.result[planResult(f)], count('error'), count('warning'), String(f.suppressed.length)];
        return input.baseline ? [...row, String(f.baselined?.length ?? 0)] : row;
      }),
      [3, 4, 5, 6],
    ),
  );
  const skipped = input.summary.skipped;
  const unreadable = input.results.filter((r) => r.status === 'unreadable');
  if (skipped > 0) out.push('', `${SKIPPED_WORDS[input.locale](skipped)}.`);
  if (unreadable.length > 0) out.push('', `${words.unreadable}: ${unreadable.map((r) => `${mdText(r.path)} (${mdText(r.error ?? '')})`).join(', ')}.`);

  for (const file of files) {
    out.push('', `## ${mdText(file.path)}`, '');
    const facts = [file.kind ? KIND_NAMES[file.kind][input.locale] : words.result.unchecked, ...(file.sha256 ? [`SHA-256 \`${file.sha256}\``] : [])];
    out.push(facts.join(' · '));
    if (file.outcomes?.length) out.push('', `${words.rules}: ${outcomeCounts(file.outcomes, words)}.`);
    const findings = (heading: string, list: readonly Diagnostic[]) => {
      if (list.length === 0) return;
      out.push('', `### ${heading}`, '');
      out.push(...table(words.findingColumns, list.map((d) => [where(d), SEVERITY_WORDS[input.locale][d.severity], mdText(d.message), ruleLink(d.ruleId)])));
    };
    findings(words.findings, file.diagnostics);
    if (file.suppressed.length > 0) {
      out.push('', `### ${words.suppressed}`, '');
      out.push(...table(words.reasonColumns, file.suppressed.map((d) => [where(d), ruleLink(d.ruleId), mdText(`${d.suppressed?.justification ?? ''}${untilText(d)}`)])));
    }
    findings(words.baselined, file.baselined ?? []);
    if (!file.kind) {
      out.push('', words.unchecked);
      continue;
    }
    if (file.outcomes?.length) {
      out.push('', `### ${words.rules}`, '');
      out.push(...table(words.ruleColumns, file.outcomes.map((o) => [ruleCell(o.ruleId, rules.get(o.ruleId), ruleLink), sourceCell(rules.get(o.ruleId), words), outcomeCell(o, words)])));
    }
  }
  return out.join('\n') + '\n';
};

function ruleCell(id: string, info: RuleInfo | undefined, link: (id: string) => string): string {
  return info ? `${link(id)} ${mdText(info.title)}` : link(id);
}

function sourceCell(info: RuleInfo | undefined, words: Words): string {
  if (!info) return '–';
  if (!info.source) return mdText(words.planFormat);
  const reqs = info.source.requirements.length ? ` (${info.source.requirements.join(', ')})` : '';
  return mdText(`${info.source.title}${reqs}`);
}

function outcomeCell(o: RuleOutcome, words: Words): string {
  const mark = o.outcome === 'failed' && o.severity !== 'error' ? '⚠️' : OUTCOME_MARKS[o.outcome];
  const count = o.outcome === 'failed' ? o.findings : o.outcome === 'suppressed' ? o.suppressed : o.outcome === 'baselined' ? o.baselined : 0;
  const detail = o.outcome === 'not-in-force' && o.appliesFrom ? ` (${words.from(o.appliesFrom)})` : count > 0 ? ` (${count})` : '';
  return `${mark} ${words.outcome[o.outcome]}${detail}`;
}

function outcomeCounts(outcomes: readonly RuleOutcome[], words: Words): string {
  const counts = new Map<RuleOutcomeKind, number>();
  for (const o of outcomes) counts.set(o.outcome, (counts.get(o.outcome) ?? 0) + 1);
  return OUTCOME_ORDER.filter((k) => counts.has(k))
    .map((k) => `${counts.get(k)} ${words.outcome[k]}`)
    .join(', ');
}
