/**
 * The Node entry, with rule-cases.ts the only code that touches the file system: loading rule
 * folders and reference data from disk, finding and reading `laatuvahti.config.yaml`, and
 * resolving everything a file's check needs. The CLI and the language server both call
 * `SettingsResolver.forFile`, so a plan gets the same findings everywhere.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileErrorText } from './file-error.js';
// Through the package's own main entry, not its files: built, `@laatuvahti/core/node` then
// shares one copy of core with `@laatuvahti/core` (CommonJS has no shared chunks otherwise).
import {
  bundledPackSource,
  compilePack,
  readConfigFile,
  readReferenceFile,
  readRuleFile,
  resolveSettings,
  ruleLoadDiagnostic,
  type CompiledPack,
  type CompiledRule,
  type ConfigFile,
  type FileDiagnostic,
  type Locale,
  type PackSource,
  type ReferenceFile,
  type ResolvedSettings,
  type RuleSettings,
} from '@laatuvahti/core';

export const CONFIG_FILE_NAME = 'laatuvahti.config.yaml';

/** A diagnostic for a file that could not be read at all. */
function unreadable(uri: string, detail: string, locale: Locale): FileDiagnostic {
  return ruleLoadDiagnostic(uri, detail, locale);
}

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

/**
 * Loads a rules folder: every `<id>/rule.yaml` (with its README.md) and every
 * `reference/*.yaml`. Broken files become diagnostics; the good ones are kept.
 */
