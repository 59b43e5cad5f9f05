import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // The runtime dependencies stay external for importers; the CLI and server bundle them.
  external: ['yaml', 'zod', 'json-rules-engine'],
});
