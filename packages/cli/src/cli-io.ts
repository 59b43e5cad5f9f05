/**
 * CLI, output step: the only place that writes. Every string leaves through the redactor
 * (core's `redactPersonalIds`), whatever it holds (messages, suppression reasons, paths, config
 * problems), so a personal identity code never reaches a terminal, a log or a report file in
 * full; core masks its messages already, this is the second line of defence.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where a command writes and what it may ask about its surroundings. */
export interface CliIo {
  /** Writes to stdout (redacted). */
  out(text: string): void;
  /** Writes to stderr (redacted). */
  err(text: string): void;
  /** Writes a report file (redacted), creating its folder. Throws on failure. */
  writeFile(path: string, text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams, folder and environment; `redact` is applied to everything written. */
export function processIo(redact: (text: string) => string): CliIo {
  // `laatuvahti check | head`: a reader that stops early is not an error of the check.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  return {
    out: (text) => void process.stdout.write(redact(text)),
    err: (text) => void process.stderr.write(redact(text)),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, redact(text));
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Whether stylish output gets colours: the flag wins, then NO_COLOR, then "is it a terminal". */
export function useColor(flag: boolean | undefined, io: CliIo, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  // https://no-color.org: any non-empty NO_COLOR turns colours off.
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTTY;
}
