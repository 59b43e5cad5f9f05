/**
 * CLI, the `check` command from start to end: discover files -> check them (in workers when
 * many) -> stop with exit 2 when the tool could not do its job -> baseline -> format each report
 * asked for -> write -> exit code.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { currentDate, ruleOutcomes, type FileDiagnostic, type Locale } from '@laatuvahti/core/internal';
import { fileErrorText, type SettingsResolver } from '@laatuvahti/core/internal/node';
import { findFiles } from '../find-files.js';
import { checkFiles } from '../check-files.js';
import { checkText, createResolver, previewFixes, type CheckJob, type CheckedFile } from '../check-file.js';
import { ignoreTest, type IgnoreOptions } from '../ignore-rules.js';
import { decodeText } from '../read-plan-file.js';
import { applyBaseline, baselineSize, readBaseline, serializeBaseline, updatedBaseline, type Baseline } from '../baseline.js';
import { countOf, EXIT_OK, EXIT_TOOL_ERROR, exitCodeOf, onlyErrors, summarize } from '../run-result.js';
import { listRules, mergeRules, type RuleInfo } from '../rule-catalog.js';
import { loadFormatter } from '../formatters/format-report.js';
import { createProgress } from '../progress.js';
import { useColor, type CliIo } from '../cli-io.js';
import { displayPath, displayUri } from '../display-path.js';
import type { CliOptions, FormatName } from '../parse-args.js';
import type { ReportInput } from '../formatters/report-input.js';
import { VERSION } from '../version.js';

/** What a plan read from stdin is called in reports when `--stdin-filename` does not name it. */
const STDIN_NAME = '<stdin>';

