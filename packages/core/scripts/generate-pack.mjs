// Build step: copies the rule pack in rules/ (rule.yaml, README.md, reference data) into
// packages/core/src/generated/pack.json, which the core bundles so that check() needs no files.
// Validation happens in the tests (test/rule-folders.test.ts), which load rules/ from disk.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { sourcesPage } from './sources-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const rulesDir = join(here, '..', '..', '..', 'rules');
const outDir = join(here, '..', 'src', 'generated');

const rules = [];
for (const name of readdirSync(rulesDir).sort()) {
  const file = join(rulesDir, name, 'rule.yaml');
  if (!existsSync(file)) continue;
  const definition = parse(readFileSync(file, 'utf8'));
  const readmePath = join(rulesDir, name, 'README.md');
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : undefined;
  rules.push({ definition, readme });
}
const references = [];
const refDir = join(rulesDir, 'reference');
if (existsSync(refDir)) {
  for (const name of readdirSync(refDir).sort()) {
    if (name.endsWith('.yaml')) references.push(parse(readFileSync(join(refDir, name), 'utf8')));
  }
}
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'pack.json'), JSON.stringify({ rules, references }));
console.log(`generated pack: ${rules.length} rules, ${references.length} reference tables`);
const sources = references.find((t) => t.table === 'sources');
if (sources) {
  writeFileSync(join(here, '..', '..', '..', 'docs', 'sources.md'), sourcesPage(sources));
  console.log(`generated docs/sources.md: ${sources.rows.length} requirements`);
}
