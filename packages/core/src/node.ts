/**
 * The Node entry, with rule-cases.ts the only code that touches the file system: loading rule
 * folders and reference data from disk, finding and reading `laatuvahti.config.yaml`, and
 * resolving everything a file's check needs. The CLI and the language server both call
 * `SettingsResolver.forFile`, so a plan gets the same findings everywhere.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileErrorText } from './file-error.js';
// Through the package's own internal entry, not its files: built, the node entries then share
// one copy of core with `@laatuvahti/core` (CommonJS has no shared chunks otherwise).
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
  type RuleSet,
  type RuleSettings,
  locatePath,
  parseText,
  rangeOf,
  RULE_SETS,
} from '@laatuvahti/core/internal';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

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
 * `reference/*.yaml`. Broken files become diagnostics; the good ones are kept. A rule folder,
 * rule file, README or reference file that is a link to a place outside the rules folder is
 * refused with a diagnostic: a rule pack is what the project's own folders hold, and a link
 * would quietly load whatever lies at its target (another checkout, a temporary folder).
 * Links inside the folder are followed.
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
  const outside = outsideOf(dir);
  const refuse = (path: string, target: string) =>
    diagnostics.push(
      unreadable(
        pathToFileURL(path).href,
        `this is a link to ${target}, outside the rules folder ${dir}, and is not loaded (copy it into the folder, or list the folder it is in under ruleDirs)`,
        locale,
      ),
    );
  for (const name of entries) {
    const folder = join(dir, name);
    const folderTarget = outside(folder);
    if (folderTarget) {
      if (name === 'reference' || existsSync(join(folder, 'rule.yaml'))) refuse(folder, folderTarget);
      continue;
    }
    if (name === 'reference') {
      for (const f of safeList(folder).filter((x) => x.endsWith('.yaml'))) {
        const file = join(folder, f);
        const uri = pathToFileURL(file).href;
        const fileTarget = outside(file);
        if (fileTarget) {
          refuse(file, fileTarget);
          continue;
        }
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
    const linked = [ruleFile, join(folder, 'README.md')].map((f) => [f, outside(f)] as const).filter(([, target]) => target);
    if (linked.length > 0) {
      for (const [f, target] of linked) refuse(f, target!);
      continue;
    }
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

/**
 * A test for paths under `dir`: where a path really is (links resolved) when that lies outside
 * `dir` as it really is; undefined for a path inside it, or one that does not exist.
 */
function outsideOf(dir: string): (path: string) => string | undefined {
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    return () => undefined;
  }
  return (path) => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      return undefined;
    }
    const rel = relative(root, real);
    return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? real : undefined;
  };
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
  return configFilesAbove(dirname(resolve(filePath)))[0];
}

/** Every `laatuvahti.config.yaml` from `dir` up to the file system's root, nearest first. */
function configFilesAbove(dir: string): string[] {
  const found: string[] = [];
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) found.push(candidate);
    const parent = dirname(dir);
    if (parent === dir) return found;
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
  /** The language of messages about the config and rule folders (chosen, else en). */
  locale: Locale;
  /**
   * The language the user chose (override, else a config's `locale`); absent when nobody chose,
   * and then each plan's own `language` decides its findings' language.
   */
  chosenLocale?: Locale;
  /** The nearest config file used, if any. */
  configFile?: string;
  /** Every config file that contributed, in the order they apply (`extends` and the cascade). */
  configFiles?: string[];
  /** Problems in the config files or rule folders; a CLI treats them as "could not do its job". */
  diagnostics: FileDiagnostic[];
}

/** Settings a caller layers over the config file (CLI flags, editor settings). */
export interface SettingsOverrides {
  locale?: Locale;
  /**
   * The language when neither `locale`, a config nor the plan's own `language` chooses one (an
   * editor's display language); `FileSettings.locale` is then this, and checks fall back to it.
   */
  fallbackLocale?: Locale;
  /** Extra rule folders (absolute paths). */
  ruleDirs?: readonly string[];
  /** Per-rule severities / options that win over the config file. */
  rules?: RuleSettings;
  /** Use this config file (and what it extends) instead of discovering the cascade. */
  configFile?: string;
  /**
   * Read each config file once and trust it for the resolver's life (a CLI run), instead of
   * asking the file system for its modification time on every call (an editor's files change).
   * A `stat` is about 55 µs here under load: for 2,000 plans, once for discovery and once per
   * check, it was a tenth of a second.
   */
  readOnce?: boolean;
}

