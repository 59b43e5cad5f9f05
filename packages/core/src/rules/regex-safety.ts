/**
 * Rules step, loading: refuses regular expressions of rule files that can take super-linear
 * time (ReDoS). Rule packs come from disk and may be hostile: `^(a+)+$` never finishes on a
 * 41-character value in a backtracking engine such as V8's. Checked when a rule file is read
 * (rule-schema.ts), so such a pattern is a `rule-load` error and never runs.
 *
 * Two checks, both on the pattern's syntax tree (`@eslint-community/regexpp`, ESLint's parser):
 * - scslre (the analysis behind eslint-plugin-regexp's no-super-linear-backtracking and
 *   no-super-linear-move rules) finds quantifiers that trade characters with each other or
 *   with themselves, i.e. polynomial or exponential backtracking (`(x+x+)+y`, `\d+\d+$`), and for
 *   patterns that scan the whole text also the quadratic cost of retrying at every position;
 * - scslre does not look at alternatives, so the second check refuses a repetition that contains
 *   alternatives able to begin with the same character (`(a|a)*$`, 53 s on 29 characters here),
 *   using regexp-ast-analysis (same authors) for the first characters.
 *
 * Other engines were measured and rejected: re2js (linear time) cannot express the lookbehind
 * the shipped rules use, scanned a 2 MB text 400x slower than V8 and costs 67 ms to import;
 * recheck took 0.1-2 s per pattern, gave "unknown" for the shipped lookbehind patterns, and
 * ships 5.6 MB of JavaScript (plus native binaries); safe-regex2 refused four shipped patterns
 * (the identity-code one among them) and passed `(a|a)*$`. These checks refuse every case
 * above and pass every shipped pattern.
 *
 * The analysers are about 1 MB of code and take 40-180 ms to start (refa's Unicode tables), so
 * they are required on first use, never at start-up: the bundled pack is checked by the rule
 * tests, and only rule files read from disk (ruleDirs, test-rules) pay for it.
 */
import type { AST } from '@eslint-community/regexpp';

/** Value strings longer than this are not matched against a rule's pattern (see operators.ts). */
export const MAX_MATCH_INPUT = 10_000;

/** A bounded repetition up to this many times costs at most 2^10 tries per alternative choice: allowed. */
const SMALL_REPEAT = 10;

interface Analysers {
  parser: { parseLiteral(source: string): AST.RegExpLiteral };
  analyse: typeof import('scslre').analyse;
  firstChar: typeof import('regexp-ast-analysis').getFirstConsumedChar;
}

// Required, not imported: in the bundles (CLI, language server) a required module is evaluated
// when first required, an imported one at start-up. vitest and Node's CommonJS provide
// `require`; in core's own ESM build the bundler resolves these calls at build time.
declare const require: (id: string) => unknown;

let analysers: Analysers | undefined;

function load(): Analysers {
  if (!analysers) {
    const { RegExpParser } = require('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp');
    const { analyse } = require('scslre') as typeof import('scslre');
    const { getFirstConsumedChar } = require('regexp-ast-analysis') as typeof import('regexp-ast-analysis');
    analysers = { parser: new RegExpParser({ ecmaVersion: 2025 }), analyse, firstChar: getFirstConsumedChar };
  }
  return analysers;
}

/** Where a pattern is used: a `matches` value (on one field value) or a text scan (`each.match`). */
export type PatternUse = 'value' | 'text';

/**
 * Why `source` (with `flags`, `u` always added as the engine does) may take super-linear time,
 * or undefined when it is safe. A pattern that does not parse is left to the caller's own
 * validity check.
 */
export function regexSafetyProblem(source: string, flags = '', use: PatternUse = 'value'): string | undefined {
  const { parser, analyse, firstChar } = load();
  let literal: AST.RegExpLiteral;
  try {
    const allFlags = [...new Set(`u${flags}`.replace(/[gy]/g, ''))].join('');
    literal = parser.parseLiteral(`/${source.replace(/\\.|\//g, (m) => (m === '/' ? '\\/' : m))}/${allFlags}`);
  } catch {
    return undefined;
  }
  const result = analyse(literal, {
    maxReports: 1,
    // A field value is at most MAX_MATCH_INPUT characters: retrying at each position costs at
    // most that squared once. A text scan runs over the whole document, so it counts there.
    reportTypes: { Move: use === 'text', Self: true, Trade: true },
    assumeRejectingSuffix: true,
  });
  const report = result.reports[0];
  if (report) {
    const kind = report.exponential ? 'exponential' : 'polynomial';
    const where =
      report.type === 'Trade' ? `${report.startQuant.raw} and ${report.endQuant.raw} can match the same characters one after the other`
      : report.type === 'Self' ? `${report.quant.raw} is repeated by ${report.parentQuant.raw} and can match the same characters in more than one way`
      : `${report.quant.raw} makes every retry from each later position of the text start over`;
    return `can take ${kind} time (${where}; try a text of many "${report.character.pick}")`;
  }
  return overlappingAlternatives(literal, firstChar);
}

/** The first alternation inside a large repetition whose alternatives can begin alike. */
function overlappingAlternatives(literal: AST.RegExpLiteral, firstChar: Analysers['firstChar']): string | undefined {
  const flags = literal.flags;
  const visit = (node: AST.Node, repeated: AST.Quantifier | undefined): string | undefined => {
    if (node.type === 'Assertion' && (node.kind === 'lookahead' || node.kind === 'lookbehind')) {
      // Lookarounds are atomic in JavaScript: the engine never backtracks into them.
      return undefined;
    }
    if (node.type === 'Quantifier') return visit(node.element, node.max > SMALL_REPEAT ? node : repeated);
    if ((node.type === 'Group' || node.type === 'CapturingGroup') && repeated && node.alternatives.length > 1) {
      const firsts = node.alternatives.map((a) => firstChar(a, 'ltr', flags));
      for (let i = 0; i < firsts.length; i++) {
        for (let j = i + 1; j < firsts.length; j++) {
          const a = firsts[i]!;
          const b = firsts[j]!;
          if (a.empty || b.empty || !a.char.isDisjointWith(b.char)) {
            return `can take exponential time (in ${node.raw}, repeated by ${repeated.raw}, the alternatives ${node.alternatives[i]!.raw || '(empty)'} and ${node.alternatives[j]!.raw || '(empty)'} can begin with the same character; make them begin differently)`;
          }
        }
      }
    }
    if (node.type === 'Pattern' || node.type === 'Group' || node.type === 'CapturingGroup') {
      for (const alt of node.alternatives) {
        for (const e of alt.elements) {
          const found = visit(e, repeated);
          if (found) return found;
        }
      }
    }
    return undefined;
  };
  return visit(literal.pattern, undefined);
}
