/**
 * The bundled rule pack as the CLI bundle reads it: from dist/rule-pack.json and
 * dist/rule-docs.json, written by the build next to dist/cli.cjs (see tsup.config.ts). Stands in
 * for core's generated pack.json inside the bundle only; core's own builds keep the JSON inline.
 * The READMEs are read when the first one is asked for, which a check never does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface PackFile {
  rules: { definition: { id: string }; readme?: string }[];
  references: unknown[];
}

/** A file of the bundle's rule pack, parsed; a missing or damaged one is an installation fault. */
function readPackFile<T>(name: string): T {
  const file = join(__dirname, name);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw Object.assign(new Error(`The rule pack file ${file} cannot be read (${reason}). Reinstall or rebuild laatuvahti.`), { code: 'LAATUVAHTI_INSTALL' });
  }
}

const pack = readPackFile<PackFile>('rule-pack.json');
let docs: Record<string, string> | undefined;
for (const rule of pack.rules) {
  Object.defineProperty(rule, 'readme', {
    enumerable: true,
    get: () => (docs ??= readPackFile<Record<string, string>>('rule-docs.json'))[rule.definition.id],
  });
}

export default pack;
