/**
 * CLI, rule information step: a compiled pack plus the engine's built-in rules -> one list of
 * rules with title, default severity, kinds, source citation and documentation in a locale.
 * `rules`, `explain` and the SARIF `tool.driver.rules` all read it.
 */
import { BUILTIN_RULES, BUILTIN_SEVERITIES, BUILTIN_TITLES, KINDS, builtinDocsUrl, defaultSeverity, type CompiledPack, type Locale, type Severity } from '@laatuvahti/core/internal';

/** One rule as the CLI shows it. */
export interface RuleInfo {
  id: string;
  title: string;
  severity: Severity;
  /** What it is in the default rule set: `off` for a rule resting on one unit's practice. */
  defaultSeverity: Severity | 'off';
  /** How binding its source is; absent for built-in rules. */
  basis?: 'law' | 'regulation' | 'guidance' | 'practice';
  kinds: readonly string[];
  /** The citation in the locale, with requirement numbers; absent for built-in rules. */
  source?: { title: string; requirements: string[]; url?: string };
  docsUrl: string;
  /** The rule's README (markdown), when it has one. */
  readme?: string;
  /** One of the engine's own rules (syntax, schema, config, suppressions). */
  builtin: boolean;
  /** Not applied before this date. */
  appliesFrom?: string;
}

/** The pack's rules sorted by id, then the built-in rules. */
export function listRules(pack: CompiledPack, locale: Locale): RuleInfo[] {
  const out: RuleInfo[] = [...pack.rules.values()]
    .map(({ definition: d, docsUrl, readme }) => ({
      id: d.id,
      title: d.title[locale],
      severity: d.severity,
      defaultSeverity: defaultSeverity(d),
      basis: d.basis,
      kinds: d.kinds,
      source: { title: d.source.title[locale], requirements: [...(d.source.requirements ?? [])], ...(d.source.url ? { url: d.source.url } : {}) },
      docsUrl,
      ...(readme ? { readme } : {}),
      builtin: false,
      ...(d.appliesFrom ? { appliesFrom: d.appliesFrom } : {}),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const id of BUILTIN_RULES) {
    out.push({ id, title: BUILTIN_TITLES[id][locale], severity: BUILTIN_SEVERITIES[id], defaultSeverity: BUILTIN_SEVERITIES[id], kinds: KINDS, docsUrl: builtinDocsUrl(id), builtin: true });
  }
  return out;
}

/** Rules of several packs (one per config), first definition of an id wins. */
export function mergeRules(lists: readonly RuleInfo[][]): RuleInfo[] {
  const byId = new Map<string, RuleInfo>();
  for (const list of lists) for (const r of list) if (!byId.has(r.id)) byId.set(r.id, r);
  const all = [...byId.values()];
  return [...all.filter((r) => !r.builtin).sort((a, b) => a.id.localeCompare(b.id)), ...all.filter((r) => r.builtin)];
}
