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
    // As in core's own build: json-rules-engine's JSONPath resolver is never used (core passes
    // its own), its per-evaluation deep copy and eventemitter2 are replaced by lighter stand-ins.
    const coreRules = (file: string) => fileURLToPath(new URL(`../core/src/rules/${file}`, import.meta.url));
    options.alias = { 'jsonpath-plus': coreRules('jsonpath-unused.ts'), clone: coreRules('condition-clone.ts'), eventemitter2: coreRules('event-emitter.ts') };
  },
});