export function loadRuleDir(dir: string, locale: Locale = 'en'): { source: PackSource; diagnostics: FileDiagnostic[] } {
  const rules: CompiledRule[] = [];
  const references: ReferenceFile[] = [];
  const diagnostics: FileDiagnostic[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch (e) {
    return { source: { rules, references }, diagnostics: [unreadable(pathToFileURL(dir).href, `cannot read rules folder ${dir}: ${fileErrorText(e)}`, locale)] };
  }
  for (const name of entries) {
    const folder = join(dir, name);
    if (name === 'reference') {
      for (const f of safeList(folder).filter((x) => x.endsWith('.yaml'))) {
        const file = join(folder, f);
        const uri = pathToFileURL(file).href;
        try {
          const r = readReferenceFile(readText(file), uri, locale);
          if (r.value) references.push(r.value);
          diagnostics.push(...r.diagnostics);
        } catch (e) {
          diagnostics.push(unreadable(uri, (e as Error).message, locale));
        }
      }
      continue;
    }
    const ruleFile = join(folder, 'rule.yaml');
    if (!existsSync(ruleFile)) continue;
    const uri = pathToFileURL(ruleFile).href;
    try {
      const r = readRuleFile(readText(ruleFile), uri, name, locale);
      diagnostics.push(...r.diagnostics);
      if (r.value) {
        const readmePath = join(folder, 'README.md');
        rules.push({
          definition: r.value,
          docsUrl: pathToFileURL(readmePath).href,
          origin: folder,
          ...(existsSync(readmePath) ? { readme: readText(readmePath) } : {}),
        });
      }
    } catch (e) {
      diagnostics.push(unreadable(uri, (e as Error).message, locale));
    }
  }
  return { source: { rules, references }, diagnostics };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/**
 * The rules and reference data of several rule folders, in order. A rule whose id is in `taken`
 * (or came from an earlier folder) is reported with `whyTaken` and skipped; `taken` grows by
 * the ids loaded.
 */
function loadRuleDirs(dirs: readonly string[], taken: Set<string>, whyTaken: string, locale: Locale): { source: PackSource; diagnostics: FileDiagnostic[] } {
  const rules: CompiledRule[] = [];
  const references: ReferenceFile[] = [];
  const diagnostics: FileDiagnostic[] = [];
  for (const dir of dirs) {
    const loaded = loadRuleDir(dir, locale);
    diagnostics.push(...loaded.diagnostics);
    for (const r of loaded.source.rules) {
      if (taken.has(r.definition.id)) {
        diagnostics.push(unreadable(pathToFileURL(join(r.origin ?? dir, 'rule.yaml')).href, `rule id "${r.definition.id}" is already defined${whyTaken}`, locale));
        continue;
      }
      taken.add(r.definition.id);
      rules.push(r);
    }
    references.push(...loaded.source.references);
  }
  return { source: { rules, references }, diagnostics };
}

/**
 * Combines the bundled pack with extra rule folders. An extra rule may not reuse a bundled id
 * (that would silently change a shipped rule); such a rule is reported and skipped.
 */
export function loadPack(extraDirs: readonly string[] = [], locale: Locale = 'en'): { pack: CompiledPack; diagnostics: FileDiagnostic[] } {
  const base = bundledPackSource();
  const extra = loadRuleDirs(extraDirs, new Set(base.rules.map((r) => r.definition.id)), '; give the local rule its own id', locale);
  const pack = compilePack({ rules: [...base.rules, ...extra.source.rules], references: [...base.references, ...extra.source.references] });
  return { pack, diagnostics: extra.diagnostics };
}

/**
 * A pack for testing the rules of `dirs` (their valid/invalid cases, see rule-cases.ts): the
 * bundled pack with these rules in it, a tested rule replacing a bundled one of the same id (a
 * new version of a shipped rule is tested as it would ship). `tested` are the folders' rules.
 */
export function loadPackForRuleTests(dirs: readonly string[], locale: Locale = 'en'): { pack: CompiledPack; tested: CompiledRule[]; diagnostics: FileDiagnostic[] } {
  const { source, diagnostics } = loadRuleDirs(dirs, new Set(), ' in another folder being tested', locale);
  const base = bundledPackSource();
  const ids = new Set(source.rules.map((r) => r.definition.id));
  const pack = compilePack({ rules: [...base.rules.filter((r) => !ids.has(r.definition.id)), ...source.rules], references: [...base.references, ...source.references] });
  return { pack, tested: [...source.rules], diagnostics };
}

export { fileErrorText } from './file-error.js';
export { runRuleCases, snapshotLine, snapshotText, caseToday, caseFiles, DEFAULT_CASE_TODAY, type RuleCaseResult } from './rule-cases.js';

/** The nearest `laatuvahti.config.yaml` walking up from a file's folder, if any. */
export function findConfigFile(filePath: string): string | undefined {
  let dir = dirname(resolve(filePath));
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; `ruleDirs` are made absolute against its folder. */
export function loadConfigFile(file: string, locale: Locale = 'en'): { config?: ConfigFile; text?: string; diagnostics: FileDiagnostic[] } {
  const uri = pathToFileURL(file).href;
  let text: string;
  try {
    text = readText(file);
  } catch (e) {
    return { diagnostics: [unreadable(uri, `cannot read ${file}: ${fileErrorText(e)}`, locale)] };
  }
  const r = readConfigFile(text, uri, locale);
  if (!r.value) return { text, diagnostics: r.diagnostics };
  const config: ConfigFile = {
    ...r.value,
    ...(r.value.ruleDirs ? { ruleDirs: r.value.ruleDirs.map((d) => (isAbsolute(d) ? d : resolve(dirname(file), d))) } : {}),
  };
  return { config, text, diagnostics: r.diagnostics };
}

/** What a check of one file needs. */
export interface FileSettings {
  pack: CompiledPack;
  settings: ResolvedSettings;
  locale: Locale;
  /** The config file used, if any. */
  configFile?: string;
  /** Problems in the config file or rule folders; a CLI treats them as "could not do its job". */
  diagnostics: FileDiagnostic[];
}

/** Settings a caller layers over the config file (CLI flags, editor settings). */
export interface SettingsOverrides {
  locale?: Locale;
  /** Extra rule folders (absolute paths). */
  ruleDirs?: readonly string[];
  /** Per-rule severities / options that win over the config file. */
  rules?: RuleSettings;
  /** Use this config file instead of discovering one. */
  configFile?: string;
}

/** What `forFile` works with when no config file applies. */
const NO_CONFIG: ReturnType<typeof loadConfigFile> = { diagnostics: [] };

/**
 * Resolves config, rule pack and settings per file, caching by config file and its
 * modification time so thousands of files share one compiled pack. `invalidate()` drops the
 * cache (the language server calls it when a config or rule file changes on disk).
 */
export class SettingsResolver {
  private readonly packs = new Map<string, { pack: CompiledPack; diagnostics: FileDiagnostic[] }>();
  private readonly configs = new Map<string, { stamp: number; value: ReturnType<typeof loadConfigFile> }>();
  /**
   * Resolved settings per config file ('' for none), valid while that file's loaded value and the
   * pack are the same objects: a folder of plans under one config resolves it once, not per plan
   * (which re-parsed the config text for every file).
   */
  private readonly resolved = new Map<string, { loaded: unknown; pack: CompiledPack; settings: FileSettings }>();

  constructor(private readonly overrides: SettingsOverrides = {}) {}

  /** Forgets every cached config and pack. */
  invalidate(): void {
    this.packs.clear();
    this.configs.clear();
    this.resolved.clear();
  }

  /** The settings for checking `filePath`. */
  forFile(filePath: string): FileSettings {
    const configFile = this.overrides.configFile ?? findConfigFile(filePath);
    const locale0 = this.overrides.locale ?? 'en';
    const loaded = configFile ? this.config(configFile, locale0) : NO_CONFIG;
    const config = loaded.config;
    const locale = this.overrides.locale ?? config?.locale ?? 'en';
    const dirs = [...(config?.ruleDirs ?? []), ...(this.overrides.ruleDirs ?? [])];
    const packKey = JSON.stringify(dirs);
    let packEntry = this.packs.get(packKey);
    if (!packEntry) {
      packEntry = loadPack(dirs, locale);
      this.packs.set(packKey, packEntry);
    }
    const cached = this.resolved.get(configFile ?? '');
    if (cached && cached.loaded === loaded && cached.pack === packEntry.pack) return cached.settings;
    const merged: RuleSettings = { ...(config?.rules ?? {}) };
    for (const [id, s] of Object.entries(this.overrides.rules ?? {})) {
      // A file's `id: warning` keeps its severity when the editor sets only options for the rule.
      const prev = merged[id];
      const base = typeof prev === 'string' ? { severity: prev } : prev;
      merged[id] = typeof s === 'string' || base === undefined ? s : { ...base, ...s, options: { ...(base.options ?? {}), ...(s.options ?? {}) } };
    }
    const source = configFile && loaded.text !== undefined ? { uri: pathToFileURL(configFile).href, text: loaded.text } : undefined;
    const resolved = resolveSettings(packEntry.pack, merged, source, locale, config?.extends);
    const settings: FileSettings = {
      pack: packEntry.pack,
      settings: resolved.settings,
      locale,
      ...(configFile ? { configFile } : {}),
      diagnostics: [...loaded.diagnostics, ...packEntry.diagnostics, ...resolved.diagnostics],
    };
    this.resolved.set(configFile ?? '', { loaded, pack: packEntry.pack, settings });
    return settings;
  }

  private config(file: string, locale: Locale): ReturnType<typeof loadConfigFile> {
    let stamp = -1;
    try {
      stamp = statSync(file).mtimeMs;
    } catch {
      // Reported by loadConfigFile below.
    }
    const cached = this.configs.get(file);
    if (cached && cached.stamp === stamp && stamp !== -1) return cached.value;
    const value = loadConfigFile(file, locale);
    this.configs.set(file, { stamp, value });
    return value;
  }
}

/** The name of a rule folder from its path. */
export function ruleFolderName(dir: string): string {
  return basename(dir);
}

/**
 * A file path as the CLI's reports and the language server's compliance report show it:
 * relative to `folder` when inside it (absolute otherwise), with forward slashes on every
 * platform (SARIF, GitHub and JUnit expect them).
 */
export function displayPath(file: string, folder: string): string {
  const rel = relative(folder, file);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}
