/**
 * Import: a plan written as Word, Markdown or plain text -> a YAML draft in the plan format
 * (`laatuvahti import`). The steps, top to bottom:
 *   1. blocks: the source's headings, paragraphs, list items and table rows (blocks.ts, read-docx.ts);
 *   2. personal identity codes masked, wherever they stand;
 *   3. headings recognised (headings.ts) and the text cut into sections under them;
 *   4. each section's text to its key, labelled fields picked out (fields.ts), the rest kept
 *      under its heading in `importedText`;
 *   5. the draft written with a comment on every guess (render-draft.ts).
 * Nothing is invented: every value is text of the source, or a format value read from it
 * (a date, an enum), and then its line says where it came from. Nothing is lost: a paragraph
 * that no key takes is kept, and the result counts both.
 */
import { maskIdentifier, PERSONAL_ID_SCAN_RE } from '../rules/checksums.js';
import { API_VERSION, schemasByKind, type PlanKind } from '../schema/index.js';
import type { Locale, PathSegment } from '../types.js';
import { blockText, sourceBlocks, type Block, type ImportFormat } from './blocks.js';
import { acceptValue, findLabels, type FieldTarget } from './fields.js';
import { has2014Reference, HEADINGS, headingFor, headingsNamed, normalizeHeading, type FieldScope, type HeadingDef } from './headings.js';
import { ImportError } from './import-error.js';
import { readDocxBlocks } from './read-docx.js';
import { DRAFT_WORDS, renderDraft, type DraftLeaf, type DraftWords } from './render-draft.js';

/** What to import: a Word document's bytes, or the text of a Markdown or plain-text file. */
export type ImportSource = { format: 'docx'; data: Uint8Array } | { format: 'md' | 'txt'; text: string };

/** Options of `importPlan`. */
export interface ImportOptions {
  /** The kind of the draft; by default told by the headings (a service description's are its own). */
  kind?: PlanKind;
  /** The language of the document (and of the draft's comments); by default told by its text. */
  language?: Locale;
  /** The source's file name, for the draft's header comment. */
  sourceName?: string;
}

/** A heading met in the source, and where its section's text went. */
export interface ImportedHeading {
  /** As written (identity codes masked). */
  text: string;
  /** Whether it is a heading of the templates the importer knows. */
  recognised: boolean;
  /** The draft keys its text went to; `importedText` for text kept under it. */
  keys: string[];
}

/** Paragraphs (list items and table rows count as paragraphs) and words, mapped to keys or kept. */
export interface ImportStats {
  paragraphs: { mapped: number; kept: number };
  words: { mapped: number; kept: number };
}

/** What `importPlan` made. */
export interface ImportResult {
  /** The YAML draft. */
  text: string;
  kind: PlanKind;
  language: Locale;
  /** Every heading of the source, in order. */
  headings: ImportedHeading[];
  stats: ImportStats;
  /** The draft's keys that hold a value taken from the source (dotted paths), in order. */
  filled: string[];
  /** How many values carry a "check" comment. */
  guesses: number;
  /** How many personal identity codes were found and masked (`150385-****`). */
  personalIdsMasked: number;
}

/** Reads a plan in .docx, .md or .txt and returns its YAML draft. Throws `ImportError` for a source it cannot read. */
export async function importPlan(source: ImportSource, options: ImportOptions = {}): Promise<ImportResult> {
  if (source.format === 'docx') return importBlocks(await readDocxBlocks(source.data), options);
  if (source.format === 'md' || source.format === 'txt') return importBlocks(sourceBlocks(source.text, source.format), options);
  throw new ImportError('unsupported-format', `Unsupported format "${String((source as { format: unknown }).format)}": use docx, md or txt.`);
}

/** The format of a file by its name: .docx, .md / .markdown, .txt; undefined for any other. */
export function importFormatOf(fileName: string): ImportFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'docx') return 'docx';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'txt' || ext === 'text') return 'txt';
  return undefined;
}

/**
 * A text file's bytes as text: UTF-8, or UTF-16 with a byte order mark (Notepad's "Unicode"),
 * else Windows-1252, which older Windows tools still write as "plain text" (ä and ö included).
 */
