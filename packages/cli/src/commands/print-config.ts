/**
 * CLI, `check --print-config FILE`: the configuration that applies to one file, merged from the
 * cascade of config files, what they extend, their matching overrides and the flags, printed as
 * YAML (ESLint's `--print-config`). What is printed is itself a valid config file; the files it
 * was merged from are named in a comment above it. Config problems are exit 2, as in a check.
 */
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { displayPath } from '../display-path.js';
import { createResolver, type CheckJob } from '../check-file.js';
import { EXIT_OK, EXIT_TOOL_ERROR } from '../run-result.js';
import type { CliIo } from '../cli-io.js';
import { formatFileDiagnostic } from './check-command.js';

/** Prints the merged configuration of `file` (relative to the working folder); the exit code. */
export function runPrintConfig(file: string, job: CheckJob, io: CliIo): number {
  const resolver = createResolver(job);
  const target = resolve(io.cwd, file);
  const { config, diagnostics } = resolver.mergedConfig(target);
  if (diagnostics.length > 0) {
    const seen = new Set<string>();
    for (const d of diagnostics) {
      const line = formatFileDiagnostic(d, io.cwd);
      if (!seen.has(line)) io.err(`${line}\n`);
      seen.add(line);
    }
    io.err('laatuvahti: fix the config or rule files above.\n');
    return EXIT_TOOL_ERROR;
  }
  const shown = displayPath(target, io.cwd);
  const from = config.files.length
    ? ['# merged from, each later one winning:', ...config.files.map((f) => `#   ${displayPath(f, io.cwd)}`)]
    : ['# no laatuvahti.config.yaml applies: the defaults.'];
  const ignored = resolver.ignoredByConfig(target) === true ? ['# the ignores of these configs leave this file out: a folder run does not check it.'] : [];
  const body = {
    ...(config.extends.length ? { extends: config.extends.length === 1 ? config.extends[0] : config.extends } : {}),
    ...(config.locale ? { locale: config.locale } : {}),
    ...(Object.keys(config.rules).length ? { rules: config.rules } : {}),
    ...(config.ruleDirs.length ? { ruleDirs: config.ruleDirs.map((d) => displayPath(d, io.cwd)) } : {}),
  };
  const yaml = Object.keys(body).length ? stringify(body, { flowCollectionPadding: true }) : '{}\n';
  io.out([`# laatuvahti: the configuration of ${shown}`, ...from, ...ignored, yaml].join('\n'));
  return EXIT_OK;
}
