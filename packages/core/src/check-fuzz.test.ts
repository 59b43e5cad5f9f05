/**
 * Seeded fuzzing of the whole check: real plans and YAML snippets, mutated by a deterministic
 * generator, must never make `checkDocument` throw, and every range it reports (findings,
 * suppressed findings, related places) must lie inside the text's lines as an editor counts
 * them (LF, CRLF or a lone CR ends a line). The suite runs a few hundred cases; by hand:
 *
 *   LAATUVAHTI_FUZZ_CASES=100000 npx vitest run packages/core/src/check-fuzz.test.ts
 *
 * (LAATUVAHTI_FUZZ_SEED picks another sequence.) A failure names the case's number and input.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from './internal.js';
import { repositoryYamlTexts } from './parse/test-corpus.js';
import type { Diagnostic, Range } from './types.js';

const CASES = Number(process.env.LAATUVAHTI_FUZZ_CASES ?? 400);
const SEED = Number(process.env.LAATUVAHTI_FUZZ_SEED ?? 17);

/** mulberry32: a small, fast, well-known 32-bit generator; the same seed gives the same cases. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Short texts that reach the parser's corners: document markers, flow, quotes, line breaks. */
const SNIPPETS = [
  '---\n[ [ a, b, c ]\n',
  '--- "a\n... x\nb"\n',
  '---\na: 1\n...\n---\nb: 2\n',
  'apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\n',
  'apiVersion: laatuvahti/v1\r\nkind: SelfMonitoringPlan\r\nunit: {name: x\r\n',
  'apiVersion: laatuvahti/v1\rkind: SelfMonitoringPlan\runit:\r  name: x\r',
  'a: "x\\u0045y"\nb: \'it\'\'s\'\n',
  '? [a, b]\n: c\n',
  'a: &x [1, 2]\nb: *x\n',
  'a: |\n  text\n   more\nb: >-\n  folded\n',
  '# laatuvahti-disable-next-line schema-unknown-key -- reason\nfoo: 1\n',
  'apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\n# laatuvahti-disable-next-line nosuchrule -- x\n...\n',
  'a:\n\t- b\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: 😀ä\u2028b\n',
];

/** Pieces a mutation inserts: YAML indicators, line breaks of every kind, odd characters. */
const PIECES = ['\n', '\r\n', '\r', ' ', '  ', ':', ': ', '- ', '-', '[', ']', '{', '}', ',', '#', '"', "'", '|', '>', '&a', '*a', '!', '?', '%', '@', '`', '---', '...', '\t', '\\', '\\u0045', 'ä', '😀', '\uFFFD', '\u2028', '\u0000', '120468-937R', 'x'];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.45) {
      out = out.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)]! + out.slice(at);
    } else if (kind < 0.75) {
      out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
    } else if (kind < 0.9) {
      // Repeat a stretch (a pasted line, a key given twice).
      const len = Math.floor(random() * 40);
      out = out.slice(0, at) + out.slice(at, at + len) + out.slice(at);
    } else {
      // Cut the text short, as a half-saved file.
      out = out.slice(0, at);
    }
  }
  return out;
}

/** Line lengths as LSP counts them (without the line break). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function outside(range: Range, lines: number[]): string | undefined {
  for (const p of [range.start, range.end]) {
    if (p.line < 0 || p.line >= lines.length) return `line ${p.line} of ${lines.length}`;
    if (p.character < 0 || p.character > lines[p.line]!) return `character ${p.character} on line ${p.line} of length ${lines[p.line]}`;
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) return 'end before start';
  return undefined;
}

function rangesOf(d: Diagnostic): Range[] {
  return [d.range, ...(d.related ?? []).map((r) => r.range)];
}

describe('fuzzing the check (seeded)', () => {
  it('keeps every range inside its line in the cases issue 17 found', async () => {
    // The cases the campaign found: a range after the end of the text, after `...`, and a
    // suppression finding past a document marker.
    for (const text of SNIPPETS.slice(0, 3).concat(SNIPPETS[11]!)) {
      const report = await checkDocument(text, { today: '2026-10-01' });
      const lines = lineLengths(text);
      for (const d of [...report.diagnostics, ...report.suppressed]) for (const r of rangesOf(d)) expect(outside(r, lines), `${d.ruleId} in ${JSON.stringify(text)}`).toBeUndefined();
    }
    const [first] = (await checkDocument('---\n[ [ a, b, c ]\n', { today: '2026-10-01' })).diagnostics;
    expect(first).toMatchObject({ ruleId: 'yaml-syntax', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } } });
    const quoted = (await checkDocument('--- "a\n... x\nb"\n', { today: '2026-10-01' })).diagnostics.map((d) => d.range);
    expect(quoted).toContainEqual({ start: { line: 1, character: 4 }, end: { line: 2, character: 2 } });
    const suppression = (await checkDocument(SNIPPETS[11]!, { today: '2026-10-01' })).diagnostics.find((d) => d.ruleId === 'suppression-invalid');
    expect(suppression?.range).toEqual({ start: { line: 2, character: 31 }, end: { line: 2, character: 41 } });
  });

  it(`never throws and keeps every range inside the text (${CASES} cases, seed ${SEED})`, async () => {
    const plans = repositoryYamlTexts().filter((t) => t.length < 20_000);
    const random = generator(SEED);
    const failures: string[] = [];
    for (let i = 0; i < CASES && failures.length < 5; i++) {
      const base = random() < 0.5 ? SNIPPETS[Math.floor(random() * SNIPPETS.length)]! : plans[Math.floor(random() * plans.length)]!;
      const text = mutate(base, random);
      let report;
      try {
        report = await checkDocument(text, { today: '2026-10-01' });
      } catch (e) {
        failures.push(`case ${i} threw ${(e as Error).message}: ${JSON.stringify(text.slice(0, 300))}`);
        continue;
      }
      const lines = lineLengths(text);
      for (const d of [...report.diagnostics, ...report.suppressed]) {
        for (const r of rangesOf(d)) {
          const problem = outside(r, lines);
          if (problem) failures.push(`case ${i}: ${d.ruleId} ${JSON.stringify(r)}: ${problem}: ${JSON.stringify(text.slice(0, 300))}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
