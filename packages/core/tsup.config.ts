import { defineConfig } from 'tsup';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  // yaml and zod stay external for importers. json-rules-engine is bundled so that two of its
  // dependencies can be replaced: its generic deep copy (a quarter of the parse time in a check)
  // by one for condition trees, and JSONPath, which core never uses, by a stand-in.
  external: ['yaml', 'zod'],
  noExternal: ['json-rules-engine'],
  esbuildOptions(options) {
    options.alias = { clone: src('rules/condition-clone.ts'), 'jsonpath-plus': src('rules/jsonpath-unused.ts') };
  },
});
