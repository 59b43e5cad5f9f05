import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeText, encodeText, readPlanFile } from './read-plan-file.js';

const dir = mkdtempSync(join(tmpdir(), 'laatuvahti-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'apiVersion: laatuvahti/v1\nunit:\n  name: Päiväkoti Ääri\n';
const NOT_TEXT = 'it is not a text file (it holds NUL bytes); a plan is UTF-8 text, or UTF-16 with a byte order mark';

describe('decodeText', () => {
  it('reads UTF-8 as it is, a byte order mark kept as U+FEFF', () => {
    expect(decodeText(Buffer.from(TEXT))).toMatchObject({ text: TEXT, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(`\uFEFF${TEXT}`))).toMatchObject({ text: `\uFEFF${TEXT}`, encoding: 'utf-8' });
  });

  it('decodes UTF-16 LE and BE with a byte order mark, and encodes them back byte for byte', () => {
    const le = Buffer.from(`\uFEFF${TEXT}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(be.subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]));
    expect(decodeText(le)).toMatchObject({ text: `\uFEFF${TEXT}`, encoding: 'utf-16le' });
    expect(decodeText(be)).toMatchObject({ text: `\uFEFF${TEXT}`, encoding: 'utf-16be' });
    expect(encodeText(`\uFEFF${TEXT}`, 'utf-16le')).toEqual(le);
    expect(encodeText(`\uFEFF${TEXT}`, 'utf-16be')).toEqual(be);
  });

  it('refuses bytes that are not text, and says whether they hold a plan', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toEqual({ error: NOT_TEXT, notText: true, mentionsPlan: false });
    // UTF-16 without a byte order mark, in either byte order, holding a plan.
    expect(decodeText(Buffer.from(TEXT, 'utf16le'))).toEqual({ error: NOT_TEXT, notText: true, mentionsPlan: true });
    expect(decodeText(Buffer.from(TEXT, 'utf16le').swap16())).toEqual({ error: NOT_TEXT, notText: true, mentionsPlan: true });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le').subarray(0, 9)]))).toMatchObject({ notText: true, error: expect.stringContaining('odd number of bytes') });
  });
});

describe('readPlanFile', () => {
  it('reads a file as text, decoding only when the bytes ask for it', () => {
    const utf8 = join(dir, 'utf8.yaml');
    writeFileSync(utf8, TEXT);
    expect(readPlanFile(utf8)).toEqual({ text: TEXT, encoding: 'utf-8' });
    expect(readPlanFile(utf8, true)).toEqual({ text: TEXT, encoding: 'utf-8', bytes: Buffer.from(TEXT) });
    const utf16 = join(dir, 'utf16.yaml');
    writeFileSync(utf16, Buffer.from(`\uFEFF${TEXT}`, 'utf16le'));
    expect(readPlanFile(utf16)).toMatchObject({ text: `\uFEFF${TEXT}`, encoding: 'utf-16le' });
  });

  it('never opens a FIFO for reading (which would wait for a writer) and says why', () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(readPlanFile(fifo)).toEqual({ error: 'not a regular file but a FIFO (named pipe); only plan files and folders can be checked' });
    expect(readPlanFile(join(dir, 'missing.yaml'))).toEqual({ error: 'no such file or directory (ENOENT)' });
  });
});