export function decodeSourceText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

// ---- step 2: personal identity codes ----

function maskBlocks(blocks: readonly Block[]): { blocks: Block[]; masked: number } {
  let masked = 0;
  const mask = (text: string) =>
    text.replace(new RegExp(PERSONAL_ID_SCAN_RE.source, PERSONAL_ID_SCAN_RE.flags), (m) => {
      masked++;
      return maskIdentifier(m);
    });
  const out = blocks.map((b): Block => (b.type === 'row' ? { type: 'row', cells: b.cells.map(mask) } : { ...b, text: mask(b.text) }));
  return { blocks: out, masked };
}

// ---- step 3: headings and sections ----

/** A stretch of the source under one heading (the preamble has none). */
interface Section {
  heading?: string;
  blocks: Block[];
}

const MAX_HEADING_WORDS = 15;
/** Wordings that may open a paragraph without a colon, longest first. */
const INLINE_NAMES = HEADINGS.filter((h) => h.inline).flatMap((h) => h.names).sort((a, b) => b.length - a.length);
/** Multi-word wordings a PDF transcript may run into the text before and after them ("... 2. TOIMINTA-AJATUS, ARVOT ..."). */
const RUN_IN_NAMES = [...new Set(HEADINGS.flatMap((h) => h.names).filter((n) => n.includes(' ')))].sort((a, b) => b.length - a.length);

function isKnownHeading(text: string): boolean {
  return text.split(/\s+/).length <= MAX_HEADING_WORDS && headingsNamed(normalizeHeading(text)).length > 0;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+').replace(/-/g, '[-\\u2010-\\u2015]');
}

const RUN_IN_RE = new RegExp(`(?<=^|\\s)(\\d{1,2}(?:\\.\\d{1,2})*\\.?)\\s+(${RUN_IN_NAMES.map(escapeRe).join('|')})(?:\\s*\\(\\s*\\d+(?:\\.\\d+)+\\s*\\))?(?=\\s|:|$)`, 'giu');

/** Splits a paragraph at numbered known headings inside it (a flattened transcript's section starts). */
function splitRunIn(text: string): { heading?: string; text?: string }[] {
  const parts: { heading?: string; text?: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(RUN_IN_RE.source, RUN_IN_RE.flags))) {
    if (m.index === 0 && m[0].length === text.length) return [{ heading: text }];
    const before = text.slice(last, m.index).trim();
    if (before) parts.push({ text: before });
    parts.push({ heading: m[0].trim() });
    last = m.index + m[0].length;
  }
  if (parts.length === 0) return [{ text }];
  const rest = text.slice(last).replace(/^\s*:\s*/, '').trim();
  if (rest) parts.push({ text: rest });
  return parts;
}

/** "Toiminta-ajatus: Hoitokoti tarjoaa ..." or "Toiminta-ajatus Lastenkodin ..." -> heading and text. */
function splitLeadingHeading(text: string): { heading: string; text: string } | undefined {
  const colon = /^([^:]{2,120}):\s+(\S.*)$/s.exec(text);
  if (colon && isKnownHeading(colon[1]!)) return { heading: `${colon[1]!}:`, text: colon[2]! };
  const lower = text.toLowerCase();
  for (const name of INLINE_NAMES) {
    if (lower.startsWith(name) && /^\s+\p{Lu}/u.test(text.slice(name.length))) return { heading: text.slice(0, name.length), text: text.slice(name.length).trim() };
  }
  return undefined;
}

/** The source's sections: explicit headings (Markdown, Word styles) and recognised ones. */
function buildSections(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [{ blocks: [] }];
  const open = (heading: string) => sections.push({ heading, blocks: [] });
  const body = (block: Block) => sections[sections.length - 1]!.blocks.push(block);
  for (const block of blocks) {
    if (block.type === 'heading') {
      open(block.text);
      continue;
    }
    if (block.type === 'row') {
      body(block);
      continue;
    }
    for (const part of splitRunIn(block.text)) {
      if (part.heading) {
        open(part.heading);
        continue;
      }
      const text = part.text!;
      if (isKnownHeading(text)) {
        open(text);
        continue;
      }
      const lead = splitLeadingHeading(text);
      if (lead) {
        open(lead.heading);
        body({ type: 'paragraph', text: lead.text });
      } else {
        body(block.type === 'item' ? { type: 'item', text } : { type: 'paragraph', text });
      }
    }
  }
  return sections;
}

