import { defineConfig } from 'tsup';
import { fileURLToPath } from 'node:url';

// One self-contained file: the VS Code extension copies dist/server.cjs into its package, so
// everything (core, yaml, zod, json-rules-engine, vscode-languageserver) is bundled in.
export default defineConfig({
  entry: { server: 'src/server.ts' },
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  platform: 'node',
  target: 'node20',
  bundle: true,
  noExternal: [/.*/],
  splitting: false,
  sourcemap: false,
  dts: false,
  clean: true,
  esbuildOptions(options) {
    // json-rules-engine's default JSONPath resolver is never used (core passes its own).
    options.alias = { 'jsonpath-plus': fileURLToPath(new URL('../core/src/rules/jsonpath-unused.ts', import.meta.url)) };
  },
});
