/**
 * Editor settings (`workspace/configuration` section `laatuvahti`, or the same object in
 * `initializationOptions` / `didChangeConfiguration` for clients without pull configuration),
 * read defensively: a bad value is dropped with a warning, the rest still applies.
 */
import { isAbsolute, resolve } from 'node:path';
import { LOCALES, type Locale, type RuleSettings } from '@laatuvahti/core/internal';

/** Settings the client may give. */
export interface ClientSettings {
  /** Language of messages; when absent the config file (or English) decides. */
  locale?: Locale;
  /**
   * Language when neither `locale`, a config nor the plan's own `language` says one (VS Code
   * sends its display language here for "auto"); absent: English.
   */
  fallbackLocale?: Locale;
  /** Extra rule folders, absolute (relative ones are resolved against the workspace root). */
  ruleDirs: string[];
  /** Per-rule severity overrides, e.g. { "social-activity-regular": "warning" }. */
  rules: RuleSettings;
  /** Delay between the last edit and the check, in ms (0 = next turn of the event loop). */
  debounceMs: number;
  /**
   * How long one check may take (its own work, in ms) before the rules still to run are
   * skipped and `check-incomplete` is shown: a stalled check must not stall the editor.
   */
  timeBudgetMs: number;
  /** Whether plans get the code lens with their rule counts over the first line. */
  codeLens: boolean;
}

/** Default debounce: long enough to skip intermediate keystrokes, short enough to feel live. */
export const DEFAULT_DEBOUNCE_MS = 150;
const MAX_DEBOUNCE_MS = 10_000;
/** Default time budget: some twenty times what a 10,000-line plan takes on a modest laptop. */
export const DEFAULT_TIME_BUDGET_MS = 3_000;
const MAX_TIME_BUDGET_MS = 600_000;
const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'];

/** Settings before the client has said anything. */
export function defaultClientSettings(): ClientSettings {
  return { ruleDirs: [], rules: {}, debounceMs: DEFAULT_DEBOUNCE_MS, timeBudgetMs: DEFAULT_TIME_BUDGET_MS, codeLens: true };
}

/**
 * Reads a raw settings object. `root` resolves relative rule folders; `warn` receives a
 * sentence for every value that was ignored.
 */
export function readClientSettings(raw: unknown, root: string, warn: (message: string) => void): ClientSettings {
  const out = defaultClientSettings();
  if (raw === null || raw === undefined) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn('laatuvahti settings must be an object; using defaults');
    return out;
  }
  const s = raw as Record<string, unknown>;
  if (s.locale !== undefined && s.locale !== null && s.locale !== '') {
    if ((LOCALES as readonly unknown[]).includes(s.locale)) out.locale = s.locale as Locale;
    else warn(`laatuvahti.locale must be one of ${LOCALES.join(', ')}; got ${JSON.stringify(s.locale)}`);
  }
  if (s.fallbackLocale !== undefined && s.fallbackLocale !== null && s.fallbackLocale !== '') {
    if ((LOCALES as readonly unknown[]).includes(s.fallbackLocale)) out.fallbackLocale = s.fallbackLocale as Locale;
    else warn(`laatuvahti.fallbackLocale must be one of ${LOCALES.join(', ')}; got ${JSON.stringify(s.fallbackLocale)}`);
  }
  if (s.debounceMs !== undefined && s.debounceMs !== null) {
    if (typeof s.debounceMs === 'number' && Number.isFinite(s.debounceMs) && s.debounceMs >= 0) out.debounceMs = Math.min(Math.round(s.debounceMs), MAX_DEBOUNCE_MS);
    else warn(`laatuvahti.debounceMs must be a number >= 0; got ${JSON.stringify(s.debounceMs)}`);
  }
  if (s.timeBudgetMs !== undefined && s.timeBudgetMs !== null) {
    if (typeof s.timeBudgetMs === 'number' && Number.isFinite(s.timeBudgetMs) && s.timeBudgetMs >= 0) out.timeBudgetMs = Math.min(Math.round(s.timeBudgetMs), MAX_TIME_BUDGET_MS);
    else warn(`laatuvahti.timeBudgetMs must be a number >= 0; got ${JSON.stringify(s.timeBudgetMs)}`);
  }
  if (s.codeLens !== undefined && s.codeLens !== null) {
    if (typeof s.codeLens === 'boolean') out.codeLens = s.codeLens;
    else warn(`laatuvahti.codeLens must be true or false; got ${JSON.stringify(s.codeLens)}`);
  }
  if (s.ruleDirs !== undefined && s.ruleDirs !== null) {
    if (Array.isArray(s.ruleDirs)) {
      for (const d of s.ruleDirs) {
        if (typeof d === 'string' && d.trim() !== '') out.ruleDirs.push(isAbsolute(d) ? d : resolve(root, d));
        else warn(`laatuvahti.ruleDirs: ignoring ${JSON.stringify(d)}`);
      }
    } else warn('laatuvahti.ruleDirs must be a list of folders');
  }
  if (s.rules !== undefined && s.rules !== null) {
    if (typeof s.rules === 'object' && !Array.isArray(s.rules)) {
      const rules: Record<string, unknown> = {};
      for (const [id, v] of Object.entries(s.rules as Record<string, unknown>)) {
        const sev = typeof v === 'object' && v !== null ? (v as { severity?: unknown }).severity : v;
        if ((typeof v === 'string' || (typeof v === 'object' && v !== null && !Array.isArray(v))) && (sev === undefined || SEVERITY_SETTINGS.includes(sev as string))) rules[id] = v;
        else warn(`laatuvahti.rules.${id}: severity must be one of ${SEVERITY_SETTINGS.join(', ')}; got ${JSON.stringify(v)}`);
      }
      out.rules = rules as RuleSettings;
    } else warn('laatuvahti.rules must be an object of rule id -> severity');
  }
  return out;
}