// ---- detection ----

const LANGUAGE_MARKERS: Record<Locale, readonly string[]> = {
  fi: ['ja', 'on', 'tai', 'sekä', 'että', 'ovat', 'myös', 'ei', 'kanssa', 'jos', 'joka', 'jotka', 'mukaan'],
  sv: ['och', 'att', 'är', 'för', 'som', 'av', 'med', 'på', 'till', 'det', 'ett', 'inte', 'eller'],
  en: ['the', 'and', 'of', 'to', 'is', 'are', 'for', 'with', 'that', 'this'],
};

function detectLanguage(text: string): Locale {
  const counts: Record<Locale, number> = { fi: 0, sv: 0, en: 0 };
  const sets = Object.fromEntries(Object.entries(LANGUAGE_MARKERS).map(([k, v]) => [k, new Set(v)])) as Record<Locale, Set<string>>;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) for (const l of ['fi', 'sv', 'en'] as const) if (sets[l].has(w)) counts[l]++;
  return counts.sv > counts.fi && counts.sv >= counts.en ? 'sv' : counts.en > counts.fi && counts.en > counts.sv ? 'en' : 'fi';
}

function detectKind(sections: readonly Section[]): PlanKind {
  let sd = 0;
  let smp = 0;
  for (const s of sections) {
    if (!s.heading) continue;
    const defs = headingsNamed(normalizeHeading(s.heading));
    if (defs.some((d) => d.kinds.length === 1 && d.kinds[0] === 'ServiceDescription')) sd += defs.some((d) => 'special' in d.target && d.target.special === 'service-name') ? 3 : 1;
    if (defs.some((d) => d.kinds.length === 1 && d.kinds[0] === 'SelfMonitoringPlan')) smp++;
  }
  return sd > smp ? 'ServiceDescription' : 'SelfMonitoringPlan';
}

function detectTemplate(sections: readonly Section[], allText: string): 'valvira-2014' | 'valvira-2024' | undefined {
  let old = /(?<![\p{L}\p{N}])avi21u1(?![\p{L}\p{N}])/iu.test(allText) ? 1 : 0;
  let current = 0;
  for (const s of sections) {
    if (!s.heading) continue;
    if (has2014Reference(s.heading)) old++;
    const def = headingFor(normalizeHeading(s.heading), 'SelfMonitoringPlan');
    if (def?.template === 'valvira-2014') old++;
    if (def?.template === 'valvira-2024') current++;
  }
  if (old > 0 && current === 0) return 'valvira-2014';
  if (current > 0 && old === 0) return 'valvira-2024';
  return undefined;
}

// ---- step 4: mapping ----

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** A block's text as it goes into a free-text value: list items keep a dash. */
function asText(block: Block): string {
  return block.type === 'item' ? `- ${block.text}` : blockText(block);
}

/** Blocks as one free text: paragraphs apart by a blank line, a list's items and a table's rows line by line. */
function joinText(blocks: readonly Block[]): string {
  return blocks.map((b, i) => (i === 0 ? '' : b.type !== 'paragraph' && b.type === blocks[i - 1]!.type ? '\n' : '\n\n') + asText(b)).join('');
}

interface Candidate {
  target: FieldTarget;
  value: string;
  label: string;
  /** The text after the label, as written (a date or an enum value is read from it). */
  raw: string;
  /** The block it came from. */
  owner: object;
}

interface BlockFields {
  candidates: Candidate[];
  /** All of the block is labels whose values were accepted (so picking them loses no word). */
  complete: boolean;
}

