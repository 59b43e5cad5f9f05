/**
 * Import step 1 for Word: a .docx file's bytes -> blocks, through mammoth (docx -> simple HTML
 * with headings, lists and tables) and `htmlBlocks`. mammoth is loaded on first use only:
 * requiring it takes 160-270 ms on this project's 2-core machine (measured five times, against
 * about 100 ms for `node -e 0`), which no `check` should pay.
 */
import { htmlBlocks, type Block } from './blocks.js';
import { ImportError } from './import-error.js';

interface Mammoth {
  convertToHtml(input: { buffer: Uint8Array }): Promise<{ value: string }>;
}

/** The ZIP signature every .docx starts with ("PK\x03\x04"). */
function looksLikeZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/** Reads a Word document (.docx). Throws `ImportError` when the bytes are not one. */
export async function readDocxBlocks(data: Uint8Array): Promise<Block[]> {
  if (!looksLikeZip(data)) {
    // An old binary .doc, an RTF or a renamed file: mammoth would fail with a ZIP error.
    throw new ImportError('not-docx', 'The file is not a Word document in the .docx format (open it in Word and save it as .docx).');
  }
  let mammoth: Mammoth;
  try {
    const loaded = (await import('mammoth')) as unknown as Mammoth & { default?: Mammoth };
    mammoth = loaded.default ?? loaded;
  } catch {
    throw new ImportError('no-docx-reader', 'Reading .docx needs the "mammoth" package, which is not installed.');
  }
  let html: string;
  try {
    // mammoth's Node build takes the bytes as `buffer` and hands them to JSZip, which reads any
    // Uint8Array (its `arrayBuffer` option is the browser build's).
    html = (await mammoth.convertToHtml({ buffer: data })).value;
  } catch (e) {
    throw new ImportError('not-docx', `The Word document cannot be read (${(e as Error | null)?.message ?? String(e)}).`);
  }
  return htmlBlocks(html);
}