/**
 * A part of the configuration in the order parts apply (a later part wins): for each config
 * file from the farthest to the nearest, what it extends, then its own settings, then its
 * overrides. This is ESLint's cascade (eslintrc).
 */
interface ConfigLayer {
  /** The file the part is written in and its text, for pointing at its problems. */
  file: string;
  text: string;
  /** Where in that file: `[]` for the top level, `['overrides', 2]` for an override. */
  at: (string | number)[];
  /** The folder its globs are relative to: the folder of the config that brought it in. */
  base: string;
  /** An override applies only to files its `files` match and its `excludedFiles` do not. */
  match?: { files: (path: string) => boolean; excluded?: (path: string) => boolean };
  rules?: RuleSettings;
  locale?: Locale;
  ruleSets: RuleSet[];
  ruleDirs: string[];
  /** `ignores`, compiled (gitignore syntax, relative to `base`). */
  ignores?: Ignore;
}

/** A config file with everything it extends, flattened into layers. */
interface FlatConfig {
  /** The config file itself. */
  file: string;
  layers: ConfigLayer[];
  diagnostics: FileDiagnostic[];
  /** root: true, which ends the walk up the folders. */
  root: boolean;
  /** The files read and their modification times, to know when the flattening is stale. */
  stamps: Map<string, number>;
}

/** The merged configuration for one file, as `laatuvahti check --print-config FILE` shows it. */
export interface MergedConfig {
  /** The config files that apply, in order (each later one wins). */
  files: string[];
  extends: RuleSet[];
  locale?: Locale;
  rules: NonNullable<RuleSettings>;
  ruleDirs: string[];
}

/**
 * One rule's settings over another's: a severity alone keeps the options set before it (the
 * severity of `id: off` survives an editor that sets only options), options are merged by name.
 */
function mergeRuleSettings(into: NonNullable<RuleSettings>, over: RuleSettings): void {
  for (const [id, s] of Object.entries(over ?? {})) {
    const prev = into[id];
    const base = typeof prev === 'string' ? { severity: prev } : (prev ?? {});
    const over = typeof s === 'string' ? { severity: s } : s;
    const severity = over.severity ?? base.severity;
    const options = { ...(base.options ?? {}), ...(over.options ?? {}) };
    // A new value each time (the layers' own objects stay as read), as short as it can be
    // written: `id: warning` rather than `{ severity: warning }` (--print-config shows it).
    into[id] = Object.keys(options).length === 0 && severity ? severity : { ...(severity ? { severity } : {}), ...(Object.keys(options).length ? { options } : {}) };
  }
}