const KIND_TARGETS: Record<PlanKind, ReadonlySet<FieldTarget>> = {
  SelfMonitoringPlan: new Set(['provider.name', 'provider.businessId', 'unit.name', 'unit.nameAndAddress', 'unit.street', 'unit.postcode', 'unit.city', 'unit.address', 'person.name', 'contact.phone', 'contact.email', 'updated', 'documentation.clientRecords', 'documentation.incidentReporting']),
  ServiceDescription: new Set(['unit.name', 'unit.nameAndAddress', 'unit.street', 'unit.postcode', 'unit.city', 'unit.address', 'updated', 'serviceGroup', 'documentation.clientRecords', 'documentation.incidentReporting']),
};

/** The labelled fields of one block, in `scope`, for a draft of `kind`. */
function blockFields(block: Block, scope: FieldScope | 'any', kind: PlanKind, only?: (t: FieldTarget) => boolean): BlockFields {
  const text = blockText(block);
  const labels = findLabels(text, scope);
  const candidates: Candidate[] = [];
  if (labels.length === 0) return { candidates, complete: false };
  let complete = /^[\s•·|:-]*$/.test(text.slice(0, labels[0]!.start));
  labels.forEach((l, i) => {
    const raw = text.slice(l.end, labels[i + 1]?.start ?? text.length).replace(/^[\s:;.,|\u2013-]+/, '').replace(/[\s;,|]+$/, '');
    const accepted = l.target && KIND_TARGETS[kind].has(l.target) && (!only || only(l.target)) ? acceptValue(l.target, raw) : undefined;
    if (!accepted) {
      complete = false;
      return;
    }
    if (!accepted.complete) complete = false;
    candidates.push({ target: l.target!, value: accepted.value, label: l.label.trim(), raw, owner: block });
  });
  return { candidates, complete };
}

const PARTIES: Record<string, 'commissioner' | 'producer' | 'client'> = {
  tilaaja: 'commissioner', järjestäjä: 'commissioner', beställare: 'commissioner', anordnare: 'commissioner',
  tuottaja: 'producer', palveluntuottaja: 'producer', producent: 'producer', tjänsteproducent: 'producer',
  asiakas: 'client', klient: 'client',
};
/** The rows of the service description's responsibility table that rules know by id (rules/responsibility-matrix). */
const RESPONSIBILITY_ITEMS: Record<string, string> = {
  matkakustannukset: 'travel-costs', resekostnader: 'travel-costs',
  'matkat työtoiminnan ohjelman sisällä': 'travel-within-programme',
  'ryhmien kustannukset': 'group-costs', gruppernas_kostnader: 'group-costs',
  'yksilöllinen toimintasuunnitelma': 'individual-action-plan', 'individuell verksamhetsplan': 'individual-action-plan',
  palvelusuunnitelma: 'service-plan', serviceplan: 'service-plan',
};
const DAILY_PRICE_RE = /sisältyy\s+päivähintaan|ingår\s+i\s+dagspriset|ingår\s+i\s+dagsavgiften|included\s+in\s+the\s+daily\s+price/i;

/** Builds the draft of `kind` from the sections. */
class DraftBuilder {
  readonly leaves: DraftLeaf[] = [];
  readonly kept: { heading?: string; blocks: Block[] }[] = [];
  readonly mapped = new Set<Block>();
  readonly keysBySection = new Map<Section, Set<string>>();
  private readonly candidates: Candidate[] = [];
  private readonly completeBlocks = new Set<object>();
  private readonly textKeys = new Map<string, { leaf: DraftLeaf; headings: string[] }>();
  private section: Section | undefined;

  constructor(
    private readonly kind: PlanKind,
    private readonly w: DraftWords,
  ) {}

  private note(text: string): string {
    return `${this.w.check}: ${text}`;
  }

  private addKey(key: string): void {
    if (!this.section) return;
    let keys = this.keysBySection.get(this.section);
    if (!keys) this.keysBySection.set(this.section, (keys = new Set()));
    keys.add(key);
  }

  leaf(path: PathSegment[], value: string | number | boolean, note?: string): void {
    this.leaves.push({ path, value, ...(note ? { note: this.note(note) } : {}) });
  }

