/**
 * Command step ("Check workspace"): which files to hand to the server, in what batches, and how
 * to sum up what it found. The server decides which YAML files are plans (by their header).
 */
import { countFindings } from './compute-status.js';
import type { CheckFileResult } from './protocol.js';
import type { Counts } from './ui-messages.js';

/** Every YAML and JSON file is a candidate; plan files are recognised by content, never by name. */
export const PLAN_FILE_INCLUDE = '**/*.{yaml,yml,json}';

// Folders that hold tools' copies of files, never a quality officer's plans.
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**'];

/** At most this many files are checked per request, so that progress moves and can be cancelled. */
export const BATCH_SIZE = 25;

/**
 * The exclude glob for `workspace.findFiles`: the always-excluded folders plus the user's
 * enabled `files.exclude` patterns (an explicit exclude replaces VS Code's default, so they
 * are merged in here). Conditional excludes (`{ when: ... }`) are left out.
 */
export function planFileExclude(filesExclude: Record<string, unknown> | undefined): string {
  const user = Object.entries(filesExclude ?? {})
    .filter(([pattern, on]) => on === true && !pattern.includes(','))
    .map(([pattern]) => pattern);
  return `{${[...new Set([...ALWAYS_EXCLUDED, ...user])].join(',')}}`;
}

/** Splits a list into consecutive batches of at most `size` items. */
export function inBatches<T>(items: readonly T[], size: number = BATCH_SIZE): T[][] {
  if (size < 1) throw new RangeError('batch size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The outcome of a workspace check. */
export interface CheckSummary {
  files: number;
  /** Plans checked. */
  plans: number;
  /** Plans the configs' `ignores` left out. */
  ignored: number;
  counts: Counts;
}

/**
 * Sums up `laatuvahti/checkFiles` results; files that are not plans are counted as files only,
 * plans the configs' `ignores` leave out apart from those checked.
 */
export function summariseCheck(results: readonly CheckFileResult[]): CheckSummary {
  const plans = results.filter((r) => r.isPlan && !r.ignored);
  const counts = countFindings(plans.flatMap((r) => r.diagnostics), 'lsp');
  return { files: results.length, plans: plans.length, ignored: results.filter((r) => r.isPlan && r.ignored).length, counts };
}

