/**
 * Build helper for core's, the CLI's and the language server's tsup configs (through
 * bundle-plugins.ts, `coreDependencyAliases`): every bundle that contains json-rules-engine
 * replaces three of its dependencies (see each stand-in's header): its per-evaluation deep copy
 * of condition trees, which core never reads, by a hand-over (`clone`); eventemitter2 by a small
 * emitter that answers unheard events at once; and JSONPath, which core never uses (it passes
 * its own path resolver), by a stand-in.
 */
import { fileURLToPath } from 'node:url';

const rules = (file: string) => fileURLToPath(new URL(`./src/rules/${file}`, import.meta.url));

/** esbuild `alias` entries: module name -> the stand-in's source file. */
export const engineStandIns: Record<string, string> = {
  clone: rules('condition-clone.ts'),
  eventemitter2: rules('event-emitter.ts'),
  'jsonpath-plus': rules('jsonpath-unused.ts'),
};
