/**
 * CLI, check step for one file: read -> is it a plan? -> settings from `SettingsResolver.forFile`
 * (the same resolver the language server uses) -> core's `checkWithPack`. Runs in the main
 * thread for a few files and in each worker thread for many.
 */
import { chmodSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyFixes, checkWithPack, isPlanText, parseText, type FileDiagnostic, type Locale } from '@laatuvahti/core';
import { fileErrorText, SettingsResolver } from '@laatuvahti/core/node';
import type { FileResult } from './run-result.js';
import { displayPath } from './display-path.js';

/** What every file's check needs to know; plain data so it can be sent to a worker. */
export interface CheckJob {
  /** The date rules compare with (YYYY-MM-DD). */
  today: string;
  /** Language of messages; wins over the config file's `locale`. */
  locale?: Locale;
  /** An explicit config file (`--config`), absolute. */
  configFile?: string;
  /** The folder paths are shown relative to. */
  cwd: string;
  /** Record each plan's SHA-256 (the markdown report identifies the exact version checked). */
  digest?: boolean;
  /** Correct misspelt keys and values in the file (`--fix`) and report what remains. */
  fix?: boolean;
}

/** A file's result plus what the main thread needs besides the findings. */
export interface CheckedFile extends FileResult {
  /** Problems of that config file or its rule folders (the run then exits 2). */
  configProblems?: FileDiagnostic[];
  /** The language messages were written in (flag, else config, else en). */
  locale?: Locale;
}

/** A resolver for a job: one per thread, so each thread compiles its packs once. */
export function createResolver(job: CheckJob): SettingsResolver {
  return new SettingsResolver({ ...(job.locale ? { locale: job.locale } : {}), ...(job.configFile ? { configFile: job.configFile } : {}) });
}

/**
 * Plan files are decided by content (plan-detect.ts). A file that mentions `laatuvahti/` but
 * cannot be parsed far enough to tell is treated as a plan, so its syntax errors fail the run
 * instead of the file being skipped: fail closed.
 */
export function isPlanCandidate(text: string): boolean {
  if (isPlanText(text)) return true;
  return text.includes('laatuvahti/') && parseText(text).problems.some((p) => p.severity === 'error');
}

/** Checks one file. Never throws: an unreadable file becomes a result with `error`. */
export async function checkFile(resolver: SettingsResolver, file: string, job: CheckJob): Promise<CheckedFile> {
  let bytes: Buffer | undefined;
  let text: string;
  try {
    // The bytes only when they are hashed or may be rewritten (--fix): a plain UTF-8 read skips
    // making a Buffer.
    if (job.digest || job.fix) text = (bytes = readFileSync(file)).toString('utf8');
    else text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ...baseResult(file, job), status: 'unreadable', error: fileErrorText(e) };
  }
  const result = await checkText(resolver, file, text, job, bytes);
  // A file that is not valid UTF-8 is never rewritten: its undecodable bytes would be lost.
  const roundTrips = () => bytes !== undefined && Buffer.from(text, 'utf8').equals(bytes);
  return job.fix && result.status === 'checked' && roundTrips() ? fixFile(resolver, file, text, result, job) : result;
}

/** A fix can reveal another (a renamed section's own misspelt keys): as ESLint, at most ten rounds. */
const MAX_FIX_ROUNDS = 10;

/**
 * `--fix`: applies core's automatic fixes to the plan, checking again after each round, and
 * writes the file once at the end (line ends, byte order mark and everything else as they
 * were). The result is the check of the text written.
 */
async function fixFile(resolver: SettingsResolver, file: string, text: string, first: CheckedFile, job: CheckJob): Promise<CheckedFile> {
  let result = first;
  let current = text;
  let fixed = 0;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const { text: next, applied } = applyFixes(current, result.diagnostics);
    if (applied.length === 0) break;
    current = next;
    fixed += applied.length;
    result = await checkText(resolver, file, current, job);
  }
  if (fixed === 0) return first;
  try {
    replaceFile(file, current);
  } catch (e) {
    return { ...first, fixError: fileErrorText(e) };
  }
  return { ...result, fixed };
}

/**
 * Replaces a file's content in one step: the new text goes to a file beside it, which is then
 * renamed over it, so a write that fails half-way (a full disk) leaves the plan as it was. A
 * link is followed to the file it names; the file's permissions are kept.
 */
function replaceFile(file: string, text: string): void {
  const real = realpathSync(file);
  const { mode } = statSync(real);
  const temporary = join(dirname(real), `.${basename(real)}.laatuvahti-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    chmodSync(temporary, mode & 0o7777);
    renameSync(temporary, real);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}

function baseResult(file: string, job: CheckJob) {
  return { file, path: displayPath(file, job.cwd), diagnostics: [], suppressed: [] };
}

/**
 * Checks `text` as the content of `file` (reported as that file, with that file's config): the
 * step after reading, and the whole check of a plan read from stdin. `bytes` are what was read,
 * for the digest (else `text` in UTF-8).
 */
export async function checkText(resolver: SettingsResolver, file: string, text: string, job: CheckJob, bytes?: Uint8Array): Promise<CheckedFile> {
  const base = baseResult(file, job);
  if (!isPlanCandidate(text)) return { ...base, status: 'skipped' };
  const settings = resolver.forFile(file);
  const report = await checkWithPack(settings.pack, text, {
    today: job.today,
    locale: settings.locale,
    settings: settings.settings,
    uri: pathToFileURL(file).href,
  });
  return {
    ...base,
    status: 'checked',
    locale: settings.locale,
    ...(report.kind ? { kind: report.kind } : {}),
    diagnostics: report.diagnostics,
    suppressed: report.suppressed,
    ...(report.notApplicable ? { notApplicable: report.notApplicable } : {}),
    ...(settings.configFile ? { configFile: settings.configFile } : {}),
    ...(settings.diagnostics.length ? { configProblems: settings.diagnostics } : {}),
    ...(job.digest ? { sha256: await sha256(bytes ?? Buffer.from(text, 'utf8')) } : {}),
  };
}

/** Hex SHA-256, what `sha256sum` prints; node:crypto is loaded only by runs that ask for it. */
async function sha256(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}
