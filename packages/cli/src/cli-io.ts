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
  /** All of stdin as text (`check -`; UTF-8, or UTF-16 with a byte order mark). Rejects when it cannot be read as text. */
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
      // Loaded here: this module is imported at start-up, before core (which the reader uses).
      const { decodeText } = await import('./read-plan-file.js');
      const read = decodeText(Buffer.concat(chunks));
      if ('error' in read) throw new Error(read.error);
      return read.text;
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

/**
 * Whether stylish output on stdout gets colours: `--color` / `--no-color` win; a report file
 * never gets them; otherwise Node's own colour detection decides, `tty.WriteStream#hasColors`,
 * which reads the environment as the ecosystem does: `FORCE_COLOR` (set by CI systems and by
 * users who pipe output; `0` or `false` turns colours off) wins over `NO_COLOR`,
 * `NODE_DISABLE_COLORS` and `TERM=dumb`. Output that is not a terminal gets colours only with
 * FORCE_COLOR. Node's detection is used rather than the `supports-color` package, which does
 * not read NO_COLOR and would load node:tty as well. node:tty itself costs 11.8–13.3 ms in a
 * fresh process (measured on this machine), so it is loaded only when its answer counts: with
 * FORCE_COLOR set, or at a terminal, where the output stream has loaded it already.
 */
export async function useColor(flag: boolean | undefined, io: CliIo, toFile: boolean): Promise<boolean> {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  if (io.env.FORCE_COLOR === undefined && !io.stdoutIsTTY) return false;
  // https://no-color.org counts only a non-empty NO_COLOR; Node any NO_COLOR at all.
  const env = io.env.NO_COLOR === '' ? { ...io.env, NO_COLOR: undefined } : io.env;
  const { WriteStream } = await import('node:tty');
  // The method reads only its arguments, so no stream needs to be opened to ask it.
  return WriteStream.prototype.hasColors.call(undefined, 16, env as object);
}
