import { defineConfig } from 'tsup';
import { coreDependencyAliases, MAMMOTH_ENTRY, mammothBeside, zodEnglishOnly } from '../core/bundle-plugins.js';

// One self-contained file: the VS Code extension copies dist/server.cjs into its package, so
// everything (core, yaml, zod, json-rules-engine, vscode-languageserver) is bundled in. Minified,
// it is about a third of the size and compiles that much faster when an editor starts it.
export default defineConfig({
  // mammoth beside it, loaded only for a .docx import (bundle-plugins.ts).
  entry: { server: 'src/server.ts', mammoth: MAMMOTH_ENTRY },
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
  esbuildPlugins: [zodEnglishOnly, mammothBeside],
  clean: true,
  esbuildOptions(options) {
    // As in core's own build (bundle-plugins.ts).
    options.alias = { ...coreDependencyAliases };
  },
});
