/**
 * Import, last step: the values found -> the YAML text of the draft, keys in the format's order,
 * every guess with a comment on its line for a person to confirm ("# tarkista: ...", in the
 * document's language). Long or multi-line text is written as a literal block scalar, so the
 * source's wording and paragraph breaks arrive unchanged.
 */
import type { Locale, PathSegment } from '../types.js';

/** One value of the draft. */
export interface DraftLeaf {
  path: PathSegment[];
  value: string | number | boolean;
  /** The comment on the value's line: why it is there and what to check. */
  note?: string;
}

type Node = { kind: 'map'; entries: Map<string, Node> } | { kind: 'seq'; items: Node[] } | { kind: 'leaf'; leaf: DraftLeaf };

function insert(root: Node & { kind: 'map' }, leaf: DraftLeaf): void {
  let node: Node = root;
  leaf.path.forEach((segment, i) => {
    const last = i === leaf.path.length - 1;
    const next = leaf.path[i + 1];
    const make = (): Node => (last ? { kind: 'leaf', leaf } : typeof next === 'number' ? { kind: 'seq', items: [] } : { kind: 'map', entries: new Map() });
    if (node.kind === 'map' && typeof segment === 'string') {
      let child = node.entries.get(segment);
      if (!child || last) node.entries.set(segment, (child = make()));
      node = child;
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      let child = node.items[segment];
      if (!child || last) node.items[segment] = child = make();
      node = child;
    } else {
      throw new Error(`draft path ${leaf.path.join('.')} crosses a ${node.kind}`);
    }
  });
}

const RESERVED_RE = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;
const NUMBER_RE = /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$|^0[xo]/i;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A string as a one-line YAML scalar: plain when YAML reads it back as the same string, else double-quoted. */
function inlineScalar(value: string): string {
  const plain =
    value !== '' &&
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/:(\s|$)|\s#|[\n\t]/.test(value) &&
    !RESERVED_RE.test(value) &&
    !NUMBER_RE.test(value) &&
    !DATE_RE.test(value);
  // JSON's string syntax is a subset of YAML's double-quoted scalars.
  return plain ? value : JSON.stringify(value);
}

/** Whether a string is written as a block scalar: several lines, or too long to read on one. */
function isBlock(value: string): boolean {
  return value.includes('\n') || value.length > 80;
}

function comment(note: string | undefined): string {
  return note ? `  # ${note.replace(/\s+/g, ' ')}` : '';
}

function emitValue(key: string, leaf: DraftLeaf, indent: string, out: string[], first = indent): void {
  const { value, note } = leaf;
  if (typeof value !== 'string') {
    out.push(`${first}${key}: ${String(value)}${comment(note)}`);
  } else if (DATE_RE.test(value) && /updated|date|lastCollected/.test(key)) {
    out.push(`${first}${key}: ${value}${comment(note)}`);
  } else if (isBlock(value)) {
    // A literal block scalar keeps every line; "-" drops the final line break only.
    out.push(`${first}${key}: |-${comment(note)}`);
    for (const line of value.split('\n')) out.push(line === '' ? '' : `${indent}  ${line}`);
  } else {
    out.push(`${first}${key}: ${inlineScalar(value)}${comment(note)}`);
  }
}

function emitMap(node: Node & { kind: 'map' }, indent: string, out: string[], firstIndent = indent): void {
  let first = true;
  for (const [key, child] of node.entries) {
    const lead = first ? firstIndent : indent;
    first = false;
    if (child.kind === 'leaf') emitValue(key, child.leaf, indent, out, lead);
    else if (child.kind === 'map') {
      out.push(`${lead}${key}:`);
      emitMap(child, `${indent}  `, out);
    } else {
      out.push(`${lead}${key}:`);
      for (const item of child.items) {
        if (!item) continue;
        if (item.kind === 'map') emitMap(item, `${indent}    `, out, `${indent}  - `);
        else if (item.kind === 'leaf') {
          const v = item.leaf.value;
          out.push(`${indent}  - ${typeof v === 'string' ? inlineScalar(v) : String(v)}${comment(item.leaf.note)}`);
        }
      }
    }
  }
}

/**
 * The draft's text: `header` as comment lines, then the values, top-level keys in `keyOrder`
 * (the format's order) and blank lines between sections that span several lines.
 */
export function renderDraft(header: readonly string[], leaves: readonly DraftLeaf[], keyOrder: readonly string[]): string {
  const root: Node & { kind: 'map' } = { kind: 'map', entries: new Map() };
  for (const leaf of leaves) insert(root, leaf);
  const order = (k: string) => {
    const i = keyOrder.indexOf(k);
    return i === -1 ? keyOrder.length : i;
  };
  const keys = [...root.entries.keys()].sort((a, b) => order(a) - order(b));
  const out: string[] = header.map((line) => (line === '' ? '#' : `# ${line}`));
  let previous = 0;
  for (const key of keys) {
    const section: string[] = [];
    emitMap({ kind: 'map', entries: new Map([[key, root.entries.get(key)!]]) }, '', section);
    if (out.length > header.length && (section.length > 1 || previous > 1)) out.push('');
    out.push(...section);
    previous = section.length;
  }
  return `${out.join('\n')}\n`;
}

