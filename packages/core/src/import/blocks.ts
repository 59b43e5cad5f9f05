/**
 * Import step 1: a source document -> blocks (headings, paragraphs, list items, table rows) in
 * reading order. Markdown and plain text are read here; a Word document reaches the same shape
 * through read-docx.ts, whose HTML `htmlBlocks` reads. No text is dropped on the way: whatever
 * is not a heading is body text, and only markup (`#`, `**`, `|`, tags) is taken off.
 */

/** One unit of a source document. */
export type Block =
  | { type: 'heading'; text: string; level?: number }
  | { type: 'paragraph'; text: string }
  | { type: 'item'; text: string }
  | { type: 'row'; cells: string[] };

/** The source formats `importPlan` reads. */
export type ImportFormat = 'docx' | 'md' | 'txt';

/** A block's text as one line; a table row's cells are joined with " | ". */
export function blockText(block: Block): string {
  return block.type === 'row' ? block.cells.join(' | ').trim() : block.text;
}

/** Collapses runs of white space (a Word line break, a tab) into one space. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const BULLET_RE = /^\s*(?:[-*+•▪◦‣●–]|\d{1,2}\))\s+(.*)$/;

/**
 * Plain text, one block per non-empty line: Word's "save as text" and copies from PDF viewers
 * give one paragraph per line, and a heading is then a line of its own. A line with tabs is a
 * table row (Word writes a row's cells separated by tabs); a bulleted line is a list item.
 */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (raw.trim() === '') continue;
    if (raw.includes('\t')) {
      const cells = raw.split('\t').map(clean);
      if (cells.filter((c) => c !== '').length > 1) {
        blocks.push({ type: 'row', cells });
        continue;
      }
    }
    const bullet = BULLET_RE.exec(raw);
    if (bullet) blocks.push({ type: 'item', text: clean(bullet[1]!) });
    else blocks.push({ type: 'paragraph', text: clean(raw) });
  }
  return blocks;
}

/** Inline Markdown markup that carries no words: emphasis, code spans, escapes; links keep their address. */
function stripInline(text: string): string {
  return clean(
    text
      .replace(/!\[([^\]]*)\]\(([^)]*)\)/g, '$1')
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_m, label: string, url: string) => (label === url ? label : `${label} (${url})`))
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
      .replace(/<br\s*\/?>/gi, ' '),
  );
}

const ATX_RE = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT_RE = /^\s{0,3}(=+|-+)\s*$/;
const TABLE_SEPARATOR_RE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Markdown (CommonMark's block structure, as far as plans use it): ATX and setext headings,
 * paragraphs (consecutive lines, joined), list items, pipe tables. Other lines are text;
 * HTML comments are dropped.
 */
export function markdownBlocks(text: string): Block[] {
  // An HTML comment is not shown by any Markdown reader: it is no part of the document's text.
  text = text.replace(/<!--[\s\S]*?-->/g, '');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', text: stripInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const setext = SETEXT_RE.exec(line);
    if (setext && paragraph.length === 1) {
      blocks.push({ type: 'heading', text: stripInline(paragraph[0]!), level: setext[1]!.startsWith('=') ? 1 : 2 });
      paragraph = [];
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line) || /^\s*(```|~~~)/.test(line)) {
      // A thematic break or a code fence: markup only.
      flush();
      continue;
    }
    const atx = ATX_RE.exec(line);
    if (atx) {
      flush();
      blocks.push({ type: 'heading', text: stripInline(atx[2]!), level: atx[1]!.length });
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flush();
      if (TABLE_SEPARATOR_RE.test(line)) continue;
      const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map(stripInline);
      blocks.push({ type: 'row', cells });
      continue;
    }
    const bullet = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (bullet && !/^\s*\d{1,3}\.\s/.test(line)) {
      flush();
      blocks.push({ type: 'item', text: stripInline(bullet[1]!) });
      continue;
    }
    if (bullet) {
      // "1. Palveluntuottajaa koskevat tiedot": an ordered-list item by Markdown's rules, but in
      // plans usually a numbered heading; it stays one line with its number, for the heading step.
      flush();
      blocks.push({ type: 'item', text: stripInline(line) });
      continue;
    }
    paragraph.push(line.replace(/^\s*>\s?/, ''));
  }
  flush();
  return blocks;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

/**
 * The HTML mammoth writes for a Word document -> blocks. mammoth writes a small, closed set of
 * elements (h1-h6, p, ul/ol/li, table/tr/td/th, inline strong/em/a/br/img/sup/sub) and escapes
 * text itself, so a tag scanner reads it exactly; a general HTML parser would add a dependency
 * for markup that never occurs. A paragraph inside a table cell belongs to the cell.
 */
export function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let buffer = '';
  let type: 'heading' | 'paragraph' | 'item' = 'paragraph';
  let level: number | undefined;
  let listDepth = 0;
  const rows: (string[] | undefined)[] = [];
  let cell: string | undefined;
  const flush = () => {
    const text = clean(decodeEntities(buffer));
    buffer = '';
    if (text === '') return;
    if (cell !== undefined) cell = cell === '' ? text : `${cell} ${text}`;
    else if (type === 'heading') blocks.push({ type, text, ...(level ? { level } : {}) });
    else blocks.push({ type, text });
  };
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|([^<]+)/g;
  for (const m of html.matchAll(tagRe)) {
    if (m[3] !== undefined) {
      buffer += m[3];
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (/^h[1-6]$/.test(tag) || tag === 'p') {
      flush();
      if (!closing && tag !== 'p') {
        type = 'heading';
        level = Number(tag[1]);
      } else {
        type = listDepth > 0 ? 'item' : 'paragraph';
        level = undefined;
      }
    } else if (tag === 'li') {
      flush();
      type = closing && listDepth === 0 ? 'paragraph' : 'item';
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      listDepth = Math.max(0, listDepth + (closing ? -1 : 1));
      type = listDepth > 0 ? 'item' : 'paragraph';
    } else if (tag === 'tr') {
      flush();
      if (!closing) rows.push([]);
      else {
        const row = rows.pop();
        if (row && row.some((c) => c !== '')) blocks.push({ type: 'row', cells: row });
      }
    } else if (tag === 'td' || tag === 'th') {
      flush();
      if (!closing) cell = '';
      else {
        rows[rows.length - 1]?.push(cell ?? '');
        cell = undefined;
      }
    } else if (tag === 'br') {
      buffer += ' ';
    }
  }
  flush();
  return blocks;
}

/** The blocks of a text source. */
export function sourceBlocks(text: string, format: Exclude<ImportFormat, 'docx'>): Block[] {
  return format === 'md' ? markdownBlocks(text) : textBlocks(text);
}
