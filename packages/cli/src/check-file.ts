/**
 * CLI, check step for one file: read -> is it a plan? -> settings from `SettingsResolver.forFile`
 * (the same resolver the language server uses) -> core's `checkWithPack`. Runs in the main
 * thread for a few files and in each worker thread for many.
 */
import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyFixes, checkWithPack, isPlanText, parseText, type FileDiagnostic, type Locale } from '@laatuvahti/core/internal';
import { fileErrorText, SettingsResolver } from '@laatuvahti/core/internal/node';
import type { FileResult } from './run-result.js';
import { displayPath } from './display-path.js';
import { encodeText, readPlanFile, type TextEncoding } from './read-plan-file.js';

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
  /** Work out the corrections of `--fix` and report them (`output`, `fixDiff`), writing nothing. */
  fixDryRun?: boolean;
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
  // A run reads each config once (and --fix writes plans, never configs).
  return new SettingsResolver({ readOnce: true, ...(job.locale ? { locale: job.locale } : {}), ...(job.configFile ? { configFile: job.configFile } : {}) });
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

/**
 * Checks one file. Never throws: a file that cannot be read as text becomes a result with
 * `error`. A file the user `named` on the command line is checked as a plan whatever it holds
 * (an empty file, a list or other YAML then fails with core's finding on its header), and one
 * that cannot be read as text is `unreadable` (exit 2): a gate must not pass over a file it was
 * told to check. A file found in a folder that is not a plan is skipped, unless it mentions
 * `laatuvahti/` in bytes that cannot be read as text: fail closed.
 */
export async function checkFile(resolver: SettingsResolver, file: string, job: CheckJob, named = false): Promise<CheckedFile> {
  // The bytes only when they are hashed or may be rewritten (--fix, or shown rewritten).
  const read = readPlanFile(file, job.digest || job.fix || job.fixDryRun);
  if ('error' in read) {
    if (read.notText && !named && !read.mentionsPlan) return { ...baseResult(file, job), status: 'skipped' };
    return { ...baseResult(file, job), status: 'unreadable', error: read.error };
  }
  const { text, bytes, encoding } = read;
  const result = await checkText(resolver, file, text, job, bytes, named);
  // A file whose bytes do not come back from its text (not valid UTF-8) is never rewritten:
  // its undecodable bytes would be lost.
  const roundTrips = () => bytes !== undefined && encodeText(text, encoding).equals(bytes);
  if (result.status !== 'checked' || !(job.fix || job.fixDryRun) || !roundTrips()) return result;
  return job.fix ? fixFile(resolver, file, text, encoding, result, job) : previewFixes(resolver, file, text, result, job);
}

/** A fix can reveal another (a renamed section's own misspelt keys): as ESLint, at most ten rounds. */
const MAX_FIX_ROUNDS = 10;

/**
 * `--fix`: applies core's automatic fixes to the plan, checking again after each round, and
 * writes the file once at the end (line ends, byte order mark and everything else as they
 * were). The result is the check of the text written.
 */
async function fixFile(resolver: SettingsResolver, file: string, text: string, encoding: TextEncoding, first: CheckedFile, job: CheckJob): Promise<CheckedFile> {
  const { result, current, fixed } = await fixRounds(resolver, file, text, first, job);
  if (fixed === 0) return first;
  try {
    replaceFile(file, encodeText(current, encoding));
  } catch (e) {
    return { ...first, fixError: fileErrorText(e) };
  }
  return { ...result, fixed };
}

/** The rounds of `--fix` on `text` in memory: the corrected text, its check, and how many fixes. */
async function fixRounds(resolver: SettingsResolver, file: string, text: string, first: CheckedFile, job: CheckJob): Promise<{ result: CheckedFile; current: string; fixed: number }> {
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
  return { result, current, fixed };
}

/**
 * `--fix-dry-run`: the same rounds as `--fix`, written nowhere. The result is the check of the
 * corrected text, with that text (`output`, as ESLint's JSON has it) and a unified diff against
 * what was checked first (`fixDiff`); a plan with nothing to correct is returned as it was.
 */
export async function previewFixes(resolver: SettingsResolver, file: string, text: string, first: CheckedFile, job: CheckJob): Promise<CheckedFile> {
  if (first.status !== 'checked') return first;
  const { result, current, fixed } = await fixRounds(resolver, file, text, first, job);
  if (fixed === 0) return first;
  const { createTwoFilesPatch, FILE_HEADERS_ONLY } = await import('diff');
  const fixDiff = createTwoFilesPatch(`a/${first.path}`, `b/${first.path}`, text, current, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
  return { ...result, fixed, output: current, fixDiff };
}

/**
 * Replaces a file's content in one step: the new text goes to a file beside it, which is then
 * renamed over it, so a write that fails half-way (a full disk) leaves the plan as it was. A
 * link is followed to the file it names; the file's permissions are kept.
 */
function replaceFile(file: string, bytes: Buffer): void {
  const real = realpathSync(file);
  const { mode } = statSync(real);
  const temporary = join(dirname(real), `.${basename(real)}.laatuvahti-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
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
 * for the digest (else `text` in UTF-8). `named`: check it as a plan even when it is not one.
 */
export async function checkText(resolver: SettingsResolver, file: string, text: string, job: CheckJob, bytes?: Uint8Array, named = false): Promise<CheckedFile> {
  const base = baseResult(file, job);
  if (!named && !isPlanCandidate(text)) return { ...base, status: 'skipped' };
  const settings = resolver.forFile(file);
  const report = await checkWithPack(settings.pack, text, {
    today: job.today,
    // Unless --locale or the config chose one, the plan's own `language` decides.
    ...(settings.chosenLocale ? { locale: settings.chosenLocale } : {}),
    settings: settings.settings,
    uri: pathToFileURL(file).href,
  });
  return {
    ...base,
    status: 'checked',
    locale: report.locale,
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