  /** Free text of a section to a key; a second section for the same key is appended to it. */
  private textTo(key: string, heading: string | undefined, blocks: readonly Block[]): void {
    const text = joinText(blocks);
    const existing = this.textKeys.get(key);
    if (existing) {
      existing.leaf.value = `${String(existing.leaf.value)}\n\n${text}`;
      if (heading) existing.headings.push(heading);
      existing.leaf.note = this.note(existing.headings.map((h) => this.w.fromHeading(h)).join('; '));
    } else {
      const leaf: DraftLeaf = { path: key.split('.'), value: text, ...(heading ? { note: this.note(this.w.fromHeading(heading)) } : {}) };
      this.leaves.push(leaf);
      this.textKeys.set(key, { leaf, headings: heading ? [heading] : [] });
    }
    for (const b of blocks) this.mapped.add(b);
    this.addKey(key);
  }

  private keep(heading: string | undefined, blocks: readonly Block[]): void {
    if (blocks.length === 0) return;
    this.kept.push({ ...(heading !== undefined ? { heading } : {}), blocks: [...blocks] });
    this.addKey('importedText');
  }

  /** Picks the labelled fields of blocks; returns the blocks that are not entirely fields. */
  private fields(blocks: readonly Block[], scope: FieldScope | 'any', only?: (t: FieldTarget) => boolean): Block[] {
    const rest: Block[] = [];
    for (const block of blocks) {
      const found = blockFields(block, scope, this.kind, only);
      this.candidates.push(...found.candidates);
      if (found.complete && found.candidates.length > 0) this.completeBlocks.add(block);
      rest.push(block);
    }
    return rest;
  }

  /** Adds one section. */
  add(section: Section): void {
    this.section = section;
    const heading = section.heading;
    const def: HeadingDef | undefined = heading ? headingFor(normalizeHeading(heading), this.kind) : undefined;
    let blocks = section.blocks;
    if (!def) {
      // The preamble (before any heading) often holds the provider's data or a date; an unknown
      // heading's text is kept whole.
      if (!heading) this.fields(blocks, 'provider');
      else this.fields(blocks, 'any', (t) => t === 'updated');
      this.keep(heading, blocks);
      return;
    }
    const target = def.target;
    if ('fields' in target) {
      this.fields(blocks, target.fields);
      this.keep(heading, blocks);
      return;
    }
    // A date line ("Päivitetty 12.3.2024") may stand in any section. It is kept under the
    // heading until the date is known to be picked (finishFields), so it is never lost.
    this.fields(blocks.filter((b) => blockText(b).split(/\s+/).length <= 12), 'any', (t) => t === 'updated');
    const dateLines = blocks.filter((b) => this.completeBlocks.has(b));
    this.keep(heading, dateLines);
    blocks = blocks.filter((b) => !this.completeBlocks.has(b));
    if ('key' in target) {
      if (blocks.length > 0) this.textTo(target.key, heading, blocks);
      return;
    }
    if ('keep' in target) {
      this.keep(heading, blocks);
      return;
    }
    switch (target.special) {
      case 'service-name': {
        const [first, ...rest] = blocks;
        if (first && first.type !== 'row') this.textTo('service.name', heading, [first]);
        this.fields(rest, 'unit');
        this.keep(heading, first && first.type === 'row' ? blocks : rest);
        return;
      }
      case 'price': {
        const text = blocks.map(blockText).join(' ');
        if (blocks.length === 1 && DAILY_PRICE_RE.test(text) && countWords(text) <= 8) {
          this.leaf(['price', 'includedInDailyPrice'], true, this.w.fromText(text));
          this.mapped.add(blocks[0]!);
          this.addKey('price');
        } else {
          this.keep(heading, blocks);
        }
        return;
      }
      case 'includes': {
        const items = blocks.filter((b) => b.type !== 'row');
        items.forEach((b, i) => this.leaf(['includes', i, 'item'], blockText(b), this.w.fromHeading(heading!)));
        items.forEach((b) => this.mapped.add(b));
        if (items.length > 0) this.addKey('includes');
        this.keep(heading, blocks.filter((b) => b.type === 'row'));
        return;
      }
      case 'responsibilities':
        this.responsibilities(heading!, blocks);
        return;
    }
  }