/** The words of the draft's comments, per language. */
export interface DraftWords {
  check: string;
  fromHeading(heading: string): string;
  fromField(label: string): string;
  fromText(text: string): string;
  split(label: string): string;
  column(mark: string, column: string): string;
  table(header: string): string;
  composed(labels: string): string;
  kindFrom: string;
  languageFrom: string;
  templateFrom: string;
  id: string;
  personId: string;
  header(source: string): string[];
  toc: string;
  tocNone: string;
  importedText: string;
}

/** The comments' wording in fi, sv and en. */
export const DRAFT_WORDS: Record<Locale, DraftWords> = {
  fi: {
    check: 'tarkista',
    fromHeading: (h) => `otsikon "${h}" alta`,
    fromField: (l) => `kentästä "${l}"`,
    fromText: (t) => `päätelty tekstistä "${t}"`,
    split: (l) => `erotettu kentän "${l}" arvosta`,
    column: (m, c) => `"${m}" sarakkeessa "${c}"`,
    table: (h) => `taulukosta "${h}"`,
    composed: (l) => `koottu kentistä ${l}`,
    kindFrom: 'laji päätelty otsikoista',
    languageFrom: 'kieli päätelty tekstistä',
    templateFrom: 'rakenne päätelty otsikoista',
    id: 'tunniste, jonka import antoi; muuta tarvittaessa',
    personId: 'vastuuhenkilo',
    header: (s) => [
      `Luonnos, jonka laatuvahti import teki tiedostosta ${s}.`,
      'Rivit, joilla on "# tarkista:", ovat arvauksia: vertaa lähteeseen ja poista merkintä, kun arvo on oikein.',
      'importedText: teksti, jota ei sijoitettu mihinkään avaimeen, sen otsikon alla, jonka alla se oli.',
      'Siirrä se oikeisiin avaimiin tai jätä sellaisenaan. Tarkista lopuksi: laatuvahti check <tiedosto>',
    ],
    toc: 'Lähteen otsikot ja minne niiden teksti sijoitettiin:',
    tocNone: 'ei tekstiä',
    importedText: 'teksti, jota ei sijoitettu avaimeen, otsikkonsa alla',
  },
  sv: {
    check: 'kontrollera',
    fromHeading: (h) => `under rubriken "${h}"`,
    fromField: (l) => `från fältet "${l}"`,
    fromText: (t) => `tolkat ur texten "${t}"`,
    split: (l) => `avskilt från värdet i fältet "${l}"`,
    column: (m, c) => `"${m}" i kolumnen "${c}"`,
    table: (h) => `ur tabellen "${h}"`,
    composed: (l) => `sammanställt av fälten ${l}`,
    kindFrom: 'typen härledd ur rubrikerna',
    languageFrom: 'språket härlett ur texten',
    templateFrom: 'strukturen härledd ur rubrikerna',
    id: 'id som import gav; ändra vid behov',
    personId: 'ansvarsperson',
    header: (s) => [
      `Utkast som laatuvahti import gjorde av filen ${s}.`,
      'Rader med "# kontrollera:" är gissningar: jämför med källan och ta bort markeringen när värdet är rätt.',
      'importedText: text som inte placerats under någon nyckel, under den rubrik den stod under.',
      'Flytta den till rätt nycklar eller låt den stå. Kontrollera till sist: laatuvahti check <fil>',
    ],
    toc: 'Källans rubriker och var deras text placerades:',
    tocNone: 'ingen text',
    importedText: 'text som inte placerats under en nyckel, under sin rubrik',
  },
  en: {
    check: 'check',
    fromHeading: (h) => `from under the heading "${h}"`,
    fromField: (l) => `from the field "${l}"`,
    fromText: (t) => `read from the text "${t}"`,
    split: (l) => `split from the value of the field "${l}"`,
    column: (m, c) => `"${m}" in the column "${c}"`,
    table: (h) => `from the table "${h}"`,
    composed: (l) => `put together from the fields ${l}`,
    kindFrom: 'kind told by the headings',
    languageFrom: 'language told by the text',
    templateFrom: 'structure told by the headings',
    id: 'id given by import; change it if you like',
    personId: 'responsible-person',
    header: (s) => [
      `Draft made by laatuvahti import from the file ${s}.`,
      'Lines with "# check:" are guesses: compare them with the source and remove the mark when the value is right.',
      'importedText: text that no key holds, under the heading it stood under.',
      'Move it to the right keys or leave it as it is. Then check the draft: laatuvahti check <file>',
    ],
    toc: 'Headings of the source and where their text went:',
    tocNone: 'no text',
    importedText: 'text no key holds, under its heading',
  },
};
