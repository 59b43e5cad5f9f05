/**
 * Import step 1 for Word: a .docx file's bytes -> blocks, through mammoth (docx -> simple HTML
 * with headings, lists and tables) and `htmlBlocks`. mammoth is loaded on first use only:
 * requiring it takes 160-270 ms on this project's 2-core machine (measured five times, against
 * about 100 ms for `node -e 0`), which no `check` should pay.
 *
 * mammoth reads the body only. Plans often keep their date, version or provider in the page
 * header or footer ("Päivitetty 3.2.2026"), so their paragraphs are read from the package's
 * header and footer parts with JSZip (mammoth's own ZIP reader) and put before the body, where
 * the importer looks for a document's provider and date: a converted plan loses nothing.
 */
import { htmlBlocks, type Block } from './blocks.js';
import { ImportError } from './import-error.js';

interface Mammoth {
  convertToHtml(input: { buffer: Uint8Array }): Promise<{ value: string }>;
}

interface Zip {
  files: Record<string, { dir: boolean; async(type: 'string'): Promise<string> }>;
}
interface JSZipModule {
  loadAsync(data: Uint8Array): Promise<Zip>;
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
  return [...(await headerFooterBlocks(data)), ...htmlBlocks(html)];
}

/** Header and footer parts: word/header1.xml, word/footer2.xml ... */
const PART_RE = /^word\/(header|footer)(\d*)\.xml$/;

/**
 * The paragraphs of the document's page headers, then its footers, each text once (a first-page
 * and a default header often repeat each other), without bare page numbers ("3", "Sivu 2 (5)").
 * A document whose body mammoth could read but whose parts this cannot gets no header text
 * rather than a failed import.
 */
async function headerFooterBlocks(data: Uint8Array): Promise<Block[]> {
  let zip: Zip;
  try {
    // The package itself, or (in the CLI's and the server's bundles) the mammoth.cjs beside them,
    // which carries it as `JSZip` (bundle-plugins.ts).
    const loaded = (await import('jszip')) as unknown as JSZipModule & { default?: JSZipModule; JSZip?: JSZipModule };
    zip = await (loaded.JSZip ?? loaded.default ?? loaded).loadAsync(data);
  } catch {
    return [];
  }
  const parts = Object.keys(zip.files)
    .map((name) => ({ name, m: PART_RE.exec(name) }))
    .filter((p): p is { name: string; m: RegExpExecArray } => p.m !== null && !zip.files[p.name]!.dir)
    // Headers before footers, each in the order of their number.
    .sort((a, b) => a.m[1]!.localeCompare(b.m[1]!) * -1 || Number(a.m[2] || 0) - Number(b.m[2] || 0));
  const seen = new Set<string>();
  const blocks: Block[] = [];
  for (const part of parts) {
    for (const text of paragraphTexts(await zip.files[part.name]!.async('string'))) {
      if (seen.has(text) || PAGE_NUMBER_RE.test(text)) continue;
      seen.add(text);
      blocks.push({ type: 'paragraph', text });
    }
  }
  return blocks;
}

// "3", "Sivu 2 (5)", "Page 1 of 3", "Sida 2/4", or the word alone when the field's number is
// not stored (a page-number field in a file no Word has opened).
const PAGE_NUMBER_RE = /^(?:(?:sivu|sida|page)\s*)?(?:\d+\s*(?:(?:[(/]|of|av)\s*\d+\s*\)?)?)?$/i;

/** The text of each `w:p` of a WordprocessingML part: its `w:t` runs, tabs as spaces. */
function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.match(/<w:p[\s>][^]*?<\/w:p>/g) ?? []) {
    let text = '';
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)) text += m[1] === undefined ? ' ' : decodeXml(m[1]);
    text = text.replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&(?:lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (e, dec: string | undefined, hex: string | undefined) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : e;
    return { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" }[e.toLowerCase()] ?? e;
  });
}
