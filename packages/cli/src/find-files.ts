/**
 * CLI, discovery step: the paths on the command line -> the files to look at. Files are taken
 * as named; folders are walked for `*.yaml` / `*.yml`; globs are expanded with picomatch. A path
 * that does not exist, a glob that matches nothing, or a folder that cannot be read is a
 * problem (exit 2): a CI gate must not pass because it silently looked at nothing. Walks leave
 * out `laatuvahti.config.yaml`.
 */
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { fileErrorText } from '@laatuvahti/core/node';

/** The files found and what went wrong while looking. */
export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** One message per path that could not be used. */
  problems: string[];
}

const YAML_RE = /\.ya?ml$/i;
// The project config lives among the plans but is never one; it is not counted as skipped.
const CONFIG_FILE_NAME = 'laatuvahti.config.yaml';
// Dependency and VCS folders never hold the project's plans; walking them only costs time.
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Finds the files named by `inputs` (files, folders, globs), relative to `cwd`. */
export function findFiles(inputs: readonly string[], cwd: string): Discovery {
  const found = new Set<string>();
  const problems: string[] = [];
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const stat = statOf(abs);
    if (stat === 'missing' && picomatch.scan(input).isGlob) {
      const before = found.size;
      expandGlob(input, cwd, found, problems);
      if (found.size === before) problems.push(`No file matches "${input}".`);
      continue;
    }
    if (stat === 'missing') problems.push(`No such file or folder: ${input}`);
    else if (typeof stat === 'string') problems.push(`Cannot read ${input}: ${stat}`);
    else if (stat.isDirectory()) walk(abs, (file) => YAML_RE.test(file), found, problems);
    else found.add(abs);
  }
  return { files: [...found].sort(), problems };
}

function statOf(path: string): Stats | 'missing' | string {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : fileErrorText(e);
  }
}

/**
 * Walks `dir` recursively. Links to files are followed; links to folders are not (a folder
 * named on the command line is walked even when it is a link): that rules out loops and the
 * same plan reported under two paths.
 */
function walk(dir: string, keep: (file: string) => boolean, found: Set<string>, problems: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push(`Cannot read folder ${dir}: ${fileErrorText(e)}`);
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(path, keep, found, problems);
    } else if (entry.name !== CONFIG_FILE_NAME && (entry.isFile() || (entry.isSymbolicLink() && isFileLink(path))) && keep(path)) {
      found.add(path);
    }
  }
}

function isFileLink(path: string): boolean {
  const s = statOf(path);
  return typeof s === 'object' && s.isFile();
}

/** Expands a glob by walking its static base folder. */
function expandGlob(pattern: string, cwd: string, found: Set<string>, problems: string[]): void {
  const clean = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  const scan = picomatch.scan(clean);
  const absolutePattern = isAbsolute(clean);
  const base = resolve(cwd, scan.base || '.');
  const isMatch = picomatch(clean, { dot: false });
  const candidate = (file: string) => {
    const p = absolutePattern ? file : relative(cwd, file);
    return isMatch(sep === '/' ? p : p.split(sep).join('/'));
  };
  if (statOf(base) === 'missing') return;
  walk(base, candidate, found, problems);
}
