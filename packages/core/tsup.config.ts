import { defineConfig } from 'tsup';
import { engineStandIns } from './engine-stand-ins.js';
import { packAsJsonString } from './bundle-plugins.js';

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // yaml and zod stay external for importers. json-rules-engine is bundled so that three of its
  // dependencies can be replaced by lighter stand-ins (engine-stand-ins.ts).
  // `@laatuvahti/core` itself too: the node entry reaches core through it (see src/node.ts).
  external: ['yaml', 'zod', '@laatuvahti/core'],
  noExternal: ['json-rules-engine'],
  // The rule pack is read by JSON.parse, not compiled as code (see bundle-plugins.ts).
  esbuildPlugins: [packAsJsonString],
  esbuildOptions(options) {
    options.alias = { ...engineStandIns };
  },
});
