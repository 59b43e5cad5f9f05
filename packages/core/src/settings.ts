/**
 * Settings: a config file (or the same data from an editor) resolved against a rule pack into
 * effective severities and options. Unknown rule ids and invalid option values become
 * `rule-load` diagnostics in the config file, with a "did you mean".
 */
import type { CompiledPack } from './rules/compile-pack.js';
import { optionValueValid, type ConfigFile, type RuleFile, type RuleSet, type RuleSetChoice } from './rules/rule-schema.js';
import type { Locale, Severity, SeveritySetting } from './types.js';
import { BUILTIN_RULES } from './messages/builtin-messages.js';
import { closest } from './suggest.js';
import { parseText, rangeOf } from './parse/parse-text.js';
import { locatePath } from './parse/locate.js';
import { ruleLoadDiagnostic, type FileDiagnostic } from './rules/read-definitions.js';

/** Per-rule settings as a caller may give them (the `rules:` section of the config file). */
export type RuleSettings = ConfigFile['rules'];

/** Effective settings for a check. */
export interface ResolvedSettings {
  severities: ReadonlyMap<string, SeveritySetting>;
  /**
   * Rules switched on whatever the rule set, at their own severities and their checks' (the
   * practice rules of `laatuvahti:strict`, or the rule whose cases are being run).
   */
  enabled?: ReadonlySet<string>;
  /** Options of every rule in the pack, defaults filled in, by rule id. */
  options: Record<string, Record<string, unknown>>;
}

/**
 * Resolves per-rule settings against a pack. Invalid entries are skipped (the default stays in
 * force) and reported; `source` lets the report point at the offending line of the config file,
 * whose `rules:` map is at `source.path` (default `['rules']`; an override's is
 * `['overrides', 2, 'rules']`).
 */
export function resolveSettings(
  pack: CompiledPack,
  rules: RuleSettings,
  source?: { uri: string; text: string; path?: readonly (string | number)[] },
  locale: Locale = 'en',
  ruleSets: RuleSetChoice | undefined = undefined,
): { settings: ResolvedSettings; diagnostics: FileDiagnostic[] } {
  const severities = new Map<string, SeveritySetting>();
  // `laatuvahti:strict` turns on what the recommended set leaves off: the practice rules.
  const enabled = new Set<string>();
  if (chosenSets(ruleSets).includes('laatuvahti:strict')) {
    for (const [id, rule] of pack.rules) if (rule.definition.basis === 'practice') enabled.add(id);
  }
  const options = defaultRuleOptions(pack);
  const diagnostics: FileDiagnostic[] = [];
  // Parsed only when there is something to point at: most configs are valid.
  let parsed: ReturnType<typeof parseText> | undefined;
  const at = [...(source?.path ?? ['rules'])];
  const report = (path: (string | number)[], detail: string) => {
    if (!source) {
      diagnostics.push(ruleLoadDiagnostic('', detail, locale, path));
      return;
    }
    parsed ??= parseText(source.text);
    const loc = locatePath(parsed, [...at, ...path], path.length === 1 ? 'key' : 'value');
    diagnostics.push(ruleLoadDiagnostic(source.uri, detail, locale, [...at, ...path], rangeOf(parsed.lineCounter, loc.start, loc.end)));
  };

  const known = [...pack.rules.keys(), ...BUILTIN_RULES];
  for (const [id, setting] of Object.entries(rules ?? {})) {
    if (!known.includes(id)) {
      const s = closest(id, known);
      report([id], `unknown rule "${id}"${s ? ` (did you mean "${s}"?)` : ''}`);
      continue;
    }
    const severity = typeof setting === 'string' ? setting : setting.severity;
    if (severity) severities.set(id, severity);
    if (typeof setting === 'object' && setting.options) {
      const declared = pack.rules.get(id)?.definition.options ?? {};
      for (const [name, value] of Object.entries(setting.options)) {
        const decl = declared[name];
        if (!decl) {
          const s = closest(name, Object.keys(declared));
          report([id, 'options', name], `rule "${id}" has no option "${name}"${s ? ` (did you mean "${s}"?)` : ''}`);
        } else if (!optionValueValid(decl.type, value)) {
          report([id, 'options', name], `option "${name}" of "${id}" must be a ${decl.type}, got ${JSON.stringify(value)}`);
        } else {
          options[id]![name] = value;
        }
      }
    }
  }
  return { settings: { severities, options, ...(enabled.size ? { enabled } : {}) }, diagnostics };
}

/** Every rule's options at their declared defaults, by rule id. */
export function defaultRuleOptions(pack: CompiledPack): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, rule] of pack.rules) {
    out[id] = Object.fromEntries(Object.entries(rule.definition.options ?? {}).flatMap(([name, opt]) => (opt.default === undefined ? [] : [[name, opt.default]])));
  }
  return out;
}

function chosenSets(value: RuleSetChoice | undefined): readonly RuleSet[] {
  return value === undefined ? [] : typeof value === 'string' ? [value as RuleSet] : (value as readonly RuleSet[]);
}

/**
 * A rule's severity in the default set (`laatuvahti:recommended`): its own, except that a rule
 * resting on one unit's practice is off until a config extends `laatuvahti:strict` or turns it on.
 */
export function defaultSeverity(definition: Pick<RuleFile, 'id' | 'severity' | 'basis'>, settings?: ResolvedSettings): SeveritySetting {
  return definition.basis === 'practice' && !settings?.enabled?.has(definition.id) ? 'off' : definition.severity;
}

/** The severity a rule's finding gets: the caller's setting, else the check's or rule's default. */
export function effectiveSeverity(settings: ResolvedSettings | undefined, ruleId: string, fallback: SeveritySetting): SeveritySetting {
  return settings?.severities.get(ruleId) ?? fallback;
}
