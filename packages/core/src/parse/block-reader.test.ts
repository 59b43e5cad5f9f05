import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { PARSE_OPTIONS, readBlockDocument } from './block-reader.js';
import { repositoryYamlTexts } from './test-corpus.js';
import { generatePlan } from '../../../../bench/generate-plan.mjs';

/** Everything of a node the check reads (and more): class, value, type, format, offsets. */
function describeNode(node: unknown): unknown {
  if (node === null || node === undefined) return node;
  if (isPair(node)) return { pair: [describeNode(node.key), describeNode(node.value)] };
  if (isScalar(node)) {
    const s = node as typeof node & { minFractionDigits?: number };
    return { scalar: node.value, valueType: typeof node.value, type: node.type, format: node.format, source: node.source, min: s.minFractionDigits, range: node.range, proto: Object.getPrototypeOf(node) };
  }
  if (isMap(node) || isSeq(node)) {
    return { collection: Object.getPrototypeOf(node), flow: !!node.flow, range: node.range, items: node.items.map(describeNode) };
  }
  return { other: String(node) };
}

/**
 * Reads `text` both ways. When the block reader takes it, the full parser must agree on every
 * node, the document's offsets and the line starts, and must report no problem at all.
 */
function compare(text: string): boolean {
  const read = readBlockDocument(text);
  if (!read) return false;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  const where = `for ${JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}...` : text)}`;
  expect(doc.errors.map((e) => e.code), where).toEqual([]);
  expect(doc.warnings.map((e) => e.code), where).toEqual([]);
  expect(describeNode(read.doc.contents), where).toEqual(describeNode(doc.contents));
  expect(read.doc.range, where).toEqual(doc.range);
  expect(read.lineStarts, where).toEqual(lineCounter.lineStarts);
  expect(read.doc.toJS(), where).toEqual(doc.toJS());
  return true;
}

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [' ', '  ', '\n', '\n  ', '\n- ', '\n\n', ':', ': ', ' #', '# c\n', '- ', '-', '"', "'", '\\', '\\n', '[', ']', '{', '}', ',', ', ', '|', '>', '|-', '>-', 'x', '0', '1.50', '.', '~', 'null', 'true', 'yes', '0x1F', '0o17', '1e3', '&a ', '*a', '!!str ', '?', '%', '@', '`', '...', '---', 'a: b', '\t', '\r', 'é', '\u00a0'];

/** One random edit: insert a piece, delete a few characters, or move a line in or out. */
function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const op = next();
  if (op < 0.55) return text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at);
  if (op < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (op < 0.9) return `${text.slice(0, lineStart)}  ${text.slice(lineStart)}`;
  return text.startsWith('  ', lineStart) ? text.slice(0, lineStart) + text.slice(lineStart + 2) : text;
}

const files = repositoryYamlTexts();
/** The repository's plans, and each with Windows line ends too. */
const corpus = [...files, ...files.map((text) => text.replace(/\r?\n/g, '\r\n'))];

describe('readBlockDocument: the same nodes and offsets as parseDocument, or nothing', () => {
  it('for every fixture, rule case and generated plan, taking most of them', () => {
    expect(corpus.length).toBeGreaterThan(200);
    let taken = 0;
    for (const text of corpus) if (compare(text)) taken++;
    // The fast path must matter: most plans in the repository are in its subset.
    expect(taken / corpus.length).toBeGreaterThan(0.6);
    for (const lines of [100, 300, 1000]) {
      expect(compare(generatePlan(lines))).toBe(true);
      expect(compare(generatePlan(lines).replace(/\n/g, '\r\n'))).toBe(true);
    }
  });

  it('for every scalar form it reads', () => {
    const text = [
      'plain: text with spaces  # and a comment',
      'numbers: [1, -2, 0x1F, 0o17, 1.50, 1e3, .inf]',
      'n: null',
      'tilde: ~',
      'empty:',
      'bools: { a: true, b: False, c: yes }',
      'date: 2026-01-01',
      'url: https://example.fi/a:b',
      '"not": a key',
    ].join('\n');
    expect(compare(`${text.split('\n').slice(0, -1).join('\n')}\n`)).toBe(true);
    expect(compare('single: \'it\'\'s\'\ndouble: "tab\\t \\u00e4 \\x41 \\" \\\\"\n')).toBe(true);
    expect(compare('lit: |\n  one\n\n  two\n    more\nfold: >-\n  one\n  two\n\n  three\nnext: 1\n')).toBe(true);
    expect(compare('lit: |-\n  one\n\n\n  two\nfold: >\n  one\n  two\n\n\n  three\n\nlist:\n- >\n  item\n  text\n- |\n   deeper\n')).toBe(true);
    expect(compare('list:\n- a\n- b: 1\n  c: [ x , "y" ]\n# closing\nafter: {}\nflow: []\n')).toBe(true);
    expect(compare('a:\n  b:\n    c: 1\n  # before d\n  d: 2\n\n# end\n')).toBe(true);
  });

  it('leaves everything else to the full parser', () => {
    const outside = [
      '', '# only a comment\n', '- a\n', 'just text\n', '---\na: 1\n', '%YAML 1.2\n---\na: 1\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n',
      'a: 1\na: 2\n', '? a\n: b\n', '"a": 1\n', 'a:\tb\n', 'a: 1\rb: 2\r', 'a: multi\n  line\n', 'a: "multi\n  line"\n',
      'a: [1,\n  2]\n', 'a: |+\n  keep\n\n', 'a: |2\n   x\n', 'a: |\nb: 1\n', 'a: >\n  x\n    more\n', 'a: b: c\n', 'a: [x, ]\n',
      'a:\n# comment on an empty value\nb: 1\n', 'a: 1\n  # deeper comment\nb: 2\n', 'a:\n  - x\n -\n', 'a: 1\n- b\n', 'a:\n    b: 1\n  c: 2\n',
      'a: |\n  no final break', 'a: x\u0085y\n', 'top:\n  key:\n  - a\n  # kept in the sequence by yaml\n  next: 1\n', 'a: 1\n  # end\n',
    ];
    for (const text of outside) expect(readBlockDocument(text), JSON.stringify(text)).toBeUndefined();
  });

  // LAATUVAHTI_FUZZ_SEED and LAATUVAHTI_FUZZ_ROUNDS run other or longer series locally.
  it('for thousands of random edits of the corpus', () => {
    const next = random(Number(process.env.LAATUVAHTI_FUZZ_SEED ?? 20261205));
    const rounds = Number(process.env.LAATUVAHTI_FUZZ_ROUNDS ?? 4000);
    let compared = 0;
    let taken = 0;
    for (let round = 0; round < rounds; round++) {
      let text = corpus[Math.floor(next() * corpus.length)]!;
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) text = mutate(text, next);
      compared++;
      if (compare(text)) taken++;
    }
    // Many edits leave the text in the subset, so the comparison has teeth.
    expect(taken / compared).toBeGreaterThan(0.3);
    if (process.env.LAATUVAHTI_FUZZ_ROUNDS) console.log(`compared ${compared}, taken ${taken}`);
  });
});
