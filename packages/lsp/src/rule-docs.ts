/**
 * Rule documentation for people: a short explanation for hovers, the full markdown for the
 * `laatuvahti/ruleDocumentation` request, and the rule list. Everything comes from the pack
 * (title, source citation, README); the server adds no rule knowledge of its own.
 */
import { BASIS_NAMES, BUILTIN_RULES, BUILTIN_SEVERITIES, BUILTIN_TITLES, builtinDocsUrl, defaultSeverity, effectiveSeverity, localizedRuleDocs, ruleSummary, type CompiledPack, type Locale, type ResolvedSettings } from '@laatuvahti/core/internal';
import type { RuleSummary } from './custom-requests.js';
import { lspText } from './lsp-messages.js';

type BuiltinId = (typeof BUILTIN_RULES)[number];


function isBuiltin(id: string): id is BuiltinId {
  return (BUILTIN_RULES as readonly string[]).includes(id);
}

/** A rule's title in a locale, built-in checks included. */
export function ruleTitle(pack: CompiledPack, id: string, locale: Locale): string | undefined {
  const rule = pack.rules.get(id);
  if (rule) return rule.definition.title[locale];
  return isBuiltin(id) ? BUILTIN_TITLES[id][locale] : undefined;
}

function sourceLine(pack: CompiledPack, id: string, locale: Locale): string | undefined {
  const definition = pack.rules.get(id)?.definition;
  if (!definition) return undefined;
  const src = definition.source;
  const title = src.url ? `[${src.title[locale]}](${src.url})` : src.title[locale];
  const ids = src.requirements?.length ? ` (${src.requirements.join(', ')})` : '';
  return `${lspText('source', locale)}: ${title}${ids} · ${BASIS_NAMES[definition.basis][locale]}`;
}

/** The hover text of a finding's rule: title, what it checks, source and a link. */
export function ruleExplanation(pack: CompiledPack, id: string, locale: Locale, docsUrl: string): string {
  const parts = [`**${ruleTitle(pack, id, locale) ?? id}** · \`${id}\``];
  const readme = pack.rules.get(id)?.readme;
  const summary = readme ? ruleSummary(readme, locale) : undefined;
  if (summary) parts.push(summary);
  const source = sourceLine(pack, id, locale);
  parts.push([source, `[${lspText('documentation', locale)}](${docsUrl})`].filter(Boolean).join('  \n'));
  return parts.join('\n\n');
}

/** The full documentation of a rule as markdown, or null for an unknown id. */
export function ruleDocumentation(pack: CompiledPack, settings: ResolvedSettings, id: string, locale: Locale): string | null {
  const rule = pack.rules.get(id);
  if (!rule && !isBuiltin(id)) return null;
  const severity = effectiveSeverity(settings, id, rule ? defaultSeverity(rule.definition, settings) : BUILTIN_SEVERITIES[id as BuiltinId]);
  const docsUrl = rule ? rule.docsUrl : builtinDocsUrl(id);
  const head = [`# ${ruleTitle(pack, id, locale)}`, '', `\`${id}\` · ${lspText('severity', locale)}: ${severity}`];
  const source = sourceLine(pack, id, locale);
  if (source) head.push('', source);
  head.push('', `[${lspText('documentation', locale)}](${docsUrl})`);
  // The README starts with its own `# id` heading; the localised title above replaces it.
  const body = rule?.readme ? localizedRuleDocs(rule.readme, locale, { title: false }).trim() : undefined;
  return body ? `${head.join('\n')}\n\n---\n\n${body}\n` : `${head.join('\n')}\n`;
}

/** Every rule of the pack plus the built-in checks, with effective severities. */
export function listRules(pack: CompiledPack, settings: ResolvedSettings, locale: Locale): RuleSummary[] {
  const out: RuleSummary[] = [];
  for (const [id, rule] of pack.rules) {
    out.push({ id, title: rule.definition.title[locale], severity: effectiveSeverity(settings, id, defaultSeverity(rule.definition, settings)), source: rule.definition.source.title[locale] });
  }
  for (const id of BUILTIN_RULES) {
    out.push({ id, title: BUILTIN_TITLES[id][locale], severity: effectiveSeverity(settings, id, BUILTIN_SEVERITIES[id]), source: '' });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
