/**
 * Colour detection of stylish output: the flags, then Node's own reading of FORCE_COLOR,
 * NO_COLOR and TERM (tty.WriteStream#hasColors), then "is stdout a terminal".
 */
import { describe, expect, it } from 'vitest';
import { useColor, type CliIo } from './cli-io.js';

function io(env: Record<string, string | undefined>, tty: boolean): CliIo {
  return { out: () => {}, err: () => {}, writeFile: () => {}, readStdin: async () => '', stdoutIsTTY: tty, stderrIsTTY: tty, cwd: '/', env };
}

describe('useColor', () => {
  it('lets the flags win, and never colours a report file', async () => {
    expect(await useColor(true, io({ NO_COLOR: '1' }, false), false)).toBe(true);
    expect(await useColor(false, io({ FORCE_COLOR: '3' }, true), false)).toBe(false);
    expect(await useColor(undefined, io({ FORCE_COLOR: '1' }, true), true)).toBe(false);
  });

  it('colours piped output with FORCE_COLOR (not with 0 or false), and not without it', async () => {
    for (const value of ['1', '2', '3', 'true', '']) expect(await useColor(undefined, io({ FORCE_COLOR: value }, false), false)).toBe(true);
    for (const value of ['0', 'false']) expect(await useColor(undefined, io({ FORCE_COLOR: value }, false), false)).toBe(false);
    expect(await useColor(undefined, io({}, false), false)).toBe(false);
  });

  it('at a terminal, turns colours off for NO_COLOR, NODE_DISABLE_COLORS and TERM=dumb, but not for an empty NO_COLOR', async () => {
    const term = { TERM: 'xterm-256color' };
    expect(await useColor(undefined, io(term, true), false)).toBe(true);
    expect(await useColor(undefined, io({ ...term, NO_COLOR: '1' }, true), false)).toBe(false);
    expect(await useColor(undefined, io({ ...term, NODE_DISABLE_COLORS: '1' }, true), false)).toBe(false);
    expect(await useColor(undefined, io({ TERM: 'dumb' }, true), false)).toBe(false);
    expect(await useColor(undefined, io({ ...term, NO_COLOR: '' }, true), false)).toBe(true);
  });
});
