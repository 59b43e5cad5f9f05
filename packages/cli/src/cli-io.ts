/**
 * CLI, output step: the only place that writes. Every string leaves through the redactor
 * (core's `redactPersonalIds`), whatever it holds (messages, suppression reasons, paths, config
 * problems), so a personal identity code never reaches a terminal, a log or a report file in
 * full; core masks its messages already, this is the second line of defence.
 */
import { fstatSync, mkdirSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where a command writes and what it may ask about its surroundings. */
export interface CliIo {
  /** Writes to stdout (redacted). */
  out(text: string): void;
  /** Writes to stderr (redacted). */
  err(text: string): void;
  /** Writes a report file (redacted), creating its folder. Throws on failure. */
  writeFile(path: string, text: string): void;
  /** All of stdin as UTF-8 text (`check -`). Rejects when it cannot be read. */
  readStdin(): Promise<string>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** The process's own streams, folder and environment; `redact` is applied to everything written. */
export function processIo(redact: (text: string) => string): CliIo {
  const stdout = new FdWriter(1, () => process.stdout);
  const stderr = new FdWriter(2, () => process.stderr);
  return {
    out: (text) => stdout.write(redact(text)),
    err: (text) => stderr.write(redact(text)),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, redact(text));
    },
    readStdin: async () => {
      // Through the stream, which reads a pipe, a file and a terminal alike (a plain read of
      // descriptor 0 fails with EAGAIN when a parent made it non-blocking).
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    get stdoutIsTTY() {
      return isTerminal(1);
    },
    get stderrIsTTY() {
      return isTerminal(2);
    },
    cwd: process.cwd(),
    env: process.env,
  };
}

/**
 * Writes a file or a pipe straight to its descriptor: creating process.stdout and process.stderr
 * loads Node's stream and socket machinery, a few milliseconds of a one-file run, and a CI
 * gate's output is a file or a pipe. A terminal gets the process's stream (which writes Unicode
 * correctly to a Windows console too), and so does the rest of the output when the descriptor
 * cannot take a plain write (non-blocking and full: EAGAIN).
 */
class FdWriter {
  private stream: NodeJS.WriteStream | undefined;
  /** Decided at the first write: a file or a pipe is written directly. */
  private direct: boolean | undefined;
  private closed = false;

  constructor(
    private readonly fd: 1 | 2,
    private readonly openStream: () => NodeJS.WriteStream,
  ) {}

  write(text: string): void {
    if (this.closed || text === '') return;
    if (this.direct === undefined) {
      this.direct = !isTerminal(this.fd);
      if (!this.direct) this.useStream();
    }
    if (this.stream) {
      this.stream.write(text);
      return;
    }
    let rest = Buffer.from(text, 'utf8');
    try {
      while (rest.length > 0) rest = rest.subarray(writeSync(this.fd, rest));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // `laatuvahti check | head`: a reader that stops early is not an error of the check.
      if (code === 'EPIPE') {
        this.closed = true;
        return;
      }
      if (code !== 'EAGAIN') throw e;
      this.useStream().write(rest);
    }
  }

  private useStream(): NodeJS.WriteStream {
    if (!this.stream) {
      this.stream = this.openStream();
      // `laatuvahti check | head`: a reader that stops early is not an error of the check.
      this.stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
      });
    }
    return this.stream;
  }
}

/** Whether stdout (1) or stderr (2) is a terminal; a file or a pipe is told apart by fstat alone. */
function isTerminal(fd: 1 | 2): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (fd === 1 ? process.stdout : process.stderr).isTTY === true;
}

/** Whether stylish output gets colours: the flag wins, then NO_COLOR, then "is it a terminal". */
export function useColor(flag: boolean | undefined, io: CliIo, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  // https://no-color.org: any non-empty NO_COLOR turns colours off.
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTTY;
}
