/**
 * Bundling stand-in for the `clone` package inside json-rules-engine, which deep-copies every
 * rule's condition tree, event, priority and name on every evaluation (RuleResult) so that a
 * run can write each condition's outcome (`result`, `factResult`) onto a copy of its own. That
 * copy was a fifth of the engine's time per rule, and core never reads those outcomes: it reads
 * a run's events only. Core also never lets two runs share an Engine at once (`RunQueue`), and
 * each rule is evaluated once per run, so the tree can be handed over as it is: outcomes land
 * on the compiled rule's own condition objects and are overwritten by the next run. The
 * condition trees, values and events are never changed otherwise.
 */
export default function shareCondition<T>(value: T): T {
  return value;
}
