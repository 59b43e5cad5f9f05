/**
 * CLI, discovery step for `check --staged`: the plans a commit will hold, read from git's index
 * rather than the working tree, so a pre-commit hook checks exactly what is committed. Names
 * travel NUL-separated (`-z`) and as arguments, never through a shell, so spaces, quotes and
 * non-ASCII letters in file names need nothing special; every git failure is an error (exit 2),
 * never an empty list: a hook must fail closed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** A staged file: where it lives in the working tree (for its config and in reports) and its staged bytes. */
export interface StagedFile {
  file: string;
  bytes: Buffer;
}

// As a folder run: YAML and JSON plan files (a JSON file that is not a plan is left out later).
const PLAN_FILE_RE = /\.(?:ya?ml|json)$/i;
const CONFIG_FILE_NAME = 'laatuvahti.config.yaml';
// Gitlinks (submodules) have no blob to read; links are blobs holding the target's name.
const GITLINK_MODE = '160000';

/** Runs git; its stdout, or the reason it failed in one sentence. */
function git(args: readonly string[], cwd: string, input?: Buffer): { out: Buffer } | { error: string } {
  const r = spawnSync('git', args, { cwd, ...(input ? { input } : {}), maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'git was not found on PATH' : `git could not be run: ${r.error.message}` };
  }
  if (r.status !== 0) {
    const said = r.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    return { error: `git ${args.find((a) => !a.startsWith('-')) ?? ''} failed${said ? `: ${said}` : ` with exit code ${r.status}`}` };
  }
  return { out: r.stdout };
}

/** NUL-separated names, as git's `-z` prints them (UTF-8). */
function splitNul(out: Buffer): string[] {
  return out.toString('utf8').split('\0').filter((s) => s !== '');
}

/**
 * The staged YAML and JSON files that are added, copied, modified, renamed or changed in type, limited to
 * `pathspecs` (git pathspecs relative to `cwd`, e.g. `plans/`), with their staged content.
 * `laatuvahti.config.yaml` is left out (configs are read from the working tree).
 */
export function readStagedFiles(cwd: string, pathspecs: readonly string[]): { files: StagedFile[] } | { error: string } {
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if ('error' in top) return top;
  const root = top.out.toString('utf8').replace(/\r?\n$/, '');
  // Names come relative to the repository's root, whatever the working folder.
  const changed = git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMRT', '--', ...pathspecs], cwd);
  if ('error' in changed) return changed;
  const names = splitNul(changed.out).filter((n) => PLAN_FILE_RE.test(n) && n.split('/').pop() !== CONFIG_FILE_NAME);
  if (names.length === 0) return { files: [] };

  // The index entry of each: `<mode> <object id> <stage>\t<name>`.
  const staged = git(['ls-files', '--stage', '-z'], root);
  if ('error' in staged) return staged;
  const objects = new Map<string, { mode: string; id: string }>();
  for (const entry of splitNul(staged.out)) {
    const tab = entry.indexOf('\t');
    const [mode, id] = entry.slice(0, tab).split(' ');
    if (mode && id) objects.set(entry.slice(tab + 1), { mode, id });
  }
  const wanted = names.map((name) => ({ name, object: objects.get(name) })).filter((w) => w.object?.mode !== GITLINK_MODE);
  const missing = wanted.find((w) => !w.object);
  if (missing) return { error: `the staged version of ${missing.name} is not in git's index (is a merge unfinished?)` };

  // One `cat-file --batch` for all blobs: `<id> blob <size>\n<content>\n` each.
  const ids = wanted.map((w) => w.object!.id);
  const batch = git(['cat-file', '--batch'], root, Buffer.from(`${ids.join('\n')}\n`));
  if ('error' in batch) return batch;
  const files: StagedFile[] = [];
  let at = 0;
  for (const [i, w] of wanted.entries()) {
    const headerEnd = batch.out.indexOf(0x0a, at);
    const header = batch.out.subarray(at, headerEnd).toString('utf8');
    const [id, type, size] = header.split(' ');
    if (id !== ids[i] || type !== 'blob' || size === undefined) return { error: `git cat-file could not read the staged version of ${w.name} (${header})` };
    const start = headerEnd + 1;
    files.push({ file: join(root, ...w.name.split('/')), bytes: batch.out.subarray(start, start + Number(size)) });
    at = start + Number(size) + 1;
  }
  return { files };
}
