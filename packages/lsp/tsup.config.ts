import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { coreDependencyAliases, BESIDE_ENTRIES, besideBundle, packAsJsonString, zodEnglishOnly } from '../core/bundle-plugins.js';

const coreSrc = fileURLToPath(new URL('../core/src/', import.meta.url));

// One self-contained file: the VS Code extension copies dist/server.cjs into its package, so
// everything (core, yaml, zod, json-rules-engine, vscode-languageserver) is bundled in. Minified,
// it is about a third of the size and compiles that much faster when an editor starts it. Core is
// bundled from its sources, as in the CLI, so that what only some runs need stays beside the bundle.
export default defineConfig({
  // mammoth and the pattern analysers beside it, loaded only when needed (bundle-plugins.ts).
  entry: { server: 'src/server.ts', ...BESIDE_ENTRIES },
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  platform: 'node',
  target: 'node20',
  bundle: true,
  noExternal: [/.*/],
  splitting: false,
  sourcemap: false,
  minify: true,
  dts: false,
  esbuildPlugins: [zodEnglishOnly, packAsJsonString, besideBundle],
  clean: true,
  esbuildOptions(options) {
    // As in core's own build (bundle-plugins.ts).
    options.alias = {
      '@laatuvahti/core/internal/node': `${coreSrc}node.ts`,
      '@laatuvahti/core/internal': `${coreSrc}internal.ts`,
      ...coreDependencyAliases,
    };
  },
});