  /** The responsibility table: a header row naming the parties, then one row per item with an X under one party. */
  private responsibilities(heading: string, blocks: readonly Block[]): void {
    const rest: Block[] = [];
    let columns: Map<number, 'commissioner' | 'producer' | 'client'> | undefined;
    let header: Block | undefined;
    let n = 0;
    for (const block of blocks) {
      if (block.type !== 'row') {
        rest.push(block);
        continue;
      }
      const parties = new Map<number, 'commissioner' | 'producer' | 'client'>();
      block.cells.forEach((c, i) => {
        const p = PARTIES[c.toLowerCase().trim()];
        if (p) parties.set(i, p);
      });
      if (parties.size >= 2) {
        columns = parties;
        header = block;
        rest.push(block);
        continue;
      }
      const label = block.cells.find((c) => c.trim() !== '')?.trim();
      const marks = block.cells.map((c, i) => (/^[x✓✔•]$/i.test(c.trim()) ? i : -1)).filter((i) => i >= 0);
      const party = columns && marks.length === 1 ? columns.get(marks[0]!) : undefined;
      if (!label || !party || block.cells.some((c, i) => c.trim() !== '' && c.trim() !== label && !marks.includes(i))) {
        rest.push(block);
        continue;
      }
      const id = RESPONSIBILITY_ITEMS[label.toLowerCase()];
      // The first row's comment names the whole header, so its words stay in the draft.
      const where = n === 0 && header ? `${this.w.fromField(label)}; ${this.w.table(blockText(header).replace(/^[|\s]+/, ''))}` : this.w.fromField(label);
      this.leaf(['responsibilities', n, 'item'], id ?? label, where);
      this.leaf(['responsibilities', n, 'party'], party, this.w.column(block.cells[marks[0]!]!.trim(), header && header.type === 'row' ? header.cells[marks[0]!]!.trim() : ''));
      this.mapped.add(block);
      n++;
    }
    if (n > 0) {
      this.addKey('responsibilities');
      if (header) this.mapped.add(header);
    }
    this.keep(heading, rest.filter((b) => !this.mapped.has(b)));
  }

