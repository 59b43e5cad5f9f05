/**
 * CLI, read step: a file's bytes -> the text to check. Only regular files are read (a FIFO or a
 * device would block the run or never end); UTF-8 is read as it is, UTF-16 with a byte order
 * mark (what Windows editors write as "Unicode") is decoded, and bytes that are not text (NUL
 * bytes: a binary file, or UTF-16 without a byte order mark) are refused with the reason, so a
 * plan is never passed over because it was saved in another encoding.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { fileErrorText } from '@laatuvahti/core/internal/node';

/** How a plan's text was stored; `--fix` writes corrections back the same way. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** A file read as text. */
export interface ReadText {
  /** The decoded text; a byte order mark stays as U+FEFF at the start (core drops it, as editors do). */
  text: string;
  encoding: TextEncoding;
  /** The bytes read, when asked for or when the text had to be decoded from them. */
  bytes?: Buffer;
}

/** Why a file could not be read as text; `notText` when its bytes are not text at all. */
export interface ReadFailure {
  error: string;
  notText?: true;
  /** The bytes hold `laatuvahti/` (in UTF-8 or UTF-16): it looks like a plan that cannot be read. */
  mentionsPlan?: boolean;
}

// O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever if none comes.
// The descriptor is checked with fstat before anything is read from it (discovery has looked
// already, but a path can change in between, and a link is followed here). Open, fstat and close
// cost about 15-20 µs a file over a plain read by path (2,000 plans: 63-122 against 45-101 µs
// a file), about 1 % of a plan's check. Windows has no FIFOs and no such flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads `file` as text. `keepBytes`: return the bytes too (for a digest or `--fix`). Never
 * throws: a missing, unreadable or non-regular file, or bytes that are not text, come back as
 * a `ReadFailure` with one sentence saying why.
 */
export function readPlanFile(file: string, keepBytes = false): ReadText | ReadFailure {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    return { error: fileErrorText(e) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { error: notRegularText(stats) };
    if (!keepBytes) {
      // The common case without making a Buffer (Node decodes UTF-8 natively); the bytes are
      // read only when the text shows it was not UTF-8 text: a NUL, or a UTF-16 byte order mark
      // (FF FE / FE FF, each byte invalid UTF-8, decodes to U+FFFD U+FFFD).
      const text = readFileSync(fd, 'utf8');
      if (!text.includes('\u0000') && !(text.charCodeAt(0) === 0xfffd && text.charCodeAt(1) === 0xfffd)) return { text, encoding: 'utf-8' };
    }
    return decodeText(readAll(fd, stats.size));
  } catch (e) {
    return { error: fileErrorText(e) };
  } finally {
    closeSync(fd);
  }
}

/** The whole file from its start (the descriptor's position may be past it), whatever its size says. */
function readAll(fd: number, sizeHint: number): Buffer {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(sizeHint - position, 64 * 1024));
    const n = readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    position += n;
  }
  return Buffer.concat(chunks);
}

/** What `Stats` and `Dirent` both tell about a file's type. */
type FileKind = Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isDirectory'>;

/** Why a path that is not a regular file is not read, e.g. "not a regular file but a FIFO (named pipe)". */
export function notRegularText(stats: FileKind): string {
  const what = stats.isFIFO()
    ? 'a FIFO (named pipe)'
    : stats.isSocket()
      ? 'a socket'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : stats.isDirectory()
          ? 'a folder'
          : 'a special file';
  return `not a regular file but ${what}; only plan files and folders can be checked`;
}

const UTF16_LE_BOM = [0xff, 0xfe];
const UTF16_BE_BOM = [0xfe, 0xff];

/** Bytes -> text: UTF-8 (with or without a byte order mark), or UTF-16 LE / BE with one. */
export function decodeText(bytes: Buffer): ReadText | ReadFailure {
  let text: string;
  let encoding: TextEncoding = 'utf-8';
  if (startsWith(bytes, UTF16_LE_BOM) || startsWith(bytes, UTF16_BE_BOM)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (bytes.length % 2 !== 0) return { error: `it starts with a UTF-16 byte order mark but has an odd number of bytes: the file is cut short or not UTF-16`, notText: true };
    // Node decodes UTF-16 LE natively; BE is swapped into LE first (a copy: `bytes` stay as read).
    const le = encoding === 'utf-16le' ? bytes : Buffer.from(bytes).swap16();
    text = le.toString('utf16le');
  } else {
    text = bytes.toString('utf8');
  }
  if (text.includes('\u0000')) {
    return {
      error: 'it is not a text file (it holds NUL bytes); a plan is UTF-8 text, or UTF-16 with a byte order mark',
      notText: true,
      mentionsPlan: mentionsPlan(bytes),
    };
  }
  return { text, encoding, bytes };
}

/** The text as bytes in `encoding` (its U+FEFF, if any, becomes the byte order mark). */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}

// `laatuvahti/` as UTF-8 and as UTF-16 without a byte order mark, either byte order.
const PLAN_MARKERS = [Buffer.from('laatuvahti/', 'utf8'), Buffer.from('laatuvahti/', 'utf16le'), Buffer.from('laatuvahti/', 'utf16le').swap16()];

function mentionsPlan(bytes: Buffer): boolean {
  return PLAN_MARKERS.some((m) => bytes.includes(m));
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
