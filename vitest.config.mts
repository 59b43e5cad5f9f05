import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    // Tests run against the sources; end-to-end tests spawn the built commands instead. Exact
    // matches: a plain key would also match every subpath below it.
    alias: [
      { find: /^@laatuvahti\/core$/, replacement: fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) },
      { find: /^@laatuvahti\/core\/node$/, replacement: fileURLToPath(new URL('./packages/core/src/node-public.ts', import.meta.url)) },
      { find: /^@laatuvahti\/core\/internal$/, replacement: fileURLToPath(new URL('./packages/core/src/internal.ts', import.meta.url)) },
      { find: /^@laatuvahti\/core\/internal\/node$/, replacement: fileURLToPath(new URL('./packages/core/src/node.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