/** Runs `laatuvahti check`; returns the exit code. `workerEntry` enables worker threads. */
export async function runCheck(paths: readonly string[], options: CliOptions, io: CliIo, workerEntry?: string): Promise<number> {
  // `check -`: one plan from stdin, checked as the file --stdin-filename names (for its config
  // and in reports), e.g. the staged version of a file in a pre-commit hook.
  const fromStdin = paths.length === 1 && paths[0] === '-';
  if (options.printConfig !== undefined) return printConfig(options.printConfig, options, io);
  const inputs = paths.length > 0 ? paths : ['.'];
  // --staged: the plans come from git's index (below); `paths` only narrow them down.
  const found = fromStdin || options.staged ? { files: [], named: new Set<string>() } : discover(inputs, io, ignoreOptions(options, io));
  if (found === EXIT_TOOL_ERROR) return EXIT_TOOL_ERROR;
  const configFile = options.config ? resolve(io.cwd, options.config) : undefined;
  if (configFile && !existsSync(configFile)) {
    io.err(`laatuvahti: Config file not found: ${options.config}\n`);
    return EXIT_TOOL_ERROR;
  }
  const baselineFile = options.baseline ? resolve(io.cwd, options.baseline) : undefined;
  let baseline: Baseline | undefined;
  if (baselineFile) {
    // Read before checking: a gate whose baseline is broken must not run as if it had none.
    const read = readBaseline(baselineFile);
    if ('baseline' in read) baseline = read.baseline;
    else if (!(options.updateBaseline && read.missing)) {
      io.err(`laatuvahti: Baseline file ${options.baseline} ${read.error}.\n`);
      return EXIT_TOOL_ERROR;
    }
  }

  // The report for stdout (or --output), then those written to their own files (--format NAME:FILE).
  const reports: { format: FormatName; file?: string }[] = [{ format: options.format, ...(options.output ? { file: options.output } : {}) }, ...options.reports];
  const formats = reports.map((r) => r.format);
  const job: CheckJob = {
    today: options.today ?? currentDate(),
    cwd: io.cwd,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(configFile ? { configFile } : {}),
    ...(formats.some(isComplianceReport) ? { digest: true } : {}),
    ...(options.fix ? { fix: true } : {}),
    ...(options.fixDryRun ? { fixDryRun: true } : {}),
  };
  let checked = fromStdin
    ? await checkStdin(resolve(io.cwd, options.stdinFilename ?? STDIN_NAME), job, io)
    : options.staged
      ? await checkStaged(paths, job, options, io)
      : await checkMany(found, job, io, workerEntry);
  if (checked === EXIT_TOOL_ERROR) return EXIT_TOOL_ERROR;
  // A JSON file met in a folder or by a glob is a plan when its top level says so; the others
  // (package.json, tsconfig.json) are no concern of the run, not YAML files skipped: left out.
  if (!fromStdin) checked = checked.filter((r) => !(r.status === 'skipped' && /\.json$/i.test(r.file) && !found.named.has(r.file)));

  const configProblems = uniqueProblems(checked.flatMap((r) => r.configProblems ?? []));
  if (configProblems.length > 0) {
    for (const p of configProblems) io.err(`${formatFileDiagnostic(p, io.cwd)}\n`);
    io.err(`laatuvahti: fix the config or rule files above; nothing was reported.\n`);
    return EXIT_TOOL_ERROR;
  }
  for (const r of checked) if (r.status === 'unreadable') io.err(`laatuvahti: Cannot read ${r.path}: ${r.error}\n`);
  const fixErrors = checked.filter((r) => r.fixError !== undefined);
  for (const r of fixErrors) io.err(`laatuvahti: Cannot write the corrections to ${r.path}: ${r.fixError}\n`);
  if (options.fix) reportFixes(checked, io);
  if (options.fixDryRun) reportFixPreview(checked, io);

  // Applied in memory here; the updated file is written only once the run is known to have
  // checked something (below), so a run that ends in exit 2 leaves it as it was.
  let toWrite: Baseline | undefined;
  let absent = 0;
  if (baselineFile) {
    if (options.updateBaseline) baseline = toWrite = updatedBaseline(baselineFile, checked, baseline);
    // Read above (a missing file stops the run unless --update-baseline just made one).
    const applied = applyBaseline(checked, baseline!);
    checked = applied.results;
    absent = applied.absent;
  }

  // Evidence of what was checked (markdown, html): from every finding, before --quiet drops warnings,
  // so that a rule with warnings is never reported as passed.
  const resolver = formats.some(isComplianceReport) || formats.includes('sarif') ? createResolver(job) : undefined;
  if (resolver && formats.some(isComplianceReport)) checked = withOutcomes(checked, resolver, job.today);

  const results = options.quiet ? onlyErrors(checked) : checked;
  const summary = summarize(results);
  if (fromStdin && summary.checked === 0) {
    io.err(`laatuvahti: The text on stdin is not a plan (a plan starts with "apiVersion: laatuvahti/v1"): nothing was checked.\n`);
    return EXIT_TOOL_ERROR;
  }
  if (options.staged && summary.checked === 0 && summary.unreadable === 0) {
    // A commit that holds no plan has nothing for the hook to stop.
    io.err('laatuvahti: --staged: no staged plan file to check.\n');
    return EXIT_OK;
  }
  if (summary.checked === 0 && summary.unreadable === 0) {
    io.err(
      `laatuvahti: No plan file among the ${countOf(summary.skipped, 'YAML file', 'YAML files')} found in ${inputs.join(', ')} ` +
        `(a plan starts with "apiVersion: laatuvahti/v1"): nothing was checked.\n`,
    );
    return EXIT_TOOL_ERROR;
  }
  if (toWrite) {
    if (!writeOrReport(io, options.baseline!, serializeBaseline(toWrite))) return EXIT_TOOL_ERROR;
    const size = baselineSize(toWrite);
    io.err(`laatuvahti: wrote ${options.baseline}: ${countOf(size.findings, 'finding', 'findings')} in ${countOf(size.plans, 'plan file', 'plan files')}.\n`);
  }
  if (absent > 0) {
    io.err(`laatuvahti: ${countOf(absent, 'finding', 'findings')} recorded in ${options.baseline} no longer occur${absent === 1 ? 's' : ''}; --update-baseline drops ${absent === 1 ? 'it' : 'them'}.\n`);
  }

  const locale: Locale = options.locale ?? checked.find((r) => r.locale)?.locale ?? 'en';
  const input: Omit<ReportInput, 'color'> = {
    results,
    summary,
    rules: resolver ? rulesOf(checked, resolver, locale, io.cwd) : [],
    locale,
    cwd: io.cwd,
    today: job.today,
    version: VERSION,
    ...(baselineFile ? { baseline: displayPath(baselineFile, io.cwd) } : {}),
  };
  for (const report of reports) {
    const text = (await loadFormatter(report.format))({ ...input, color: report.format === 'stylish' && (await useColor(options.color, io, report.file !== undefined)) });
    if (report.file === undefined) io.out(text);
    else if (!writeOrReport(io, report.file, text)) return EXIT_TOOL_ERROR;
  }
  // Corrections that could not be written: the run did not do what it was asked to.
  return fixErrors.length > 0 ? EXIT_TOOL_ERROR : exitCodeOf(summary, options.quiet ? -1 : options.maxWarnings);
}

/** `--fix`: one line on stderr saying what was corrected where (reports show what remains). */
function reportFixes(checked: readonly CheckedFile[], io: CliIo): void {
  const fixedFiles = checked.filter((r) => r.fixed);
  const count = fixedFiles.reduce((n, r) => n + r.fixed!, 0);
  // Corrections that could not be written were said above; "nothing to correct" would be wrong.
  if (count === 0 && checked.some((r) => r.fixError !== undefined)) return;
  io.err(
    count === 0
      ? 'laatuvahti: --fix: nothing to correct automatically.\n'
      : `laatuvahti: --fix corrected ${countOf(count, 'misspelling', 'misspellings')} in ${countOf(fixedFiles.length, 'plan file', 'plan files')}: ${fixedFiles.map((r) => r.path).join(', ')}.\n`,
  );
}