/** A path as globs see it: relative to `base`, with forward slashes; undefined when outside it. */
function relativeTo(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/**
 * Globs of `overrides`, as ESLint's: relative to the config's folder, dot files included, and a
 * pattern without a slash matched against the file name (`"*.sv.yaml"` in any sub-folder).
 */
function globMatcher(base: string, patterns: string | readonly string[]): (path: string) => boolean {
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  // picomatch's own `basename` option would match every pattern against the name alone.
  const byName = list.filter((p) => !p.includes('/'));
  const byPath = list.filter((p) => p.includes('/'));
  const nameMatch = byName.length ? picomatch(byName, { dot: true }) : () => false;
  const pathMatch = byPath.length ? picomatch(byPath, { dot: true }) : () => false;
  return (path) => {
    const rel = relativeTo(base, path);
    return rel !== undefined && (nameMatch(rel.slice(rel.lastIndexOf('/') + 1)) || pathMatch(rel));
  };
}

/**
 * Resolves config, rule pack and settings per file, caching by config file and its
 * modification time so thousands of files share one compiled pack. `invalidate()` drops the
 * cache (the language server calls it when a config or rule file changes on disk).
 *
 * A file's configuration is the cascade of every `laatuvahti.config.yaml` from its folder up
 * to the first with `root: true` (or the file system's root), the nearer winning, each with what
 * it `extends` below it and its matching `overrides` above it.
 */
export class SettingsResolver {
  private readonly packs = new Map<string, { pack: CompiledPack; diagnostics: FileDiagnostic[] }>();
  private readonly configs = new Map<string, { stamp: number; value: ReturnType<typeof loadConfigFile> }>();
  private readonly flats = new Map<string, FlatConfig>();
  /**
   * The config files above each folder, nearest first. Looking for them cost more than the rest
   * of `forFile` (about 25 µs per folder and file on a slow disk: 0.15 ms a plan six folders
   * deep); a folder's list is its own file, if any, and its parent's list, kept until invalidate().
   */
  private readonly above = new Map<string, readonly string[]>();
  private readonly ignoring = new Map<string, { flats: FlatConfig[]; layers: ConfigLayer[] }>();
  /**
   * Resolved settings per cascade and set of matching overrides, valid while those configs'
   * flattenings and the pack are the same objects: a folder of plans under one config resolves
   * it once, not per plan (which re-parsed the config text for every file).
   */
  private readonly resolved = new Map<string, { flats: FlatConfig[]; pack: CompiledPack; settings: FileSettings }>();

  constructor(private readonly overrides: SettingsOverrides = {}) {}

  /** Forgets every cached config and pack. */
  invalidate(): void {
    this.packs.clear();
    this.configs.clear();
    this.flats.clear();
    this.above.clear();
    this.ignoring.clear();
    this.resolved.clear();
  }

  /** The settings for checking `filePath`. */
  forFile(filePath: string): FileSettings {
    const path = resolve(filePath);
    const flats = this.cascade(dirname(path));
    const layers = flats.flatMap((f) => f.layers);
    const applied = layers.filter((l) => !l.match || (l.match.files(path) && !l.match.excluded?.(path)));
    const merged = this.merge(applied);
    // The language someone chose (flag or editor setting, else a config); without one, each
    // plan's own `language` decides its findings' language (check.ts).
    const chosenLocale = this.overrides.locale ?? merged.locale;
    const locale = chosenLocale ?? this.overrides.fallbackLocale ?? 'en';
    const dirs = [...new Set([...merged.ruleDirs, ...(this.overrides.ruleDirs ?? [])])];
    const packKey = JSON.stringify(dirs);
    let packEntry = this.packs.get(packKey);
    if (!packEntry) {
      packEntry = loadPack(dirs, locale);
      this.packs.set(packKey, packEntry);
    }
    const key = `${flats.map((f) => f.file).join('\n')}#${applied.map((l) => layers.indexOf(l)).join(',')}`;
    const cached = this.resolved.get(key);
    if (cached && cached.pack === packEntry.pack && cached.flats.length === flats.length && cached.flats.every((f, i) => f === flats[i])) return cached.settings;

    const rules: NonNullable<RuleSettings> = { ...merged.rules };
    mergeRuleSettings(rules, this.overrides.rules);
    // Each part is checked against the pack where it is written, matching this file or not, so a
    // problem points at its own line; the merged settings then skip what was reported.
    const diagnostics = [...flats.flatMap((f) => f.diagnostics), ...packEntry.diagnostics];
    for (const layer of layers) {
      if (!layer.rules) continue;
      const source = { uri: pathToFileURL(layer.file).href, text: layer.text, path: [...layer.at, 'rules'] };
      diagnostics.push(...resolveSettings(packEntry.pack, layer.rules, source, locale).diagnostics);
    }
    if (this.overrides.rules) diagnostics.push(...resolveSettings(packEntry.pack, this.overrides.rules, undefined, locale).diagnostics);
    const resolved = resolveSettings(packEntry.pack, rules, undefined, locale, merged.extends);
    const configFile = flats[flats.length - 1]?.file;
    const settings: FileSettings = {
      pack: packEntry.pack,
      settings: resolved.settings,
      locale,
      ...(chosenLocale ? { chosenLocale } : {}),
      ...(configFile ? { configFile } : {}),
      ...(merged.files.length ? { configFiles: merged.files } : {}),
      diagnostics,
    };
    this.resolved.set(key, { flats, pack: packEntry.pack, settings });
    return settings;
  }

  /**
   * The configuration that applies to `filePath`, merged (the callers' overrides included), and
   * the problems met reading it: what `laatuvahti check --print-config FILE` prints.
   */
  mergedConfig(filePath: string): { config: MergedConfig; diagnostics: FileDiagnostic[] } {
    const path = resolve(filePath);
    const settings = this.forFile(path);
    const flats = this.cascade(dirname(path));
    const merged = this.merge(flats.flatMap((f) => f.layers).filter((l) => !l.match || (l.match.files(path) && !l.match.excluded?.(path))));
    mergeRuleSettings(merged.rules, this.overrides.rules);
    const locale = this.overrides.locale ?? merged.locale;
    return {
      config: { ...merged, ...(locale ? { locale } : {}), ruleDirs: [...new Set([...merged.ruleDirs, ...(this.overrides.ruleDirs ?? [])])] },
      diagnostics: settings.diagnostics,
    };
  }

  /**
   * Whether the `ignores` of the configs above `path` leave it out: `true` ignored, `false`
   * brought back by a negated pattern (`!dist/keep.yaml`), undefined when no pattern speaks of
   * it. A later (nearer) config's pattern wins over an earlier one's, as later lines of one
   * .gitignore do. `isDirectory` lets a folder pattern (`dist/`) prune a whole walk.
   */
  ignoredByConfig(path: string, isDirectory = false): boolean | undefined {
    const abs = resolve(path);
    let verdict: boolean | undefined;
    for (const layer of this.ignoreLayers(dirname(abs))) {
      const rel = relativeTo(layer.base, abs);
      if (rel === undefined) continue;
      const t = layer.ignores!.test(isDirectory ? `${rel}/` : rel);
      if (t.ignored) verdict = true;
      else if (t.unignored) verdict = false;
    }
    return verdict;
  }

  /** The layers with `ignores` of the configs that apply in `dir`, kept while those configs are. */
  private ignoreLayers(dir: string): ConfigLayer[] {
    const flats = this.cascade(dir);
    const cached = this.ignoring.get(dir);
    if (cached && cached.flats.length === flats.length && cached.flats.every((f, i) => f === flats[i])) return cached.layers;
    const layers = flats.flatMap((f) => f.layers).filter((l) => l.ignores);
    this.ignoring.set(dir, { flats, layers });
    return layers;
  }

  /** The flattened configs that apply in `dir`, farthest first. */
  private cascade(dir: string): FlatConfig[] {
    const explicit = this.overrides.configFile;
    if (explicit) return [this.flattened(resolve(explicit))];
    const chain: FlatConfig[] = [];
    for (const file of this.configFilesAbove(dir)) {
      const flat = this.flattened(file);
      chain.unshift(flat);
      if (flat.root) break;
    }
    return chain;
  }

  /** Every config file from `dir` up, nearest first (see `above`). */
  private configFilesAbove(dir: string): readonly string[] {
    let files = this.above.get(dir);
    if (!files) {
      const own = join(dir, CONFIG_FILE_NAME);
      const parent = dirname(dir);
      const up = parent === dir ? [] : this.configFilesAbove(parent);
      files = existsSync(own) ? [own, ...up] : up;
      this.above.set(dir, files);
    }
    return files;
  }

  /** The parts in `applied` merged in order. */
  private merge(applied: readonly ConfigLayer[]): Omit<MergedConfig, 'locale'> & { locale?: Locale } {
    const rules: NonNullable<RuleSettings> = {};
    const ruleSets = new Set<RuleSet>();
    const ruleDirs: string[] = [];
    const files: string[] = [];
    let locale: Locale | undefined;
    for (const layer of applied) {
      if (!files.includes(layer.file)) files.push(layer.file);
      mergeRuleSettings(rules, layer.rules);
      for (const s of layer.ruleSets) ruleSets.add(s);
      for (const d of layer.ruleDirs) if (!ruleDirs.includes(d)) ruleDirs.push(d);
      if (layer.locale) locale = layer.locale;
    }
    // Rule sets add up, as ESLint's shared configs do: laatuvahti:recommended changes nothing, so
    // a nearer config cannot undo a farther one's laatuvahti:strict except rule by rule (or
    // with root: true).
    const sets = RULE_SETS.filter((s) => ruleSets.has(s));
    return { files, extends: sets, rules, ruleDirs, ...(locale ? { locale } : {}) };
  }

  /** A config file and what it extends as layers, cached while none of those files changes. */
  private flattened(file: string): FlatConfig {
    const cached = this.flats.get(file);
    if (cached && (this.overrides.readOnce || [...cached.stamps].every(([f, stamp]) => stamp !== -1 && stampOf(f) === stamp))) return cached;
    const flat: FlatConfig = { file, layers: [], diagnostics: [], root: false, stamps: new Map() };
    this.flatten(file, dirname(file), [], flat, true);
    this.flats.set(file, flat);
    return flat;
  }

  /**
   * Adds `file`'s layers to `flat`: what it extends first (depth first, in order), then its own
   * settings and overrides. `stack` holds the files that extend it, to name a cycle.
   */
  private flatten(file: string, base: string, stack: readonly string[], flat: FlatConfig, top: boolean): void {
    const locale = this.overrides.locale ?? 'en';
    const loaded = this.config(file, locale);
    flat.stamps.set(file, this.configs.get(file)?.stamp ?? -1);
    flat.diagnostics.push(...loaded.diagnostics);
    const config = loaded.config;
    if (!config || loaded.text === undefined) return;
    const text = loaded.text;
    if (top && config.root) flat.root = true;
    const entries = config.extends === undefined ? [] : typeof config.extends === 'string' ? [config.extends] : config.extends;
    const ownSets: RuleSet[] = [];
    entries.forEach((entry, k) => {
      if ((RULE_SETS as readonly string[]).includes(entry)) {
        ownSets.push(entry as RuleSet);
        return;
      }
      const at = typeof config.extends === 'string' ? ['extends'] : ['extends', k];
      const target = resolve(dirname(file), entry);
      const chain = [...stack, file];
      if (chain.includes(target)) {
        const shown = [...chain.slice(chain.indexOf(target)), target].map((f) => relative(dirname(file), f).split(sep).join('/') || basename(f));
        flat.diagnostics.push(configProblem(file, text, at, `extends: "${entry}" makes a cycle: ${shown.join(' → ')}`, locale));
        return;
      }
      if (!existsSync(target)) {
        flat.diagnostics.push(configProblem(file, text, at, `extends: no config file "${entry}" (looked for ${target})`, locale));
        return;
      }
      // Globs of an extended file stay relative to the config that extends it (as ESLint's
      // shared configs): a shared config's overrides speak of the plans of the unit using it.
      this.flatten(target, base, chain, flat, false);
    });
    flat.layers.push({
      file,
      text,
      at: [],
      base,
      ...(config.rules ? { rules: config.rules } : {}),
      ...(config.locale ? { locale: config.locale } : {}),
      ruleSets: ownSets,
      ruleDirs: config.ruleDirs ?? [],
      ...(config.ignores ? { ignores: ignore().add(config.ignores) } : {}),
    });
    (config.overrides ?? []).forEach((o, i) => {
      flat.layers.push({
        file,
        text,
        at: ['overrides', i],
        base,
        match: { files: globMatcher(base, o.files), ...(o.excludedFiles ? { excluded: globMatcher(base, o.excludedFiles) } : {}) },
        ...(o.rules ? { rules: o.rules } : {}),
        ...(o.locale ? { locale: o.locale } : {}),
        ruleSets: o.extends === undefined ? [] : typeof o.extends === 'string' ? [o.extends] : [...o.extends],
        ruleDirs: [],
      });
    });
  }

  private config(file: string, locale: Locale): ReturnType<typeof loadConfigFile> {
    const stamp = stampOf(file);
    const cached = this.configs.get(file);
    if (cached && cached.stamp === stamp && stamp !== -1) return cached.value;
    const value = loadConfigFile(file, locale);
    this.configs.set(file, { stamp, value });
    return value;
  }
}

/** A file's modification time, -1 when it cannot be read (reported where it is read). */
function stampOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** A `rule-load` problem at `path` of a config file. */
function configProblem(file: string, text: string, path: (string | number)[], detail: string, locale: Locale): FileDiagnostic {
  const parsed = parseText(text);
  const loc = locatePath(parsed, path);
  return ruleLoadDiagnostic(pathToFileURL(file).href, detail, locale, path, rangeOf(parsed.lineCounter, loc.start, loc.end));
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

// The public Node entry's functions (`@laatuvahti/core/node`), here so that it shares this copy.
export { checkPlanFile, loadRulePack, type CheckFileOptions, type FileReport } from './node-api.js';
