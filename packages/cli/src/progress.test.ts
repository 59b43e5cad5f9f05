import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';
import type { CliIo } from './cli-io.js';

function fakeIo(stderrIsTTY: boolean): CliIo & { written: string[] } {
  const written: string[] = [];
  return { written, out: () => undefined, err: (t) => void written.push(t), writeFile: () => undefined, readStdin: async () => '', stdoutIsTTY: false, stderrIsTTY, cwd: '/', env: {} };
}

describe('createProgress', () => {
  it('shows a throttled line for long runs at a terminal and clears it', () => {
    const io = fakeIo(true);
    let now = 0;
    const p = createProgress(1000, io, () => now);
    now = 200;
    p.update(10);
    now = 250;
    p.update(20); // within 100 ms: skipped
    now = 400;
    p.update(500);
    p.update(1000); // the last one is always shown
    p.end();
    expect(io.written).toEqual([
      '\r\u001b[KChecking 10/1000 files (1%)',
      '\r\u001b[KChecking 500/1000 files (50%)',
      '\r\u001b[KChecking 1000/1000 files (100%)',
      '\r\u001b[K',
    ]);
  });

  it('stays silent for short runs and when stderr is not a terminal', () => {
    for (const [total, tty] of [[300, true], [5000, false]] as const) {
      const io = fakeIo(tty);
      const p = createProgress(total, io, () => 1e6);
      p.update(total);
      p.end();
      expect(io.written).toEqual([]);
    }
  });
});
