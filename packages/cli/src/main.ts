/**
 * CLI entry: argv -> command -> exit code. The bin loads this bundle and calls `runCli` (or
 * `runWorker` inside a worker thread). Core and the commands are loaded on demand and nothing
 * runs at import time.
 */
import { parseArgs, usage, UsageError, type ParsedCommand } from './parse-args.js';
import { processIo, type CliIo } from './cli-io.js';
import { EXIT_OK, EXIT_TOOL_ERROR } from './run-result.js';
import { VERSION } from './version.js';
import type { WorkerData } from './check-worker.js';

/** How the bin runs the CLI. */
export interface RunContext {
  /** The script worker threads start (the bin); without it every file is checked in-process. */
  workerEntry?: string;
  io?: CliIo;
}

/** Runs the command line `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: readonly string[], context: RunContext = {}): Promise<number> {
  let parsed: ParsedCommand | UsageError;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    parsed = e;
  }
  if (!(parsed instanceof UsageError) && (parsed.command === 'help' || parsed.command === 'version')) {
    // Fixed text, nothing of the user's in it: printed without loading core (about half the
    // time of a `laatuvahti --version`).
    (context.io ?? processIo((text) => text)).out(parsed.command === 'help' ? usage(parsed.topic) : `${VERSION}\n`);
    return EXIT_OK;
  }
  let io = context.io;
  if (!io) {
    preferJitlessZod();
    try {
      io = processIo((await import('@laatuvahti/core/internal')).redactPersonalIds);
    } catch (e) {
      // Nothing can be checked (e.g. the rule pack files are missing); nothing is redacted
      // either, but the message names only files of the installation.
      processIo((text) => text).err(`laatuvahti: ${faultMessage(e)}\n`);
      return EXIT_TOOL_ERROR;
    }
  }
  if (parsed instanceof UsageError) {
    // The message may repeat what was typed: it leaves through the redactor like all else.
    let message = `laatuvahti: ${parsed.message}`;
    if (parsed.unknown) {
      const { closest } = await import('@laatuvahti/core/internal');
      const suggestion = closest(parsed.unknown.word, parsed.unknown.candidates);
      if (suggestion) message += ` Did you mean "${suggestion}"?`;
    }
    io.err(`${message}\n\n${usage(parsed.command)}`);
    return EXIT_TOOL_ERROR;
  }
  try {
    switch (parsed.command) {
      case 'check':
        return await (await import('./commands/check-command.js')).runCheck(parsed.positionals, parsed.options, io, context.workerEntry);
      case 'rules':
        return (await import('./commands/rules-command.js')).runRules(parsed.options, io);
      case 'explain':
        return (await import('./commands/explain-command.js')).runExplain(parsed.positionals[0]!, parsed.options, io);
      case 'init':
        return (await import('./commands/init-command.js')).runInit(parsed.positionals[0], parsed.options, io);
      case 'import':
        return await (await import('./commands/import-command.js')).runImport(parsed.positionals[0]!, parsed.options, io, context.workerEntry);
      case 'test-rules':
        return await (await import('./commands/test-rules-command.js')).runTestRules(parsed.positionals, parsed.options, io);
    }
  } catch (e) {
    io.err(`laatuvahti: ${faultMessage(e)}\n`);
    return EXIT_TOOL_ERROR;
  }
}

/**
 * What to say about an exception that stopped a command: a damaged installation plainly (see
 * bundled-pack-files.ts), anything else as the fault of ours it is, with the stack for a report.
 */
function faultMessage(e: unknown): string {
  if ((e as { code?: unknown } | null)?.code === 'LAATUVAHTI_INSTALL') return (e as Error).message;
  return `internal error: ${(e as Error | null)?.stack ?? String(e)}`;
}

/**
 * zod compiles a fast path per object schema (with `new Function`) the first time it parses;
 * for the plan schemas that costs about 10 ms, which a process checking a few plans never earns
 * back (warm parses differ by ~0.05 ms). Worker threads, which check hundreds, keep the default.
 * zod reads its configuration from this global, the same object `z.config()` writes; it must be
 * set before core builds its schemas, i.e. before core is first imported.
 */
function preferJitlessZod(): void {
  const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
  g.__zod_globalConfig = { ...g.__zod_globalConfig, jitless: true };
}

/** Serves check batches inside a worker thread (see check-worker.ts). */
export async function runWorker(data: WorkerData): Promise<void> {
  (await import('./check-worker.js')).runWorker(data);
}

/**
 * Exercises the check and every formatter once in this process, so the build can save V8's
 * compiled code for them (bin/laatuvahti.cjs loads it). Writes nothing.
 */
export async function warmUp(): Promise<void> {
  // The one-shot path is the one whose start-up counts: warm it up as it runs.
  preferJitlessZod();
  const { warmUpCheck } = await import('./warm-up.js');
  await warmUpCheck();
}
