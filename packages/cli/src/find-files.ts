/**
 * CLI, discovery step: the paths on the command line -> the files to look at. Files are taken
 * as named; folders are walked for `*.yaml` / `*.yml` / `*.json`; globs are expanded with picomatch. A path
 * that does not exist, a glob that matches nothing, or a folder that cannot be read is a
 * problem (exit 2): a CI gate must not pass because it silently looked at nothing. Walks leave
 * out `laatuvahti.config.yaml`.
 *
 * Only regular files are read: a FIFO would block the run (forever, if nothing writes to it), a
 * device would never end. Named on the command line, such a path is a problem (exit 2); met in
 * a folder, it is skipped with a notice on stderr and the run goes on (git cannot hold one, so
 * it is never a plan of the repository; a socket or a pipe left in a working folder must not
 * stop the gate).
 *
 * Paths that ignore-rules.ts leaves out (.gitignore, config `ignores`, `--ignore-pattern`) are
 * not walked; a file named on the command line that is ignored is not checked and is reported,
 * as ESLint 9 does. A path starting with `!` (`'!g/b/**'`) leaves out what it matches from
 * everything else found.
 */
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { displayPath, fileErrorText } from '@laatuvahti/core/internal/node';
import { notRegularText } from './read-plan-file.js';
import { ignoreTest, type IgnoreOptions, type IgnoreTest } from './ignore-rules.js';

/** The files found and what went wrong while looking. */
export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** The files named on the command line (not found in a folder or by a glob), absolute. */
  named: Set<string>;
  /** One message per path that could not be used. */
  problems: string[];
  /** One message per path met in a folder and left out (not a regular file). */
  notices: string[];
  /** Files named on the command line that an ignore pattern leaves out (not checked). */
  ignored?: string[];
  /** How many files and folders of walks and globs an ignore pattern left out. */
  ignoredCount?: number;
}

// JSON plan files are plans too; a JSON file that is not one is left out of the run (check-command.ts).
const PLAN_FILE_RE = /\.(?:ya?ml|json)$/i;
// The project config lives among the plans but is never one; it is not counted as skipped.
const CONFIG_FILE_NAME = 'laatuvahti.config.yaml';
// Dependency and VCS folders never hold the project's plans; walking them only costs time.
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Finds the files named by `inputs` (files, folders, globs), relative to `cwd`. */
export function findFiles(inputs: readonly string[], cwd: string, ignoring: IgnoreOptions = {}): Discovery {
  const found = new Set<string>();
  const named = new Set<string>();
  const problems: string[] = [];
  const notices: string[] = [];
  const ignored: string[] = [];
  const walker: Walker = { found, problems, notices, cwd, isIgnored: ignoreTest(cwd, ignoring), ignoredCount: 0 };
  const isExclusion = (input: string) => input.startsWith('!') && input.length > 1;
  const exclusions = inputs.filter(isExclusion).map((input) => input.slice(1).replace(/\\/g, '/').replace(/^\.\//, ''));
  const positive = inputs.filter((input) => !isExclusion(input));
  // Only exclusions (`laatuvahti check '!drafts/**'`): from the default, the working folder.
  for (const input of positive.length > 0 || exclusions.length === 0 ? positive : ['.']) {
    const abs = resolve(cwd, input);
    const stat = statOf(abs);
    if (stat === 'missing' && picomatch.scan(input).isGlob) {
      const before = found.size;
      const ignoredBefore = walker.ignoredCount;
      expandGlob(input, walker);
      if (found.size === before) problems.push(walker.ignoredCount > ignoredBefore ? `All files matching "${input}" are ignored.` : `No file matches "${input}".`);
      continue;
    }
    if (stat === 'missing') problems.push(`No such file or folder: ${input}`);
    else if (typeof stat === 'string') problems.push(`Cannot read ${input}: ${stat}`);
    else if (stat.isDirectory()) walk(abs, (file) => PLAN_FILE_RE.test(file), walker);
    else if (!stat.isFile()) problems.push(`Cannot check ${input}: ${notRegularText(stat)}.`);
    else if (walker.isIgnored(abs, false)) ignored.push(abs);
    else {
      found.add(abs);
      named.add(abs);
    }
  }
  let files = [...found];
  if (exclusions.length > 0) {
    const excluded = picomatch(exclusions, { dot: false });
    files = files.filter((f) => !excluded(toSlashes(relative(cwd, f))));
  }
  return {
    files: files.sort(),
    named,
    problems,
    notices,
    ...(ignored.length ? { ignored: ignored.sort() } : {}),
    ...(walker.ignoredCount ? { ignoredCount: walker.ignoredCount } : {}),
  };
}

function toSlashes(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** What a walk adds to. */
interface Walker {
  found: Set<string>;
  problems: string[];
  notices: string[];
  cwd: string;
  /** Whether a path is left out by an ignore pattern; such folders are not entered. */
  isIgnored: IgnoreTest;
  ignoredCount: number;
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
 * same plan reported under two paths. Ignored folders are not entered.
 */
function walk(dir: string, keep: (file: string) => boolean, walker: Walker): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    walker.problems.push(`Cannot read folder ${dir}: ${fileErrorText(e)}`);
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      if (walker.isIgnored(path, true)) walker.ignoredCount++;
      else walk(path, keep, walker);
      continue;
    }
    if (entry.name === CONFIG_FILE_NAME || !keep(path)) continue;
    if (walker.isIgnored(path, false)) {
      walker.ignoredCount++;
      continue;
    }
    // A link is judged by what it points to (links to folders are not followed, see above).
    const target = entry.isSymbolicLink() ? statOf(path) : entry;
    if (typeof target !== 'object' || target.isDirectory()) continue;
    if (target.isFile()) walker.found.add(path);
    else walker.notices.push(`Skipped ${displayPath(path, walker.cwd)}: ${notRegularText(target)}.`);
  }
}

/** Expands a glob by walking its static base folder. */
function expandGlob(pattern: string, walker: Walker): void {
  const { cwd } = walker;
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
  walk(base, candidate, walker);
}
