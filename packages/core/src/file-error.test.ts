import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileErrorText } from './file-error.js';

const dir = mkdtempSync(join(tmpdir(), 'laatuvahti-file-error-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error a call throws. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}

describe('fileErrorText', () => {
  it('gives the system description and the code, without the path', () => {
    const missing = join(dir, 'plan-150385-9024.yaml');
    expect(fileErrorText(thrown(() => readFileSync(missing)))).toBe('no such file or directory (ENOENT)');
    expect(fileErrorText(thrown(() => readFileSync(dir)))).toBe('illegal operation on a directory (EISDIR)');
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    expect(fileErrorText(thrown(() => readFileSync(join(dir, 'loop-a'))))).toBe('too many symbolic links encountered (ELOOP)');
  });

  it('falls back to the code, or to the message of an error without one', () => {
    expect(fileErrorText(Object.assign(new Error('something odd'), { code: 'EODD' }))).toBe('EODD');
    expect(fileErrorText(new SyntaxError('Unexpected token } in JSON'))).toBe('Unexpected token } in JSON');
    expect(fileErrorText('a string')).toBe('a string');
  });
});