/** The formats that are a compliance report (per plan its SHA-256 and every rule's outcome). */
function isComplianceReport(format: FormatName): boolean {
  return format === 'markdown' || format === 'html';
}

/** `--fix-dry-run`: on stderr, a diff of what --fix would change per file, then one line of counts. */
function reportFixPreview(checked: readonly CheckedFile[], io: CliIo): void {
  const changed = checked.filter((r) => r.fixDiff !== undefined);
  for (const r of changed) io.err(r.fixDiff!);
  const count = changed.reduce((n, r) => n + (r.fixed ?? 0), 0);
  io.err(
    count === 0
      ? 'laatuvahti: --fix-dry-run: nothing to correct automatically.\n'
      : `laatuvahti: --fix-dry-run: --fix would correct ${countOf(count, 'misspelling', 'misspellings')} in ${countOf(changed.length, 'plan file', 'plan files')}; nothing was written.\n`,
  );
}

/** `--print-config FILE`: the merged configuration of FILE, nothing checked. */
async function printConfig(file: string, options: CliOptions, io: CliIo): Promise<number> {
  const configFile = options.config ? resolve(io.cwd, options.config) : undefined;
  if (configFile && !existsSync(configFile)) {
    io.err(`laatuvahti: Config file not found: ${options.config}\n`);
    return EXIT_TOOL_ERROR;
  }
  const job: CheckJob = { today: options.today ?? currentDate(), cwd: io.cwd, ...(options.locale ? { locale: options.locale } : {}), ...(configFile ? { configFile } : {}) };
  return (await import('./print-config.js')).runPrintConfig(file, job, io);
}

/**
 * What discovery leaves out: `.gitignore` (unless --no-gitignore), the configs' `ignores` and
 * `--ignore-pattern`; nothing with --no-ignore. The configs are those a check would use.
 */
function ignoreOptions(options: CliOptions, io: CliIo): IgnoreOptions {
  if (!options.ignore) return {};
  const configFile = options.config ? resolve(io.cwd, options.config) : undefined;
  const resolver = createResolver({ today: '', cwd: io.cwd, ...(configFile ? { configFile } : {}) });
  return { gitignore: options.gitignore, patterns: options.ignorePatterns, byConfig: (path, isDirectory) => resolver.ignoredByConfig(path, isDirectory) };
}

/**
 * `--staged`: the staged version of every staged plan (git's index, not the working tree),
 * each reported under its path and checked with that path's config. Config `ignores` and
 * `--ignore-pattern` apply (.gitignore does not: a staged file is tracked). Any git failure is
 * exit 2, so a hook fails closed.
 */
async function checkStaged(paths: readonly string[], job: CheckJob, options: CliOptions, io: CliIo): Promise<CheckedFile[] | typeof EXIT_TOOL_ERROR> {
  // Loaded only here: node:child_process costs a fresh process about 29 ms (measured here).
  const { readStagedFiles } = await import('../staged-files.js');
  const staged = readStagedFiles(io.cwd, paths);
  if ('error' in staged) {
    io.err(`laatuvahti: --staged: ${staged.error}.\n`);
    return EXIT_TOOL_ERROR;
  }
  const isIgnored = ignoreTest(io.cwd, { ...ignoreOptions(options, io), gitignore: false });
  const resolver = createResolver(job);
  const results: CheckedFile[] = [];
  for (const { file, bytes } of staged.files) {
    if (isIgnored(file, false)) continue;
    const decoded = decodeText(bytes);
    if ('error' in decoded) {
      const base = { file, path: displayPath(file, io.cwd), diagnostics: [], suppressed: [] };
      // As in a folder run: bytes that are not text are skipped unless they look like a plan.
      results.push(decoded.notText && !decoded.mentionsPlan ? { ...base, status: 'skipped' } : { ...base, status: 'unreadable', error: decoded.error });
      continue;
    }
    const result = await checkText(resolver, file, decoded.text, job, bytes);
    results.push(job.fixDryRun ? await previewFixes(resolver, file, decoded.text, result, job) : result);
  }
  return results;
}