  /** Resolves the picked fields: a field found twice with different values is not picked at all. */
  finishFields(): void {
    const byTarget = new Map<FieldTarget, Candidate[]>();
    for (const c of this.candidates) byTarget.set(c.target, [...(byTarget.get(c.target) ?? []), c]);
    const used = new Set<Candidate>();
    const one = (t: FieldTarget, keep: (c: Candidate) => boolean = () => true): Candidate | undefined => {
      const list = byTarget.get(t)?.filter(keep);
      if (!list || new Set(list.map((c) => c.value)).size !== 1) return undefined;
      list.forEach((c) => used.add(c));
      return list[0];
    };
    const field = (c: Candidate) => this.w.fromField(c.label);
    const updated = one('updated');
    if (updated) this.updated = { ...updated, label: `${updated.label} ${updated.raw}` };

    const providerName = one('provider.name');
    if (providerName) this.leaf(['provider', 'name'], providerName.value, field(providerName));
    const businessId = one('provider.businessId');
    if (businessId) this.leaf(['provider', 'businessId'], businessId.value, field(businessId));

    const unitName = one('unit.name');
    const nameAndAddress = unitName ? undefined : one('unit.nameAndAddress');
    let addressFromName: string | undefined;
    if (unitName) this.leaf(['unit', 'name'], unitName.value, field(unitName));
    else if (nameAndAddress) {
      // "Mikkelin Savoset monipalvelukeskus, Työkeskuksenkatu 2, 50170 Mikkeli": the name, then an address with a number.
      const m = /^([^,]+),\s*(.*\d.*)$/.exec(nameAndAddress.value);
      this.leaf(['unit', 'name'], m ? m[1]!.trim() : nameAndAddress.value, m ? this.w.split(nameAndAddress.label) : field(nameAndAddress));
      if (m) addressFromName = m[2]!.trim();
    }
    const street = one('unit.street');
    if (street) {
      const postcode = one('unit.postcode');
      const city = one('unit.city');
      const place = [postcode?.value, city?.value].filter(Boolean).join(' ');
      const labels = [street, postcode, city].filter((c): c is Candidate => c !== undefined).map((c) => `"${c.label}"`).join(', ');
      this.leaf(['unit', 'address'], place ? `${street.value}, ${place}` : street.value, place ? this.w.composed(labels) : field(street));
    } else if (addressFromName && nameAndAddress) {
      this.leaf(['unit', 'address'], addressFromName, this.w.split(nameAndAddress.label));
    } else {
      const address = one('unit.address');
      if (address) this.leaf(['unit', 'address'], address.value, field(address));
    }

    // A phone or e-mail is the contact of whoever the plan named last before it: the forms list
    // the provider's, the unit's and the responsible person's fields each in a group of its own
    // (2014: "Toimintayksikön ... Puhelin", then "Vastaava esimies ... puhelin").
    const holders = (this.holders = contactHolders(this.candidates));
    const contact = (holder: ContactHolder, path: PathSegment[]): void => {
      const held = (c: Candidate) => holders.get(c) === holder;
      const phone = one('contact.phone', held);
      if (phone) this.leaf([...path, 'contact', 'phone'], phone.value, field(phone));
      const email = one('contact.email', held);
      if (email) this.leaf([...path, 'contact', 'email'], email.value, field(email));
    };
    if (providerName || businessId) contact('provider', ['provider']);
    if (this.leaves.some((l) => l.path[0] === 'unit')) contact('unit', ['unit']);

    const person = one('person.name');
    if (person) {
      const id = this.w.personId;
      this.leaf(['responsiblePersons', 0, 'id'], id, this.w.id);
      this.leaf(['responsiblePersons', 0, 'name'], person.value, field(person));
      // Contact details belong to the person only when the plan names exactly one.
      contact('person', ['responsiblePersons', 0]);
    }
    const group = one('serviceGroup');
    if (group) this.leaf(['serviceGroup'], group.value, this.w.fromField(`${group.label}: ${group.raw}`));
    const records = one('documentation.clientRecords');
    if (records) this.leaf(['documentation', 'clientRecords'], records.value, field(records));
    const incidents = one('documentation.incidentReporting');
    if (incidents) this.leaf(['documentation', 'incidentReporting'], incidents.value, field(incidents));

    // A block is mapped when everything in it was picked; otherwise it stays in the draft as text.
    for (const block of this.completeBlocks) {
      const own = this.candidates.filter((c) => c.owner === block);
      if (own.length > 0 && own.every((c) => used.has(c))) this.mapped.add(block as Block);
    }
    this.usedCandidates = used;
  }

  /** The picked fields (after `finishFields`). */
  usedCandidates = new Set<Candidate>();
  /** Whose contact each phone and e-mail is (after `finishFields`). */
  holders = new Map<Candidate, ContactHolder>();
  /** The plan's date, when one labelled date was found (after `finishFields`). */
  updated: Candidate | undefined;
}

type ContactHolder = 'provider' | 'unit' | 'person';

/** Whose contact each phone and e-mail is: the holder of the field named last before it, in document order. */
function contactHolders(candidates: readonly Candidate[]): Map<Candidate, ContactHolder> {
  const holders = new Map<Candidate, ContactHolder>();
  let last: ContactHolder | undefined;
  for (const c of candidates) {
    if (c.target === 'contact.phone' || c.target === 'contact.email') {
      if (last) holders.set(c, last);
    } else if (c.target === 'person.name') last = 'person';
    else if (c.target.startsWith('provider.')) last = 'provider';
    else if (c.target.startsWith('unit.')) last = 'unit';
  }
  return holders;
}

