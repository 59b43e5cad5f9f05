/**
 * A compliance report in Markdown, for quality officers and auditors: beyond the findings it is
 * evidence of what was checked. Per plan its SHA-256 (the exact version), its findings, the
 * suppressions used with their reasons, and the outcome of every rule of its kind with the
 * rule's source (see `ruleOutcomes`). The CLI's `--format markdown` and the language server's
 * report for one open plan both print it; words are in the report's locale.
 */
import { BUILTIN_RULES, BUILTIN_TITLES } from '../messages/builtin-messages.js';
import { builtinDocsUrl } from '../messages/docs.js';
import { countOf } from '../messages/format-message.js';
import { KIND_NAMES, type PlanKind } from '../schema/common.js';
import type { CompiledPack } from '../rules/compile-pack.js';
import { formatPath } from '../rules/data-path.js';
import type { RuleOutcome, RuleOutcomeKind } from '../outcomes.js';
import type { Diagnostic, Locale, Severity } from '../types.js';

/** One plan of a report. */
export interface ReportedPlan {
  /** The path or name shown for the plan. */
  path: string;
  /** Its kind; absent when it could not be checked (no rule ran). */
  kind?: PlanKind;
  /** SHA-256 of the plan's bytes, hex. */
  sha256?: string;
  /** The `laatuvahti.config.yaml` the plan was checked with, as shown to the user. */
  config?: string;
  /** Findings that stand. */
  diagnostics: readonly Diagnostic[];
  /** Findings silenced by suppression comments, with their justification. */
  suppressed: readonly Diagnostic[];
  /** Findings a baseline file records. */
  baselined?: readonly Diagnostic[];
  /** The outcome of every rule of the plan's kind (`ruleOutcomes`). */
  outcomes?: readonly RuleOutcome[];
  /** `data` for a plan checked as data (`checkData`): findings are shown by data path, not line. */
  located?: 'text' | 'data';
}

/** What the report shows of a rule. */
export interface ReportedRule {
  title: string;
  docsUrl: string;
  /** The citation in the report's locale; absent for the engine's own checks. */
  source?: { title: string; requirements: readonly string[] };
}

/** Everything a report is made from. */
export interface ComplianceReportInput {
  plans: readonly ReportedPlan[];
  /** Rule titles, sources and links by rule id (see `reportedRules`). */
  rules: ReadonlyMap<string, ReportedRule>;
  locale: Locale;
  /** The date rules were compared with. */
  today: string;
  /** The version of the tool that checked. */
  version: string;
  /** The baseline file used, as shown to the user. */
  baseline?: string;
  /** Sentences about the run for below the overview (files skipped, files unreadable), already in the locale. */
  notes?: readonly string[];
}

/** A plan's overall result in the report's overview. */
export type PlanResult = 'passes' | 'warnings' | 'fails' | 'unchecked';

/** The report's words in one locale. */
export interface ReportWords {
  title: string;
  intro: (today: string, version: string, plans: number) => string;
  baseline: (file: string) => string;
  overview: [plan: string, kind: string, result: string, errors: string, warnings: string, suppressed: string];
  /** The overview's last column with a baseline. */
  inBaseline: string;
  result: Record<PlanResult, string>;
  findings: string;
  findingColumns: [where: string, severity: string, finding: string, rule: string];
  suppressed: string;
  baselined: string;
  reasonColumns: [where: string, rule: string, reason: string];
  rules: string;
  ruleColumns: [rule: string, source: string, outcome: string];
  /** Heading and columns of the table of each rule's outcomes over all plans (several plans). */
  acrossPlans: string;
  acrossColumns: [rule: string, met: string, notMet: string, excepted: string, other: string];
  outcome: Record<RuleOutcomeKind, string>;
  /** When a rule not yet in force applies from. */
  from: (date: string) => string;
  until: (date: string) => string;
  config: (file: string) => string;
  /** The source column of the engine's own checks. */
  planFormat: string;
  unchecked: string;
}

/** A finding's severity in words. */
export const SEVERITY_NAMES: Readonly<Record<Locale, Record<Severity, string>>> = {
  en: { error: 'error', warning: 'warning', info: 'info' },
  fi: { error: 'virhe', warning: 'varoitus', info: 'huomio' },
  sv: { error: 'fel', warning: 'varning', info: 'info' },
};


