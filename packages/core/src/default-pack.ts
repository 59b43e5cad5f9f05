/**
 * The rule pack that ships inside @laatuvahti/core (generated from rules/ at build time), so an
 * importing system needs nothing else.
 */
import packData from './generated/pack.json' with { type: 'json' };
import { compilePack, DOCS_BASE_URL, type CompiledPack, type PackSource } from './rules/compile-pack.js';
import type { ReferenceFile, RuleFile } from './rules/rule-schema.js';

interface GeneratedPack {
  rules: { definition: RuleFile; readme?: string }[];
  references: ReferenceFile[];
}

/** The bundled pack as source data (for combining with extra rule folders). */
export function bundledPackSource(): PackSource {
  const data = packData as unknown as GeneratedPack;
  return {
    // The generator copies rule files verbatim; the rule-folder tests validate every one of them.
    // `readme` is read only when asked for (explain, hovers, SARIF): a build may load the
    // READMEs lazily (the CLI bundle does), and a check never needs them.
    rules: data.rules.map((r) => ({
      definition: r.definition,
      docsUrl: `${DOCS_BASE_URL}${r.definition.id}/README.md`,
      get readme() {
        return r.readme;
      },
    })),
    references: data.references,
  };
}

// Compiled on first use and then shared: building the Engines is the costly part, and a
// compiled pack is never mutated afterwards (its run queue only orders runs).
let defaultPack: CompiledPack | undefined;

/** The compiled bundled pack. */
export function getDefaultPack(): CompiledPack {
  defaultPack ??= compilePack(bundledPackSource());
  return defaultPack;
}