/** Steps 2-5 on the blocks of any source. */
function importBlocks(rawBlocks: readonly Block[], options: ImportOptions): ImportResult {
  const { blocks, masked } = maskBlocks(rawBlocks);
  const sections = buildSections(blocks);
  const allText = blocks.map(blockText).join('\n');
  const kind = options.kind ?? detectKind(sections);
  const language = options.language ?? detectLanguage(allText);
  const w = DRAFT_WORDS[language];
  const builder = new DraftBuilder(kind, w);
  for (const section of sections) builder.add(section);
  builder.finishFields();

  const head: DraftLeaf[] = [
    { path: ['apiVersion'], value: API_VERSION },
    { path: ['kind'], value: kind, ...(options.kind ? {} : { note: `${w.check}: ${w.kindFrom}` }) },
    { path: ['language'], value: language, ...(options.language ? {} : { note: `${w.check}: ${w.languageFrom}` }) },
  ];
  const template = kind === 'SelfMonitoringPlan' ? detectTemplate(sections, allText) : undefined;
  if (template) head.push({ path: ['template'], value: template, note: `${w.check}: ${w.templateFrom}` });
  const updated = builder.updated;
  if (updated) head.push({ path: ['updated'], value: updated.value, note: `${w.check}: ${w.fromField(updated.label)}` });

  // Kept text: every block of a kept section that no key took, under its heading.
  const kept: DraftLeaf[] = [];
  let k = 0;
  for (const entry of builder.kept) {
    const rest = entry.blocks.filter((b) => !builder.mapped.has(b));
    if (rest.length === 0) continue;
    if (entry.heading !== undefined) kept.push({ path: ['importedText', k, 'heading'], value: entry.heading });
    kept.push({ path: ['importedText', k, 'text'], value: joinText(rest) });
    k++;
  }
  if (kept.length > 0) kept[0]!.note = `${w.check}: ${w.importedText}`;

  // Statistics over body blocks.
  const stats: ImportStats = { paragraphs: { mapped: 0, kept: 0 }, words: { mapped: 0, kept: 0 } };
  for (const s of sections)
    for (const b of s.blocks) {
      const side = builder.mapped.has(b) ? 'mapped' : 'kept';
      stats.paragraphs[side]++;
      stats.words[side] += countWords(blockText(b));
    }

  const headings: ImportedHeading[] = sections
    .filter((s) => s.heading !== undefined)
    .map((s) => {
      const fieldKeys = [...builder.usedCandidates].filter((c) => s.blocks.includes(c.owner as Block)).map((c) => fieldKey(c.target, builder.holders.get(c)));
      const textKeys = [...(builder.keysBySection.get(s) ?? [])].filter((key) => key !== 'importedText' || s.blocks.some((b) => !builder.mapped.has(b)));
      return { text: s.heading!, recognised: headingFor(normalizeHeading(s.heading!), kind) !== undefined, keys: [...new Set([...textKeys, ...fieldKeys])] };
    });

  const leaves = [...head, ...builder.leaves, ...kept];
  const toc = headings.length > 0 ? ['', w.toc, ...headings.map((h) => `  ${h.text} -> ${h.keys.length > 0 ? h.keys.join(', ') : w.tocNone}`)] : [];
  const header = [...w.header(options.sourceName ?? 'plan'), ...toc];
  const keyOrder = Object.keys((schemasByKind[kind] as unknown as { shape: Record<string, unknown> }).shape);
  const text = renderDraft(header, leaves, keyOrder);
  const filled = [...new Set(leaves.filter((l) => l.path[0] !== 'apiVersion' && l.path[0] !== 'kind' && l.path[0] !== 'language').map((l) => l.path.filter((p) => typeof p === 'string').join('.')))];
  return {
    text,
    kind,
    language,
    headings,
    stats,
    filled,
    guesses: leaves.filter((l) => l.note !== undefined).length,
    personalIdsMasked: masked,
  };
}

function fieldKey(target: FieldTarget, holder: ContactHolder | undefined): string {
  switch (target) {
    case 'contact.phone':
    case 'contact.email':
      return holder === 'provider' || holder === 'unit' ? holder : 'responsiblePersons';
    case 'person.name':
      return 'responsiblePersons';
    case 'unit.nameAndAddress':
    case 'unit.street':
    case 'unit.postcode':
    case 'unit.city':
      return 'unit';
    default:
      return target.split('.')[0]!;
  }
}