const WORDS: Record<Locale, ReportWords> = {
  en: {
    title: 'Laatuvahti compliance report',
    intro: (today, version, n) => `${countOf(n, 'plan', 'plans')} checked against the rules in force on ${today} (laatuvahti ${version}).`,
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
    acrossPlans: 'Rules across the plans',
    acrossColumns: ['Rule', '✅ met', '❌ not met', '☑️ suppressed or in the baseline', '➖ not applicable, off or not yet in force'],
    outcome: { passed: 'met', failed: 'not met', suppressed: 'suppressed', baselined: 'in the baseline', 'not-applicable': 'not applicable', off: 'off in the config', 'not-in-force': 'not yet in force', 'not-evaluated': 'not evaluated' },
    from: (date) => `from ${date}`,
    until: (date) => `until ${date}`,
    config: (file) => `config ${file}`,
    planFormat: 'Laatuvahti plan format',
    unchecked: 'No rule could be evaluated: the findings above must be fixed first.',
  },
  fi: {
    title: 'Laatuvahti – tarkistusraportti',
    intro: (today, version, n) => `${countOf(n, 'suunnitelma', 'suunnitelmaa')} tarkistettu ${today} voimassa olevien sääntöjen mukaan (laatuvahti ${version}).`,
    baseline: (file) => `Lähtötasotiedostoon ${file} kirjattuja havaintoja ei lasketa puutteiksi.`,
    overview: ['Suunnitelma', 'Laji', 'Tulos', 'Virheet', 'Varoitukset', 'Vaiennetut'],
    inBaseline: 'Lähtötasossa',
    result: { passes: '✅ ei puutteita', warnings: '⚠️ varoituksia', fails: '❌ puutteita', unchecked: '❌ ei voitu tarkistaa' },
    findings: 'Havainnot',
    findingColumns: ['Rivi:sarake', 'Vakavuus', 'Havainto', 'Sääntö'],
    suppressed: 'Vaiennetut havainnot',
    baselined: 'Lähtötasoon kirjatut havainnot',
    reasonColumns: ['Rivi:sarake', 'Sääntö', 'Perustelu'],
    rules: 'Säännöt',
    ruleColumns: ['Sääntö', 'Lähde', 'Tulos'],
    acrossPlans: 'Säännöt kaikissa suunnitelmissa',
    acrossColumns: ['Sääntö', '✅ täyttyy', '❌ ei täyty', '☑️ vaiennettu tai lähtötasossa', '➖ ei sovellu, pois käytöstä tai ei vielä voimassa'],
    outcome: { passed: 'täyttyy', failed: 'ei täyty', suppressed: 'vaiennettu', baselined: 'lähtötasossa', 'not-applicable': 'ei sovellu', off: 'pois käytöstä asetuksissa', 'not-in-force': 'ei vielä voimassa', 'not-evaluated': 'ei arvioitu' },
    from: (date) => `${date} alkaen`,
    until: (date) => `${date} asti`,
    config: (file) => `asetukset ${file}`,
    planFormat: 'Laatuvahdin suunnitelmamuoto',
    unchecked: 'Sääntöjä ei voitu arvioida: korjaa ensin yllä olevat havainnot.',
  },
  sv: {
    title: 'Laatuvahti – kontrollrapport',
    intro: (today, version, n) => `${countOf(n, 'plan', 'planer')} ${n === 1 ? 'kontrollerad' : 'kontrollerade'} enligt reglerna som gäller ${today} (laatuvahti ${version}).`,
    baseline: (file) => `Fynd som finns i baslinjen ${file} räknas inte som brister.`,
    overview: ['Plan', 'Typ', 'Resultat', 'Fel', 'Varningar', 'Undantagna'],
    inBaseline: 'I baslinjen',
    result: { passes: '✅ inga brister', warnings: '⚠️ varningar', fails: '❌ brister', unchecked: '❌ kunde inte kontrolleras' },
    findings: 'Fynd',
    findingColumns: ['Rad:kolumn', 'Allvarlighetsgrad', 'Fynd', 'Regel'],
    suppressed: 'Undantagna fynd',
    baselined: 'Fynd i baslinjen',
    reasonColumns: ['Rad:kolumn', 'Regel', 'Motivering'],
    rules: 'Regler',
    ruleColumns: ['Regel', 'Källa', 'Resultat'],
    acrossPlans: 'Reglerna i alla planer',
    acrossColumns: ['Regel', '✅ uppfylld', '❌ inte uppfylld', '☑️ undantagen eller i baslinjen', '➖ inte tillämplig, avstängd eller ännu inte i kraft'],
    outcome: { passed: 'uppfylld', failed: 'inte uppfylld', suppressed: 'undantagen', baselined: 'i baslinjen', 'not-applicable': 'inte tillämplig', off: 'avstängd i konfigurationen', 'not-in-force': 'ännu inte i kraft', 'not-evaluated': 'inte utvärderad' },
    from: (date) => `från ${date}`,
    until: (date) => `till ${date}`,
    config: (file) => `konfiguration ${file}`,
    planFormat: 'Laatuvahtis planformat',
    unchecked: 'Inga regler kunde utvärderas: åtgärda först fynden ovan.',
  },
};

