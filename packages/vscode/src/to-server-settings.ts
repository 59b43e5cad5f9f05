/**
 * Settings step: the `laatuvahti` configuration section as the language server receives it
 * (workspace/configuration and didChangeConfiguration), with "auto" resolved into a fallback, relative rule
 * folders anchored at the workspace folder and ill-typed values dropped rather than sent on.
 */
import * as path from 'node:path';
import { resolveLocale, UI_LOCALES, type UiLocale } from './resolve-locale.js';

/** What the server reads from the `laatuvahti` section. */
export interface ServerSettings {
  /** The language the user chose (fi, sv or en); absent for "auto": each plan's own decides. */
  locale?: UiLocale;
  /**
   * The language when neither the user, a config nor the plan says one: VS Code's display
   * language as "auto" resolves it (also for messages that belong to no plan).
   */
  fallbackLocale: UiLocale;
  /** Absolute folders with extra rules. */
  ruleDirs: string[];
  /** Per-rule severity (or `{ severity, options }`), as in laatuvahti.config.yaml. */
  rules: Record<string, unknown>;
  /** Delay between the last edit and the check, in milliseconds. */
  debounceMs: number;
  /** How long one check may take before the rest is skipped; absent: the server's default. */
  timeBudgetMs?: number;
  /** Whether plans show the code lens with their rule counts (default true). */
  codeLens: boolean;
}

/** Default debounce; also the manifest's default for `laatuvahti.debounceMs`. */
export const DEFAULT_DEBOUNCE_MS = 150;
const MAX_DEBOUNCE_MS = 10_000;

/** Where the raw settings come from. */
export interface SettingsContext {
  /** VS Code's display language (`vscode.env.language`). */
  displayLanguage: string;
  /** File-system path of the workspace folder the settings belong to, if any. */
  folderPath?: string;
}

/**
 * Normalises a raw `laatuvahti` section (whatever the user typed into settings.json) into the
 * settings the server expects. The server validates rule ids and options itself and reports
 * mistakes with a "did you mean"; this only keeps the JSON shapes right.
 */
export function toServerSettings(raw: unknown, context: SettingsContext): ServerSettings {
  const section = isRecord(raw) ? raw : {};
  const ruleDirs = Array.isArray(section.ruleDirs)
    ? section.ruleDirs
        .filter((d): d is string => typeof d === 'string' && d.trim() !== '')
        .map((d) => anchor(d.trim(), context.folderPath))
    : [];
  const rules: Record<string, unknown> = {};
  if (isRecord(section.rules)) {
    for (const [id, value] of Object.entries(section.rules)) {
      if (typeof value === 'string' || isRecord(value)) rules[id] = value;
    }
  }
  const debounce = typeof section.debounceMs === 'number' && Number.isFinite(section.debounceMs)
    ? Math.min(MAX_DEBOUNCE_MS, Math.max(0, Math.round(section.debounceMs)))
    : DEFAULT_DEBOUNCE_MS;
  const budget = typeof section.timeBudgetMs === 'number' && Number.isFinite(section.timeBudgetMs) && section.timeBudgetMs >= 0 ? Math.round(section.timeBudgetMs) : undefined;
  return {
    ...(isExplicitLocale(section.locale) ? { locale: section.locale } : {}),
    fallbackLocale: resolveLocale(section.locale, context.displayLanguage),
    ruleDirs,
    rules,
    debounceMs: debounce,
    ...(budget !== undefined ? { timeBudgetMs: budget } : {}),
    codeLens: section.codeLens !== false,
  };
}

// A relative folder means the workspace folder's, as a ruleDirs entry in laatuvahti.config.yaml
// means the config file's folder; without a folder (untitled window) it is passed on unchanged.
function anchor(dir: string, folderPath: string | undefined): string {
  if (path.isAbsolute(dir)) return path.normalize(dir);
  return folderPath ? path.resolve(folderPath, dir) : dir;
}

function isExplicitLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
