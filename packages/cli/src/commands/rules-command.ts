/**
 * CLI, the `rules` command: a table of every rule (the pack, local rule folders, the built-in
 * ones) with its default severity, the kinds it applies to and its source.
 */
import { BASIS_NAMES, defaultSeverity, effectiveSeverity, type Locale } from '@laatuvahti/core/internal';
import { listRules } from '../rule-catalog.js';
import { EXIT_OK, EXIT_TOOL_ERROR } from '../run-result.js';
import { settingsForCwd } from './rule-settings.js';
import type { CliIo } from '../cli-io.js';
import type { CliOptions } from '../parse-args.js';

const HEADERS: Record<Locale, [string, string, string, string, string]> = {
  en: ['RULE', 'SEVERITY', 'BASIS', 'KINDS', 'SOURCE'],
  fi: ['SÄÄNTÖ', 'VAKAVUUS', 'PERUSTE', 'ASIAKIRJAT', 'LÄHDE'],
  sv: ['REGEL', 'ALLVARLIGHET', 'GRUND', 'DOKUMENT', 'KÄLLA'],
};
const BUILT_IN: Record<Locale, string> = { en: 'built-in', fi: 'sisäänrakennettu', sv: 'inbyggd' };
const CONFIGURED: Record<Locale, string> = { en: 'config', fi: 'asetus', sv: 'konfig' };

/** Runs `laatuvahti rules`; returns the exit code. */
export function runRules(options: CliOptions, io: CliIo): number {
  const settings = settingsForCwd(options, io);
  if (!settings) return EXIT_TOOL_ERROR;
  const locale = settings.locale;
  const rows = listRules(settings.pack, locale).map((r) => {
    // Under the config's rule set: a practice rule that laatuvahti:strict switches on has its own severity.
    const fallback = r.basis ? defaultSeverity({ id: r.id, severity: r.severity, basis: r.basis }, settings.settings) : r.defaultSeverity;
    const effective = effectiveSeverity(settings.settings, r.id, fallback);
    const severity = effective === r.defaultSeverity ? r.defaultSeverity : `${r.defaultSeverity} (${CONFIGURED[locale]}: ${effective})`;
    const ids = r.source?.requirements.length ? ` (${r.source.requirements.join(', ')})` : '';
    const source = r.source ? `${r.source.title}${ids}` : BUILT_IN[locale];
    return [r.id, severity, r.basis ? BASIS_NAMES[r.basis][locale] : '-', r.builtin ? '*' : r.kinds.join(', '), source];
  });
  const table = [HEADERS[locale], ...rows];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...table.map((row) => row[i]!.length)));
  io.out(table.map((row) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd()).join('\n') + '\n');
  return EXIT_OK;
}
