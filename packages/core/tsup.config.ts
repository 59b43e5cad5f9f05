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
  // yaml and zod stay external for importers. json-rules-engine is bundled so that three of its
  // dependencies can be replaced (see each stand-in's header): its per-evaluation deep copy of
  // condition trees, which core never reads, by a hand-over; eventemitter2 by a small emitter
  // that answers unheard events at once; and JSONPath, which core never uses, by a stand-in.
  external: ['yaml', 'zod'],
  noExternal: ['json-rules-engine'],
  esbuildOptions(options) {
    options.alias = { clone: src('rules/condition-clone.ts'), eventemitter2: src('rules/event-emitter.ts'), 'jsonpath-plus': src('rules/jsonpath-unused.ts') };
  },
});
