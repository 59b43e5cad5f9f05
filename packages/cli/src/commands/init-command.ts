/**
 * CLI, the `init` command: writes core's commented skeleton plan for a kind and language.
 * Never overwrites: an existing file is exit 2. `-` writes to stdout.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPlanSkeleton, type Locale, type PlanKind } from '@laatuvahti/core/internal';
import { fileErrorText } from '@laatuvahti/core/internal/node';
import { EXIT_OK, EXIT_TOOL_ERROR } from '../run-result.js';
import type { CliIo } from '../cli-io.js';
import type { CliOptions } from '../parse-args.js';

/** The file name `init` uses when none is given. */
export const DEFAULT_FILE_NAMES: Record<PlanKind, Record<Locale, string>> = {
  SelfMonitoringPlan: { fi: 'omavalvontasuunnitelma.yaml', sv: 'plan-for-egenkontroll.yaml', en: 'self-monitoring-plan.yaml' },
  ServiceDescription: { fi: 'palvelukuvaus.yaml', sv: 'tjanstebeskrivning.yaml', en: 'service-description.yaml' },
};

/** Runs `laatuvahti init [FILE]`; returns the exit code. */
export function runInit(target: string | undefined, options: CliOptions, io: CliIo): number {
  const text = createPlanSkeleton(options.kind, options.language, options.today ? { today: options.today } : {});
  if (target === '-') {
    io.out(text);
    return EXIT_OK;
  }
  const name = target ?? DEFAULT_FILE_NAMES[options.kind][options.language];
  try {
    // 'wx' fails when the file exists: checked and created in one step, so nothing is overwritten.
    writeFileSync(resolve(io.cwd, name), text, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EEXIST' ? `laatuvahti: ${name} already exists; init never overwrites a file.\n` : `laatuvahti: Cannot write ${name}: ${fileErrorText(e)}\n`);
    return EXIT_TOOL_ERROR;
  }
  io.out(`Wrote ${name} (${options.kind}, ${options.language}). Fill it in, then run: laatuvahti check ${name}\n`);
  return EXIT_OK;
}
