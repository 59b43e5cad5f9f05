/**
 * Citations a user can follow: every requirement a shipped rule cites is on the shipped sources
 * page (docs/sources.md, generated from rules/reference/sources.yaml) with its public address and
 * the day it was last read; every rule's default severity follows the strength of its source; and
 * nothing that ships points at notes that do not ship.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadRuleDir } from '@laatuvahti/core/internal/node';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { sourcesPage } from '../packages/core/scripts/sources-page.mjs';

const root = join(__dirname, '..');
const rulesDir = join(root, 'rules');
const table = parse(readFileSync(join(rulesDir, 'reference', 'sources.yaml'), 'utf8')) as {
  table: string;
  rows: { id: string; basis: string; url?: string; confirmed?: string; citation?: Record<string, string> }[];
};
const rules = loadRuleDir(rulesDir).source.rules.map((r) => ({ ...r.definition, readme: r.readme ?? '' }));

/** Words with which a guidance text states a duty rather than a recommendation (fi, sv). */
const DUTY_WORDS = /\b(pitää|tulee|on oltava|ei voi|ska|måste|kan inte)\b/i;

describe('the sources page', () => {
  it('is generated from rules/reference/sources.yaml (run `npm run gen` after changing it)', () => {
    expect(readFileSync(join(root, 'docs', 'sources.md'), 'utf8')).toBe(sourcesPage(table));
  });

  it('gives every requirement its basis, citation in fi/sv/en, public address and the day it was read', () => {
    const ids = table.rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of table.rows) {
      expect(['law', 'regulation', 'guidance', 'practice'], r.id).toContain(r.basis);
      // One unit's document may have no public address; every other source has one.
      if (r.basis !== 'practice') expect(r.url, r.id).toMatch(/^https?:\/\//);
      expect(r.confirmed, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const locale of ['fi', 'sv', 'en']) expect(r.citation?.[locale]?.trim(), `${r.id} ${locale}`).toBeTruthy();
    }
  });

  it('holds every requirement a shipped rule cites', () => {
    const known = new Set(table.rows.map((r) => r.id));
    const missing = rules.flatMap((r) => (r.source.requirements ?? []).filter((id) => !known.has(id)).map((id) => `${r.id}: ${id}`));
    expect(missing).toEqual([]);
  });
});

describe('severity follows the source', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    expect(rule.source.requirements?.length, 'cites at least one requirement of the sources page').toBeGreaterThan(0);
    if (rule.basis !== 'practice') expect(rule.source.url, 'links the public text').toMatch(/^https:\/\//);
    if (rule.basis === 'law' || rule.basis === 'regulation') {
      // A statute is an error; a rule that asks less of it (a finding derived from the law rather
      // than a duty the law states) says why in its README's Decisions.
      if (rule.severity !== 'error') expect(rule.readme, 'a law-based rule below error explains why under Decisions').toMatch(/^## Decisions$/m);
    }
    if (rule.basis === 'practice') expect(rule.severity).toBe('info');
    if (rule.basis === 'guidance') {
      // Guidance is a warning, unless it states a duty in so many words, quoted in the README.
      if (rule.severity === 'error') expect(rule.readme, 'an error resting on guidance quotes the duty it states').toMatch(DUTY_WORDS);
      else expect(rule.severity).toBe('warning');
    }
  });
});

/** Every file under `dir` but tests (`*.test.ts`). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('what ships cites what ships', () => {
  const shipped = [
    join(root, 'README.md'),
    ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'docs', f)),
    ...readdirSync(rulesDir).flatMap((d) => ['README.md', 'rule.yaml'].map((f) => join(rulesDir, d, f))).filter((f) => existsSync(f)),
    ...readdirSync(join(rulesDir, 'reference')).map((f) => join(rulesDir, 'reference', f)),
    // The packages' sources end up in bundles and declarations, their READMEs in the tarballs.
    ...['core', 'cli', 'lsp', 'vscode'].flatMap((p) => [join(root, 'packages', p, 'README.md'), ...sourceFiles(join(root, 'packages', p, 'src'))]),
    ...sourceFiles(join(root, 'test', 'editor')),
  ];
  it.each(shipped.map((f) => [f.slice(root.length + 1), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/shared\/|domain-sources|rules-catalogue|\bseed 00\d/i);
  });
});
