/**
 * Test helper for end-to-end tests of the `laatuvahti` command: builds the bundle when it is
 * missing or older than its sources (as test/cli.test.ts does), spawns the bin, and makes temp
 * folders of files that are removed after the test file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const BIN = join(ROOT, 'packages', 'cli', 'bin', 'laatuvahti.cjs');
const BUNDLE = join(ROOT, 'packages', 'cli', 'dist', 'cli.cjs');

/** Newest modification time of the files under `dir`, tests left out. */
export function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the CLI bundle unless it is newer than the sources of the CLI and core. */
export function ensureCliBuilt(): void {
  const sources = Math.max(newestSource(join(ROOT, 'packages', 'cli', 'src')), newestSource(join(ROOT, 'packages', 'core', 'src')), statSync(join(ROOT, 'packages', 'cli', 'tsup.config.ts')).mtimeMs);
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < sources) execFileSync('npm', ['run', 'build', '-w', '@laatuvahti/cli'], { cwd: ROOT, stdio: 'pipe' });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the bin in `cwd`; colour variables are cleared unless `env` sets them. `nodeArgs` go to
 * Node before the bin (e.g. `--require` of a probe).
 */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}, input = '', nodeArgs: readonly string[] = []): Run {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { cwd, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Temp folders of files, each removed by `cleanup()`. */
export function tempFolders(prefix: string): { folder: (files?: Record<string, string>) => string; cleanup: () => void } {
  const made: string[] = [];
  return {
    folder(files = {}) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      return dir;
    },
    cleanup() {
      for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}
