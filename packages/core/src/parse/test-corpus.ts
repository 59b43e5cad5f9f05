/**
 * Test support for the parse step's differential tests: the text of every YAML file in the
 * repository's fixtures/ and rules/ (plans, rule cases, rule files, reference data).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

/** The texts of all YAML files under fixtures/ and rules/. */
export function repositoryYamlTexts(): string[] {
  return [...yamlFiles(join(root, 'fixtures')), ...yamlFiles(join(root, 'rules'))].map((file) => readFileSync(file, 'utf8'));
}
