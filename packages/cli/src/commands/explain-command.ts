/**
 * CLI, the `explain` command: one rule's title, severity, kinds and source in the chosen
 * locale, then its README (markdown). An unknown id gets a "did you mean" and exit 2.
 */
import { BASIS_NAMES, OFF_BY_DEFAULT, closest, localizedRuleDocs, type Locale } from '@laatuvahti/core/internal';
import { listRules } from '../rule-catalog.js';
import { EXIT_OK, EXIT_TOOL_ERROR } from '../run-result.js';
import { settingsForCwd } from './rule-settings.js';
import type { CliIo } from '../cli-io.js';
import type { CliOptions } from '../parse-args.js';

const LABELS: Record<Locale, { severity: string; basis: string; kinds: string; from: string; source: string; docs: string; builtin: string }> = {
  en: { severity: 'Severity', basis: 'Basis', kinds: 'Applies to', from: 'Applies from', source: 'Source', docs: 'Documentation', builtin: 'A built-in rule of the checker (syntax, schema, configuration, suppressions).' },
  fi: { severity: 'Vakavuus', basis: 'Peruste', kinds: 'Koskee', from: 'Sovelletaan alkaen', source: 'Lähde', docs: 'Ohje', builtin: 'Tarkistimen sisäänrakennettu sääntö (syntaksi, rakenne, asetukset, poikkeukset).' },
  sv: { severity: 'Allvarlighetsgrad', basis: 'Grund', kinds: 'Gäller', from: 'Tillämpas från', source: 'Källa', docs: 'Dokumentation', builtin: 'En inbyggd regel i kontrollen (syntax, schema, konfiguration, undantag).' },
};

/** Runs `laatuvahti explain <rule-id>`; returns the exit code. */
export function runExplain(ruleId: string, options: CliOptions, io: CliIo): number {
  const settings = settingsForCwd(options, io);
  if (!settings) return EXIT_TOOL_ERROR;
  const locale = settings.locale;
  const rules = listRules(settings.pack, locale);
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) {
    const suggestion = closest(ruleId, rules.map((r) => r.id));
    io.err(`laatuvahti: Unknown rule "${ruleId}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Run "laatuvahti rules" for the list.\n`);
    return EXIT_TOOL_ERROR;
  }
  const l = LABELS[locale];
  const severity = rule.defaultSeverity === 'off' ? `${rule.severity} (${OFF_BY_DEFAULT[locale]})` : rule.severity;
  const facts = [`${l.severity}: ${severity}`, ...(rule.basis ? [`${l.basis}: ${BASIS_NAMES[rule.basis][locale]}`] : []), `${l.kinds}: ${rule.kinds.join(', ')}`, ...(rule.appliesFrom ? [`${l.from}: ${rule.appliesFrom}`] : [])];
  const lines = [`# ${rule.id}: ${rule.title}`, '', facts.join(' · ')];
  if (rule.source) lines.push(`${l.source}: ${rule.source.title} (${rule.source.requirements.join(', ')})${rule.source.url ? ` ${rule.source.url}` : ''}`);
  else lines.push(l.builtin);
  lines.push(`${l.docs}: ${rule.docsUrl}`);
  // Without the README's own `# <rule-id>` title, which would repeat the heading above.
  if (rule.readme) lines.push('', '---', '', localizedRuleDocs(rule.readme, locale, { title: false }).trimEnd());
  io.out(lines.join('\n') + '\n');
  return EXIT_OK;
}
