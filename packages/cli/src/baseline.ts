/**
 * CLI, baseline step (`check --baseline FILE`): findings recorded in a committed baseline file
 * do not fail the run, every other finding still does. A team adopts a new rule or an old plan
 * without fixing everything first, and the gate still stops anything new (a ratchet).
 *
 * A finding is recorded by plan file (relative to the baseline file's folder), rule id and data
 * path, with a count: edits that move lines keep it matched, and N recorded findings let at most
 * N such findings pass. The file holds rule ids, keys and list positions, never values; plan
 * paths and keys pass through the identity-code redactor, as everything the command writes
 * does, and are matched in that masked form, so a plan whose name holds a code
 * (`asiakas120468-937R.yaml`, recorded as `asiakas120468-****.yaml`) is still matched. Plans
 * whose paths differ only inside a code share one entry and its counts.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { formatPath, redactPersonalIds, type Diagnostic } from '@laatuvahti/core/internal';
import { fileErrorText } from '@laatuvahti/core/internal/node';
import type { CheckedFile } from './check-file.js';

/** file -> rule id -> data path -> how many findings of that kind may pass. */
export type BaselineEntries = Map<string, Map<string, Map<string, number>>>;

/** A baseline file, read. */
export interface Baseline {
  /** The baseline file (absolute); plan paths in it are relative to its folder. */
  file: string;
  entries: BaselineEntries;
}

/** The format marker and version of a baseline file. */
const MARKER = 'laatuvahtiBaseline';
const VERSION = 1;

/**
 * Reads and validates a baseline file; a problem comes back as one sentence naming the place
 * (`missing` when there is no such file, which `--update-baseline` then creates).
 */
export function readBaseline(file: string): { baseline: Baseline } | { error: string; missing?: true } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'not found (write one with --update-baseline)', missing: true };
    return { error: `cannot be read: ${fileErrorText(e)}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `is not valid JSON: ${(e as Error).message}` };
  }
  if (!isObject(data) || data[MARKER] !== VERSION) return { error: `is not a laatuvahti baseline: it must be a JSON object with "${MARKER}": ${VERSION}` };
  const findings = data.findings;
  if (!isObject(findings)) return { error: 'has no "findings" object' };
  const entries: BaselineEntries = new Map();
  for (const [plan, rules] of Object.entries(findings)) {
    if (!isObject(rules)) return { error: `findings["${plan}"] must be an object of rule ids` };
    // Masked as this run records them: a file written before a code was recognised (or by hand)
    // still matches, and entries that meet under one masked key add up.
    const planKeyMasked = redactPersonalIds(plan);
    let byRule = entries.get(planKeyMasked);
    if (!byRule) entries.set(planKeyMasked, (byRule = new Map()));
    for (const [ruleId, paths] of Object.entries(rules)) {
      if (!isObject(paths)) return { error: `findings["${plan}"]["${ruleId}"] must be an object of data paths` };
      let byPath = byRule.get(ruleId);
      if (!byPath) byRule.set(ruleId, (byPath = new Map()));
      for (const [path, count] of Object.entries(paths)) {
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
          return { error: `findings["${plan}"]["${ruleId}"]["${path}"] must be a whole number of findings, 1 or more` };
        }
        const pathMasked = redactPersonalIds(path);
        byPath.set(pathMasked, (byPath.get(pathMasked) ?? 0) + count);
      }
    }
  }
  return { baseline: { file, entries } };
}

/**
 * Moves the findings the baseline covers from `diagnostics` to `baselined`, file by file.
 * Only plans that were checked through (their header read) take part: a plan that could not be
 * checked fails the run whatever the baseline says. `absent` counts recorded findings of the
 * checked plans that no longer occur (fixed since), which `--update-baseline` drops; plans the
 * run did not check are not asked about.
 */
export function applyBaseline(results: readonly CheckedFile[], baseline: Baseline): { results: CheckedFile[]; absent: number } {
  const folder = dirname(baseline.file);
  // What each recorded plan still lets pass; plans sharing a masked path draw on the same counts.
  const allowances = new Map<string, Map<string, number>>();
  const out = results.map((r) => {
    if (r.status !== 'checked' || !r.kind) return r;
    const plan = planKey(folder, r.file);
    let left = allowances.get(plan);
    if (!left) {
      allowances.set(plan, (left = new Map()));
      for (const [ruleId, paths] of baseline.entries.get(plan) ?? []) for (const [path, count] of paths) left.set(`${ruleId}\u0000${path}`, count);
    }
    const diagnostics: Diagnostic[] = [];
    const baselined: Diagnostic[] = [];
    for (const d of r.diagnostics) {
      const key = `${d.ruleId}\u0000${pathKey(d)}`;
      const n = left.get(key) ?? 0;
      if (n > 0) {
        left.set(key, n - 1);
        baselined.push(d);
      } else {
        diagnostics.push(d);
      }
    }
    return { ...r, diagnostics, baselined };
  });
  let absent = 0;
  for (const left of allowances.values()) for (const n of left.values()) absent += n;
  return { results: out, absent };
}

/**
 * The baseline after this run: the findings of every plan checked through, and the earlier
 * entries of plans this run did not check (other folders, or plans that now fail to parse).
 */
export function updatedBaseline(file: string, results: readonly CheckedFile[], previous?: Baseline): Baseline {
  const folder = dirname(file);
  const entries: BaselineEntries = new Map();
  const settled = new Set<string>();
  for (const r of results) {
    if (r.status !== 'checked' || !r.kind) continue;
    const plan = planKey(folder, r.file);
    settled.add(plan);
    for (const d of r.diagnostics) {
      let byRule = entries.get(plan);
      if (!byRule) entries.set(plan, (byRule = new Map()));
      let byPath = byRule.get(d.ruleId);
      if (!byPath) byRule.set(d.ruleId, (byPath = new Map()));
      const path = pathKey(d);
      byPath.set(path, (byPath.get(path) ?? 0) + 1);
    }
  }
  for (const [plan, rules] of previous?.entries ?? []) if (!settled.has(plan)) entries.set(plan, rules);
  return { file, entries };
}

/** The baseline as JSON, keys sorted so that a re-run without changes rewrites the same bytes. */
export function serializeBaseline(baseline: Baseline): string {
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const findings = Object.fromEntries(
    sorted(baseline.entries).map(([plan, rules]) => [plan, Object.fromEntries(sorted(rules).map(([ruleId, paths]) => [ruleId, Object.fromEntries(sorted(paths))]))]),
  );
  return `${JSON.stringify({ [MARKER]: VERSION, findings }, null, 2)}\n`;
}

/** How many findings a baseline records. */
export function baselineSize(baseline: Baseline): { findings: number; plans: number } {
  let findings = 0;
  for (const rules of baseline.entries.values()) for (const paths of rules.values()) for (const n of paths.values()) findings += n;
  return { findings, plans: baseline.entries.size };
}

/**
 * A plan's path relative to the baseline's folder, with forward slashes on every system, and
 * masked as the written file has it (the baseline is written through the redactor).
 */
function planKey(folder: string, file: string): string {
  return redactPersonalIds(relative(folder, file).split(sep).join('/'));
}

/** A finding's data path as recorded; an identity code used as a key is masked like in any output. */
function pathKey(d: Diagnostic): string {
  return redactPersonalIds(formatPath(d.path));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
