/**
 * CLI, formatting step: "stylish", for people at a terminal. Findings grouped per file with
 * aligned columns (line:col, severity; then message and rule id), suppressions used listed with their
 * reasons, and one summary line. Words are in the run's locale; colours only when asked.
 */
import type { Diagnostic, Locale, Severity } from '@laatuvahti/core/internal';
import { countOf as n, type RunSummary } from '../run-result.js';
import { checkedFiles, oneLine, untilText, type Formatter } from './report-input.js';
import { SEVERITY_WORDS, SKIPPED_WORDS } from './words.js';

type Paint = (text: string) => string;

function painter(on: boolean, open: number, close: number): Paint {
  return on ? (t) => `\u001b[${open}m${t}\u001b[${close}m` : (t) => t;
}

interface Words {
  severity: Record<Severity | 'suppressed', string>;
  problems: (n: number) => string;
  errors: (n: number) => string;
  warnings: (n: number) => string;
  infos: (n: number) => string;
  inFiles: (withProblems: number, checked: number) => string;
  clean: (checked: number) => string;
  suppressed: (n: number) => string;
  baselined: (n: number) => string;
  skipped: (n: number) => string;
  unchecked: (n: number) => string;
}


const WORDS: Record<Locale, Words> = {
  en: {
    severity: SEVERITY_WORDS.en,
    problems: (c) => n(c, 'problem', 'problems'),
    errors: (c) => n(c, 'error', 'errors'),
    warnings: (c) => n(c, 'warning', 'warnings'),
    infos: (c) => n(c, 'info', 'infos'),
    inFiles: (w, c) => `in ${w} of ${n(c, 'plan file', 'plan files')}`,
    clean: (c) => `${n(c, 'plan file', 'plan files')} checked, no problems`,
    suppressed: (c) => `${n(c, 'finding', 'findings')} suppressed`,
    baselined: (c) => `${n(c, 'finding', 'findings')} in the baseline`,
    skipped: SKIPPED_WORDS.en,
    unchecked: (c) => `${n(c, 'plan', 'plans')} could not be checked`,
  },
  fi: {
    severity: SEVERITY_WORDS.fi,
    problems: (c) => n(c, 'ongelma', 'ongelmaa'),
    errors: (c) => n(c, 'virhe', 'virhettä'),
    warnings: (c) => n(c, 'varoitus', 'varoitusta'),
    infos: (c) => n(c, 'huomio', 'huomiota'),
    inFiles: (w, c) => `${w}/${n(c, 'suunnitelmassa', 'suunnitelmassa')}`,
    clean: (c) => `${n(c, 'suunnitelma', 'suunnitelmaa')} tarkistettu, ei ongelmia`,
    suppressed: (c) => `${n(c, 'havainto', 'havaintoa')} vaiennettu`,
    baselined: (c) => `${n(c, 'havainto', 'havaintoa')} lähtötasossa`,
    skipped: SKIPPED_WORDS.fi,
    unchecked: (c) => `${n(c, 'suunnitelmaa', 'suunnitelmaa')} ei voitu tarkistaa`,
  },
  sv: {
    severity: SEVERITY_WORDS.sv,
    problems: (c) => n(c, 'problem', 'problem'),
    errors: (c) => n(c, 'fel', 'fel'),
    warnings: (c) => n(c, 'varning', 'varningar'),
    infos: (c) => n(c, 'info', 'info'),
    inFiles: (w, c) => `i ${w} av ${n(c, 'plan', 'planer')}`,
    clean: (c) => `${n(c, 'plan kontrollerad', 'planer kontrollerade')}, inga problem`,
    suppressed: (c) => `${n(c, 'fynd', 'fynd')} ${c === 1 ? 'undantaget' : 'undantagna'}`,
    baselined: (c) => `${n(c, 'fynd', 'fynd')} i baslinjen`,
    skipped: SKIPPED_WORDS.sv,
    unchecked: (c) => `${n(c, 'plan', 'planer')} kunde inte kontrolleras`,
  },
};

interface Row {
  where: string;
  label: string;
  severity: Severity | 'suppressed';
  message: string;
  ruleId: string;
}

/** The stylish report. */
export const formatStylish: Formatter = (input) => {
  const words = WORDS[input.locale];
  const c = input.color;
  const paint = {
    error: painter(c, 31, 39),
    warning: painter(c, 33, 39),
    info: painter(c, 36, 39),
    suppressed: painter(c, 2, 22),
    dim: painter(c, 2, 22),
    underline: painter(c, 4, 24),
    bold: painter(c, 1, 22),
    green: painter(c, 32, 39),
  };
  const lines: string[] = [];
  for (const file of checkedFiles(input)) {
    if (file.diagnostics.length === 0 && file.suppressed.length === 0) continue;
    const rows: Row[] = [
      ...file.diagnostics.map((d) => row(d, d.severity, d.message)),
      ...file.suppressed.map((d) => row(d, 'suppressed', `${d.suppressed?.justification ?? ''}${untilText(d)}`)),
    ];
    const w = { where: width(rows, 'where'), label: width(rows, 'label') };
    lines.push(paint.underline(oneLine(file.path)));
    for (const r of rows) {
      const label = paint[r.severity](pad(words.severity[r.severity], w.label));
      // Messages are sentences of very different lengths: padding them would push the rule id
      // far to the right, so it follows the message.
      const message = r.severity === 'suppressed' ? paint.dim(r.message) : r.message;
      lines.push(`  ${paint.dim(pad(r.where, w.where))}  ${label}  ${message}  ${paint.dim(r.ruleId)}`.trimEnd());
    }
    lines.push('');
  }
  lines.push(summaryLine(input.summary, words, paint));
  return lines.join('\n') + '\n';

  function row(d: Diagnostic, severity: Row['severity'], message: string): Row {
    return { where: `${d.range.start.line + 1}:${d.range.start.character + 1}`, label: words.severity[severity], severity, message: oneLine(message), ruleId: d.ruleId };
  }
};

function width(rows: Row[], key: 'where' | 'label'): number {
  return Math.max(...rows.map((r) => r[key].length));
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - text.length));
}

function summaryLine(s: RunSummary, words: Words, paint: Record<'error' | 'warning' | 'green' | 'bold' | 'dim', (t: string) => string>): string {
  const problems = s.errors + s.warnings + s.infos;
  const extras: string[] = [];
  if (s.unparsed > 0) extras.push(words.unchecked(s.unparsed));
  if (s.suppressed > 0) extras.push(words.suppressed(s.suppressed));
  if (s.baselined > 0) extras.push(words.baselined(s.baselined));
  if (s.skipped > 0) extras.push(words.skipped(s.skipped));
  const tail = extras.length ? ` · ${extras.join(' · ')}` : '';
  if (problems === 0) return `${paint.green('✔')} ${words.clean(s.checked)}${tail}`;
  const parts = [words.errors(s.errors), words.warnings(s.warnings), ...(s.infos ? [words.infos(s.infos)] : [])];
  const head = `✖ ${words.problems(problems)} (${parts.join(', ')}) ${words.inFiles(s.filesWithProblems, s.checked)}`;
  return (s.errors > 0 ? paint.error : paint.warning)(paint.bold(head)) + tail;
}
