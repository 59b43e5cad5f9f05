/**
 * Builds the bench's library floor (floor.ts) the way packages/cli/tsup.config.ts builds the
 * CLI: one minified CommonJS bundle with the same plugins and aliases, then its V8 code cache.
 * `npm run bench` runs it; nothing ships it.
 */
import { defineConfig } from 'tsup';
import { fileURLToPath } from 'node:url';
import { coreDependencyAliases, zodEnglishOnly } from '../../packages/core/bundle-plugins.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  entry: { floor: here('floor.ts') },
  outDir: here('dist'),
  format: ['cjs'],
  outExtension: () => ({ js: '.cjs' }),
  platform: 'node',
  target: 'node20',
  bundle: true,
  noExternal: ['yaml', 'zod', 'json-rules-engine'],
  minify: true,
  clean: true,
  dts: false,
  silent: true,
  esbuildPlugins: [zodEnglishOnly],
  esbuildOptions(options) {
    options.alias = { ...coreDependencyAliases };
  },
  onSuccess: `node ${JSON.stringify(here('../../packages/cli/scripts/write-code-cache.cjs'))} ${JSON.stringify(here('dist/floor.cjs'))}`,
});
