/**
 * After a check: what became of every rule that applies to the document, not only of those that
 * found something. Auditors and quality officers need the evidence of what was checked (a plan
 * without findings says nothing about which requirements were looked at); the CLI's markdown
 * report prints it.
 */
import { BUILTIN_RULES, BUILTIN_SEVERITIES } from './messages/builtin-messages.js';
import { defaultSeverity, effectiveSeverity, type ResolvedSettings } from './settings.js';
import type { CompiledPack } from './rules/compile-pack.js';
import type { PlanKind } from './schema/common.js';
import type { Diagnostic, SeveritySetting } from './types.js';

/**
 * - `failed`: findings stand;
 * - `suppressed`: every finding is silenced by a suppression comment (with its reason);
 * - `baselined`: every finding is recorded in a baseline file (and any others are suppressed);
 * - `passed`: evaluated, nothing found;
 * - `not-applicable`: nothing found, and the rule does not concern this document (its
 *   `appliesWhen` does not hold, e.g. a rule for community housing in another kind of unit);
 * - `off`: turned off by the config, not evaluated;
 * - `not-in-force`: the rule applies only from a later date than the check's `today`;
 * - `not-evaluated`: the check stopped early (`check-incomplete`) before it could tell.
 */
export type RuleOutcomeKind = 'failed' | 'suppressed' | 'baselined' | 'passed' | 'not-applicable' | 'off' | 'not-in-force' | 'not-evaluated';

/** The outcome of one rule for one document. */
export interface RuleOutcome {
  ruleId: string;
  outcome: RuleOutcomeKind;
  /** The severity the rule ran with (after config), or `off`. */
  severity: SeveritySetting;
  /** Findings that stand, silenced by comments, and recorded in a baseline. */
  findings: number;
  suppressed: number;
  baselined: number;
  /** The rule's `appliesFrom`, for `not-in-force`. */
  appliesFrom?: string;
}

/** What a check reported for a document (`CheckReport`, plus the findings a baseline took out). */
export interface OutcomeInput {
  /** The document's kind; without it no rule ran (syntax errors, unknown header). */
  kind?: PlanKind;
  diagnostics: readonly Diagnostic[];
  suppressed: readonly Diagnostic[];
  baselined?: readonly Diagnostic[];
  /** Rules that do not concern the document (`CheckReport.notApplicable`). */
  notApplicable?: readonly string[];
}

/** The built-in rules that judge a document itself (`rule-load` concerns rule and config files). */
const DOCUMENT_BUILTINS = BUILTIN_RULES.filter((id) => id !== 'rule-load');

/**
 * The outcome of every rule for `report`'s kind: the pack's rules in id order, then the built-in
 * syntax, schema and suppression checks. Empty when the document could not be checked (no
 * kind): then no rule ran and none can be said to have passed. `today` and `settings` must be
 * those the check ran with.
 */
export function ruleOutcomes(pack: CompiledPack, report: OutcomeInput, options: { today: string; settings?: ResolvedSettings }): RuleOutcome[] {
  const kind = report.kind;
  if (!kind) return [];
  const count = (list: readonly Diagnostic[] | undefined) => {
    const byRule = new Map<string, number>();
    for (const d of list ?? []) byRule.set(d.ruleId, (byRule.get(d.ruleId) ?? 0) + 1);
    return byRule;
  };
  const standing = count(report.diagnostics);
  const suppressed = count(report.suppressed);
  const baselined = count(report.baselined);
  const incomplete = standing.has('check-incomplete');
  const notApplicable = new Set(report.notApplicable);

  /** `cutShort`: a time budget may have stopped the check before this rule ran. */
  const outcome = (ruleId: string, severity: SeveritySetting, appliesFrom: string | undefined, cutShort: boolean): RuleOutcome => {
    const counts = { findings: standing.get(ruleId) ?? 0, suppressed: suppressed.get(ruleId) ?? 0, baselined: baselined.get(ruleId) ?? 0 };
    let result: RuleOutcomeKind;
    if (severity === 'off') result = 'off';
    else if (appliesFrom !== undefined && appliesFrom > options.today) result = 'not-in-force';
    else if (counts.findings > 0) result = 'failed';
    else if (counts.baselined > 0) result = 'baselined';
    else if (counts.suppressed > 0) result = 'suppressed';
    else if (notApplicable.has(ruleId)) result = 'not-applicable';
    else result = cutShort ? 'not-evaluated' : 'passed';
    return { ruleId, outcome: result, severity, ...counts, ...(result === 'not-in-force' ? { appliesFrom } : {}) };
  };

  const out = [...pack.rules.values()]
    .filter((r) => r.definition.kinds.includes(kind))
    .sort((a, b) => (a.definition.id < b.definition.id ? -1 : a.definition.id > b.definition.id ? 1 : 0))
    .map(({ definition: d }) => outcome(d.id, effectiveSeverity(options.settings, d.id, defaultSeverity(d, options.settings)), d.appliesFrom, incomplete));
  // The built-in checks run before the rules, so a time budget never cuts them short.
  for (const id of DOCUMENT_BUILTINS) out.push(outcome(id, effectiveSeverity(options.settings, id, BUILTIN_SEVERITIES[id]), undefined, false));
  return out;
}
