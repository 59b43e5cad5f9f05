/**
 * CLI, settings for the commands that describe rules (`rules`, `explain`): the pack and locale
 * that `SettingsResolver.forFile` gives a plan in the working folder, so local rule folders
 * and the config's locale count here exactly as they do for `check`.
 */
import { resolve } from 'node:path';
import type { FileSettings } from '@laatuvahti/core/internal/node';
import { createResolver } from '../check-file.js';
import { formatFileDiagnostic } from './check-command.js';
import type { CliIo } from '../cli-io.js';
import type { CliOptions } from '../parse-args.js';

/** The settings for the working folder, or undefined after printing why there are none. */
export function settingsForCwd(options: CliOptions, io: CliIo): FileSettings | undefined {
  const resolver = createResolver({
    today: '',
    cwd: io.cwd,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.config ? { configFile: resolve(io.cwd, options.config) } : {}),
  });
  // A plan that would live in the working folder: the resolver walks up from its folder.
  const settings = resolver.forFile(resolve(io.cwd, 'plan.yaml'));
  if (settings.diagnostics.length > 0) {
    for (const p of settings.diagnostics) io.err(`${formatFileDiagnostic(p, io.cwd)}\n`);
    return undefined;
  }
  return settings;
}
