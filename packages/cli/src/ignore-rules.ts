/**
 * CLI, discovery step: which paths to leave out. As ESLint and git do it: what `.gitignore`
 * files leave out (each applying to its own folder, up to the repository's root), then the
 * `ignores:` of the configs, then `--ignore-pattern` (relative to the working folder), all in
 * .gitignore syntax through the `ignore` package, a later source's negation (`!keep.yaml`)
 * bringing a path back. As in git, a file inside an ignored folder cannot be brought back
 * (the folder is not walked): ignore `dist/*` rather than `dist/` to keep some of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** What to leave out besides dependency and VCS folders. */
export interface IgnoreOptions {
  /** Respect `.gitignore` files. */
  gitignore?: boolean;
  /** `--ignore-pattern` values, relative to the working folder. */
  patterns?: readonly string[];
  /** The verdict of the configs' `ignores` (core's `SettingsResolver.ignoredByConfig`). */
  byConfig?: (path: string, isDirectory: boolean) => boolean | undefined;
}

/** Whether an absolute path is left out; `isDirectory` lets a folder pattern (`dist/`) match. */
export type IgnoreTest = (path: string, isDirectory: boolean) => boolean;

/** A test that leaves nothing out. */
export const IGNORE_NOTHING: IgnoreTest = () => false;

/** The combined test of `options` for paths under (or named from) `cwd`. */
export function ignoreTest(cwd: string, options: IgnoreOptions): IgnoreTest {
  if (!options.gitignore && !options.patterns?.length && !options.byConfig) return IGNORE_NOTHING;
  const gitignores = options.gitignore ? new GitignoreFiles(cwd) : undefined;
  const flags = options.patterns?.length ? ignore().add([...options.patterns]) : undefined;
  return (path, isDirectory) => {
    let verdict = gitignores?.verdict(path, isDirectory) ?? false;
    verdict = options.byConfig?.(path, isDirectory) ?? verdict;
    const rel = flags ? inside(cwd, path) : undefined;
    if (flags && rel !== undefined) verdict = verdictOf(flags, rel, isDirectory) ?? verdict;
    return verdict;
  };
}

/** A path relative to `base` with forward slashes, as patterns see it; undefined outside `base`. */
function inside(base: string, path: string): string | undefined {
  // The common case without path.relative, which showed in the walk's profile.
  if (path.length > base.length + 1 && path.startsWith(base) && path[base.length] === sep) {
    const rel = path.slice(base.length + 1);
    return sep === '/' ? rel : rel.split(sep).join('/');
  }
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** true: ignored; false: brought back by a negation; undefined: no pattern speaks of it. */
function verdictOf(ig: Ignore, rel: string, isDirectory: boolean): boolean | undefined {
  const t = ig.test(isDirectory ? `${rel}/` : rel);
  return t.ignored ? true : t.unignored ? false : undefined;
}

/**
 * The `.gitignore` files that apply to a path, each read once: those of its folder and of every
 * folder above it up to the repository's root (the nearest folder holding `.git`), deeper ones
 * winning. Outside a repository, those from the working folder down. Git's other sources
 * (`.git/info/exclude`, `core.excludesFile`) are personal and not read: a CI run would not see them.
 */
class GitignoreFiles {
  private readonly files = new Map<string, Ignore | null>();
  private readonly tops = new Map<string, string>();
  /** Per folder, the .gitignore files that apply to its entries, outermost first. */
  private readonly chains = new Map<string, { dir: string; ig: Ignore }[]>();

  constructor(private readonly cwd: string) {}

  verdict(path: string, isDirectory: boolean): boolean | undefined {
    let verdict: boolean | undefined;
    for (const { dir, ig } of this.chainOf(dirname(path))) {
      const rel = inside(dir, path);
      if (rel !== undefined) verdict = verdictOf(ig, rel, isDirectory) ?? verdict;
    }
    return verdict;
  }

  private chainOf(folder: string): { dir: string; ig: Ignore }[] {
    let chain = this.chains.get(folder);
    if (!chain) {
      const top = this.topOf(folder);
      chain = [];
      for (let dir = folder; ; dir = dirname(dir)) {
        const ig = this.load(dir);
        if (ig) chain.unshift({ dir, ig });
        if (dir === top || dirname(dir) === dir) break;
      }
      this.chains.set(folder, chain);
    }
    return chain;
  }

  private load(dir: string): Ignore | null {
    let ig = this.files.get(dir);
    if (ig === undefined) {
      let text: string | undefined;
      try {
        text = readFileSync(join(dir, '.gitignore'), 'utf8');
      } catch {
        // None here, or none readable (git would not read it either).
      }
      ig = text === undefined ? null : ignore().add(text);
      this.files.set(dir, ig);
    }
    return ig;
  }

  /** The folder whose .gitignore is the outermost to read for paths in `dir`. */
  private topOf(dir: string): string {
    let top = this.tops.get(dir);
    if (top === undefined) {
      for (let d = dir; ; d = dirname(d)) {
        if (existsSync(join(d, '.git'))) {
          top = d;
          break;
        }
        if (dirname(d) === d) break;
      }
      top ??= dir === this.cwd || inside(this.cwd, dir) !== undefined ? this.cwd : dir;
      this.tops.set(dir, top);
    }
    return top;
  }
}
