/**
 * CLI, feedback step: a one-line progress counter on stderr for long runs at a terminal
 * (never in CI logs or pipes, where it would only add noise).
 */
import type { CliIo } from './cli-io.js';

/** Files above which a run shows progress. */
export const PROGRESS_THRESHOLD = 300;

/** Updates a progress line; `end()` clears it. */
export interface Progress {
  update(done: number): void;
  end(): void;
}

const NONE: Progress = { update: () => undefined, end: () => undefined };

/** A progress line for `total` files, or a no-op when it should not be shown. */
export function createProgress(total: number, io: CliIo, now: () => number = Date.now): Progress {
  if (total <= PROGRESS_THRESHOLD || !io.stderrIsTTY) return NONE;
  let last = 0;
  let shown = false;
  return {
    update(done) {
      const t = now();
      if (done < total && t - last < 100) return;
      last = t;
      shown = true;
      io.err(`\r\u001b[KChecking ${done}/${total} files (${Math.floor((done / total) * 100)}%)`);
    },
    end() {
      if (shown) io.err('\r\u001b[K');
    },
  };
}
