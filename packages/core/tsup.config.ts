import { defineConfig } from 'tsup';
import { coreDependencyAliases, packAsJsonString } from './bundle-plugins.js';

export default defineConfig({
  // index and node are the public entries; internal and internal-node carry the code (the CLI and
  // the language server import them), and the public entries re-export from them by package
  // name, so that every entry shares one copy of core.
  entry: { index: 'src/index.ts', node: 'src/node-public.ts', internal: 'src/internal.ts', 'internal-node': 'src/node.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // No source maps in the package: they were over half of its size, and the bundled code is not
  // minified, so stack traces already name core's own functions.
  sourcemap: false,
  clean: true,
  target: 'node20',
  platform: 'node',
  // zod stays external for importers. json-rules-engine is bundled so that three of its
  // dependencies can be replaced by lighter stand-ins (engine-stand-ins.ts); yaml so that its
  // build without per-token debug hooks parses every plan (bundle-plugins.ts: about a tenth of
  // a check). Declarations still import yaml's types from the `yaml` dependency: its nodes are
  // recognised by symbol, so documents of either copy work with the other's functions.
  // `@laatuvahti/core/*` stays external too: the entries reach each other through it.
  external: ['zod', /^@laatuvahti\/core(\/|$)/],
  noExternal: ['json-rules-engine', 'yaml'],
  // The rule pack is read by JSON.parse, not compiled as code (see bundle-plugins.ts).
  esbuildPlugins: [packAsJsonString],
  esbuildOptions(options) {
    options.alias = { ...coreDependencyAliases };
  },
});
