import { defineConfig } from 'tsup';
import { engineStandIns } from '../core/engine-stand-ins.js';

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
    // As in core's own build: json-rules-engine's dependencies that core replaces.
    options.alias = { ...engineStandIns };
  },
});