/** The mark each outcome has in the report's tables. */
export const OUTCOME_MARKS: Readonly<Record<RuleOutcomeKind, string>> = {
  passed: '✅',
  failed: '❌',
  suppressed: '☑️',
  baselined: '☑️',
  'not-applicable': '➖',
  off: '➖',
  'not-in-force': '➖',
  'not-evaluated': '❔',
};

/** The order outcomes are counted in under each plan. */
export const OUTCOME_ORDER: readonly RuleOutcomeKind[] = ['passed', 'failed', 'suppressed', 'baselined', 'not-applicable', 'off', 'not-in-force', 'not-evaluated'];

/**
 * Text as it reads in Markdown: on one line, with the characters that would start emphasis,
 * code, links, HTML or a table cell escaped (text from a plan must not become markup).
 */
export function markdownText(text: string): string {
  return text.replace(/\r\n|[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/[\\`*_{}[\]<>|#~&!]/g, (c) => `\\${c}`);
}

/** Titles, sources and links of a pack's rules and the built-in checks, in a locale. */
export function reportedRules(pack: CompiledPack, locale: Locale): Map<string, ReportedRule> {
  const out = new Map<string, ReportedRule>();
  for (const [id, { definition: d, docsUrl }] of pack.rules) {
    out.set(id, { title: d.title[locale], docsUrl, source: { title: d.source.title[locale], requirements: d.source.requirements ?? [] } });
  }
  for (const id of BUILTIN_RULES) out.set(id, { title: BUILTIN_TITLES[id][locale], docsUrl: builtinDocsUrl(id) });
  return out;
}

function table(head: readonly string[], rows: readonly string[][], numeric: readonly number[] = []): string[] {
  const rule = head.map((_, i) => (numeric.includes(i) ? '---:' : '---'));
  return [head, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

/**
 * The report's words in a locale (headings, columns, outcomes), for another rendering of the
 * same report (the CLI's HTML report), so that both read alike.
 */
export function reportWords(locale: Locale): ReportWords {
  return WORDS[locale];
}

/** A plan's overall result: could not be checked, fails (an error), warnings, or passes. */
export function planResult(plan: ReportedPlan): PlanResult {
  if (!plan.kind) return 'unchecked';
  if (plan.diagnostics.some((d) => d.severity === 'error')) return 'fails';
  return plan.diagnostics.length > 0 ? 'warnings' : 'passes';
}

function where(d: Diagnostic, plan: ReportedPlan): string {
  return plan.located === 'data' ? markdownText(formatPath(d.path)) : `${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

/** The report as Markdown. */
export function complianceReport(input: ComplianceReportInput): string {
  const words = WORDS[input.locale];
  const ruleLink = (id: string) => {
    const info = input.rules.get(id);
    return info ? `[\`${id}\`](${info.docsUrl})` : `\`${id}\``;
  };
  const kindName = (plan: ReportedPlan) => (plan.kind ? KIND_NAMES[plan.kind][input.locale] : undefined);

  const out = [`# ${words.title}`, '', words.intro(input.today, input.version, input.plans.length)];
  if (input.baseline) out.push('', words.baseline(markdownText(input.baseline)));
  const withBaseline = input.baseline !== undefined;
  out.push(
    '',
    ...table(
      withBaseline ? [...words.overview, words.inBaseline] : words.overview,
      input.plans.map((p) => {
        const n = (s: Severity) => String(p.diagnostics.filter((d) => d.severity === s).length);
        const row = [markdownText(p.path), kindName(p) ?? '–', words.result[planResult(p)], n('error'), n('warning'), String(p.suppressed.length)];
        return withBaseline ? [...row, String(p.baselined?.length ?? 0)] : row;
      }),
      [3, 4, 5, 6],
    ),
  );
  for (const note of input.notes ?? []) out.push('', markdownText(note));
  out.push(...acrossPlans(input, words, ruleLink));

  for (const plan of input.plans) {
    out.push('', `## ${markdownText(plan.path)}`, '');
    const facts = [kindName(plan) ?? words.result.unchecked, ...(plan.sha256 ? [`SHA-256 \`${plan.sha256}\``] : []), ...(plan.config ? [markdownText(words.config(plan.config))] : [])];
    out.push(facts.join(' · '));
    if (plan.outcomes?.length) out.push('', `${words.rules}: ${outcomeCounts(plan.outcomes, words)}.`);
    const findings = (heading: string, list: readonly Diagnostic[]) => {
      if (list.length === 0) return;
      out.push('', `### ${heading}`, '');
      out.push(...table(words.findingColumns, list.map((d) => [where(d, plan), SEVERITY_NAMES[input.locale][d.severity], markdownText(d.message), ruleLink(d.ruleId)])));
    };
    findings(words.findings, plan.diagnostics);
    if (plan.suppressed.length > 0) {
      out.push('', `### ${words.suppressed}`, '');
      const reason = (d: Diagnostic) => `${d.suppressed?.justification ?? ''}${d.suppressed?.until ? ` (${words.until(d.suppressed.until)})` : ''}`;
      out.push(...table(words.reasonColumns, plan.suppressed.map((d) => [where(d, plan), ruleLink(d.ruleId), markdownText(reason(d))])));
    }
    findings(words.baselined, plan.baselined ?? []);
    if (!plan.kind) {
      out.push('', words.unchecked);
      continue;
    }
    if (plan.outcomes?.length) {
      out.push('', `### ${words.rules}`, '');
      out.push(...table(words.ruleColumns, plan.outcomes.map((o) => [ruleCell(o.ruleId, input.rules.get(o.ruleId), ruleLink), sourceCell(input.rules.get(o.ruleId), words), outcomeText(o, words)])));
    }
  }
  return out.join('\n') + '\n';
}

/**
 * With several plans: per rule, in how many plans it was met, not met, excepted or not in play,
 * the rules not met most often first. Where a unit, a county or a supervisor starts.
 */
function acrossPlans(input: ComplianceReportInput, words: ReportWords, link: (id: string) => string): string[] {
  const rows = ruleCountsAcrossPlans(input.plans);
  if (rows.length === 0) return [];
  return ['', `## ${words.acrossPlans}`, '', ...table(words.acrossColumns, rows.map(([id, n]) => [ruleCell(id, input.rules.get(id), link), ...n.map(String)]), [1, 2, 3, 4])];
}

/**
 * Per rule, over the plans with outcomes, in how many it was met, not met, excepted
 * (suppressed or in the baseline) or not in play, the rules not met most often first; empty
 * with fewer than two such plans.
 */
export function ruleCountsAcrossPlans(plans: readonly ReportedPlan[]): [ruleId: string, counts: [met: number, notMet: number, excepted: number, other: number]][] {
  const withOutcomes = plans.filter((p) => p.outcomes?.length);
  if (withOutcomes.length < 2) return [];
  const columnOf: Record<RuleOutcomeKind, 0 | 1 | 2 | 3> = { passed: 0, failed: 1, suppressed: 2, baselined: 2, 'not-applicable': 3, off: 3, 'not-in-force': 3, 'not-evaluated': 3 };
  const counts = new Map<string, [number, number, number, number]>();
  for (const plan of withOutcomes) {
    for (const o of plan.outcomes!) {
      let row = counts.get(o.ruleId);
      if (!row) counts.set(o.ruleId, (row = [0, 0, 0, 0]));
      row[columnOf[o.outcome]]++;
    }
  }
  return [...counts].sort(([a, x], [b, y]) => y[1] - x[1] || (a < b ? -1 : a > b ? 1 : 0));
}

function ruleCell(id: string, info: ReportedRule | undefined, link: (id: string) => string): string {
  return info ? `${link(id)} ${markdownText(info.title)}` : link(id);
}

function sourceCell(info: ReportedRule | undefined, words: ReportWords): string {
  return info ? markdownText(sourceText(info, words)) : '–';
}

/** A rule's source as plain text: its citation with the requirement numbers. */
export function sourceText(info: ReportedRule, words: ReportWords): string {
  if (!info.source) return words.planFormat;
  const reqs = info.source.requirements.length ? ` (${info.source.requirements.join(', ')})` : '';
  return `${info.source.title}${reqs}`;
}

/** A rule's outcome as plain text: its mark, its word and how many findings or from when. */
export function outcomeText(o: RuleOutcome, words: ReportWords): string {
  const mark = o.outcome === 'failed' && o.severity !== 'error' ? '⚠️' : OUTCOME_MARKS[o.outcome];
  const n = o.outcome === 'failed' ? o.findings : o.outcome === 'suppressed' ? o.suppressed : o.outcome === 'baselined' ? o.baselined : 0;
  const detail = o.outcome === 'not-in-force' && o.appliesFrom ? ` (${words.from(o.appliesFrom)})` : n > 0 ? ` (${n})` : '';
  return `${mark} ${words.outcome[o.outcome]}${detail}`;
}

/** "3 met, 1 not met": how many rules had each outcome, in the report's order. */
export function outcomeCounts(outcomes: readonly RuleOutcome[], words: ReportWords): string {
  const counts = new Map<RuleOutcomeKind, number>();
  for (const o of outcomes) counts.set(o.outcome, (counts.get(o.outcome) ?? 0) + 1);
  return OUTCOME_ORDER.filter((k) => counts.has(k))
    .map((k) => `${counts.get(k)} ${words.outcome[k]}`)
    .join(', ');
}