/** The files to check, or exit 2 after saying why there are none to check. */
function discover(inputs: readonly string[], io: CliIo, ignoring: IgnoreOptions): FilesToCheck | typeof EXIT_TOOL_ERROR {
  const discovery = findFiles(inputs, io.cwd, ignoring);
  for (const p of discovery.problems) io.err(`laatuvahti: ${p}\n`);
  if (discovery.problems.length > 0) return EXIT_TOOL_ERROR;
  for (const n of discovery.notices) io.err(`laatuvahti: ${n}\n`);
  // As ESLint 9: a file named on the command line that is ignored is said, and not checked.
  for (const f of discovery.ignored ?? []) io.err(`laatuvahti: ${displayPath(f, io.cwd)}: File ignored because of a matching ignore pattern. Use "--no-ignore" to check it.\n`);
  if (discovery.files.length === 0 && (discovery.ignored?.length || discovery.ignoredCount)) {
    io.err(`laatuvahti: Every file found in ${inputs.join(', ')} is ignored (.gitignore, the config's ignores or --ignore-pattern): nothing was checked.\n`);
    return EXIT_TOOL_ERROR;
  }
  if (discovery.files.length === 0) {
    io.err(`laatuvahti: No YAML or JSON files found in ${inputs.join(', ')}: nothing was checked.\n`);
    return EXIT_TOOL_ERROR;
  }
  return discovery;
}

/** The files found, and which of them were named on the command line. */
interface FilesToCheck {
  files: readonly string[];
  named: ReadonlySet<string>;
}

/** Checks `files` (on worker threads when many), with a progress line at a terminal. */
async function checkMany({ files, named }: FilesToCheck, job: CheckJob, io: CliIo, workerEntry: string | undefined): Promise<CheckedFile[] | typeof EXIT_TOOL_ERROR> {
  const progress = createProgress(files.length, io);
  try {
    return await checkFiles(files, job, { ...(workerEntry ? { workerEntry } : {}), named, onProgress: (n) => progress.update(n) });
  } catch (e) {
    io.err(`laatuvahti: the check failed: ${(e as Error).message}\n`);
    return EXIT_TOOL_ERROR;
  } finally {
    progress.end();
  }
}

/** Checks the text on stdin as the content of `file`. */
async function checkStdin(file: string, job: CheckJob, io: CliIo): Promise<CheckedFile[] | typeof EXIT_TOOL_ERROR> {
  let text: string;
  try {
    text = await io.readStdin();
  } catch (e) {
    io.err(`laatuvahti: Cannot read the plan from stdin: ${fileErrorText(e)}\n`);
    return EXIT_TOOL_ERROR;
  }
  const resolver = createResolver(job);
  const result = await checkText(resolver, file, text, job);
  return [job.fixDryRun ? await previewFixes(resolver, file, text, result, job) : result];
}

/** Writes a file named on the command line (relative to the working folder); false after saying why it failed. */
function writeOrReport(io: CliIo, file: string, text: string): boolean {
  try {
    io.writeFile(resolve(io.cwd, file), text);
    return true;
  } catch (e) {
    io.err(`laatuvahti: Cannot write ${file}: ${fileErrorText(e)}\n`);
    return false;
  }
}

/** Each checked plan with the outcome of every rule of its kind, under its own config. */
function withOutcomes(checked: readonly CheckedFile[], resolver: SettingsResolver, today: string): CheckedFile[] {
  return checked.map((r) => {
    if (r.status !== 'checked') return r;
    const { pack, settings } = resolver.forFile(r.file);
    return { ...r, outcomes: ruleOutcomes(pack, r, { today, settings }) };
  });
}

/** The rules of every pack the run used (one per distinct config file). */
function rulesOf(checked: readonly CheckedFile[], resolver: SettingsResolver, locale: Locale, cwd: string): RuleInfo[] {
  const samples = new Map<string, string>();
  for (const r of checked) if (r.status === 'checked' && !samples.has(r.configFile ?? '')) samples.set(r.configFile ?? '', r.file);
  if (samples.size === 0) samples.set('', resolve(cwd, 'plan.yaml'));
  return mergeRules([...samples.values()].map((file) => listRules(resolver.forFile(file).pack, locale)));
}

/** Config problems repeat for every file that uses the config; show each once. */
function uniqueProblems(list: readonly FileDiagnostic[]): FileDiagnostic[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const r = p.diagnostic.range;
    const key = `${p.uri}|${r.start.line}|${r.start.character}|${p.diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `path:line:col: error message (rule-id)`, the form editors and terminals link. */
export function formatFileDiagnostic(p: FileDiagnostic, cwd: string): string {
  const where = p.uri ? displayUri(p.uri, cwd) : displayPath(resolve(cwd, 'laatuvahti.config.yaml'), cwd);
  const s = p.diagnostic.range.start;
  return `${where}:${s.line + 1}:${s.character + 1}: ${p.diagnostic.severity} ${p.diagnostic.message} (${p.diagnostic.ruleId})`;
}
