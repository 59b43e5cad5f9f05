/**
 * Build of the extension package: one CommonJS bundle (dist/extension.js) with everything but
 * the `vscode` module inside, so the .vsix carries no node_modules; then the language server
 * bundle and the JSON Schemas, both built by their own packages, are copied next to it. The
 * schemas are core's editor variants (completion and hover, no constraint): Red Hat's YAML
 * extension validates against what `yamlValidation` gives it, and every problem would otherwise
 * be reported twice, once by Laatuvahti and once as a raw schema error.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

const here = dirname(fileURLToPath(import.meta.url));
const serverBundle = join(here, '..', 'lsp', 'dist', 'server.cjs');
const schemaDir = join(here, '..', 'core', 'dist', 'schema', 'editor');

/** Copies the server bundle (and the files beside it) to dist/ and the schemas to schema/; fails when either is missing. */
function copyBuiltAssets(): void {
  if (!existsSync(serverBundle)) throw new Error(`${serverBundle} is missing: build @laatuvahti/lsp first (npm run build at the root)`);
  copyFileSync(serverBundle, join(here, 'dist', 'server.cjs'));
  // What the server requires only when needed: the .docx reader for an import, the pattern
  // analysers for rule folders from disk (packages/core/bundle-plugins.ts).
  for (const beside of ['mammoth.cjs', 'regex-analysers.cjs']) copyFileSync(join(dirname(serverBundle), beside), join(here, 'dist', beside));
  const schemas = existsSync(schemaDir) ? readdirSync(schemaDir).filter((f) => f.endsWith('.json')) : [];
  if (schemas.length === 0) throw new Error(`${schemaDir} has no JSON Schemas: build @laatuvahti/core first`);
  rmSync(join(here, 'schema'), { recursive: true, force: true });
  mkdirSync(join(here, 'schema'));
  for (const f of schemas) copyFileSync(join(schemaDir, f), join(here, 'schema', f));
}

export default defineConfig({
  entry: { extension: 'src/extension.ts' },
  format: ['cjs'],
  platform: 'node',
  // VS Code 1.91 runs extensions on Node 20.
  target: 'node20',
  outDir: 'dist',
  clean: true,
  // Smaller and faster to load; the language client's own stack traces stay readable enough
  // with names kept.
  minify: true,
  keepNames: true,
  external: ['vscode'],
  // tsup leaves `dependencies` external by default; the .vsix ships without node_modules.
  noExternal: [/^(?!vscode$)/],
  async onSuccess() {
    copyBuiltAssets();
  },
});
