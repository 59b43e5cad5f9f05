/**
 * CLI, the `test-rules` command: a rule author's own rule folders (the `ruleDirs` of a config)
 * tested the way the shipped pack is: every `valid/*.yaml` without a finding of its rule, every
 * `invalid/*.yaml` exactly as its snapshot says, every README example as it claims. Rules are
 * loaded as data (never code); a broken rule file is exit 2, a failing case exit 1.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileErrorText, loadPackForRuleTests, runRuleCases, snapshotText, type RuleCaseResult } from '@laatuvahti/core/internal/node';
import { EXIT_FINDINGS, EXIT_OK, EXIT_TOOL_ERROR } from '../run-result.js';
import { displayPath } from '../display-path.js';
import { formatFileDiagnostic } from './check-command.js';
import type { CliIo } from '../cli-io.js';
import type { CliOptions } from '../parse-args.js';

/** Runs `laatuvahti test-rules <folder>...`; returns the exit code. */
export async function runTestRules(folders: readonly string[], options: CliOptions, io: CliIo): Promise<number> {
  const dirs = folders.map((f) => resolve(io.cwd, f));
  const { pack, tested, diagnostics } = loadPackForRuleTests(dirs);
  if (diagnostics.length > 0) {
    for (const d of diagnostics) io.err(`${formatFileDiagnostic(d, io.cwd)}\n`);
    io.err('laatuvahti: fix the rule files above; no case was run.\n');
    return EXIT_TOOL_ERROR;
  }
  if (tested.length === 0) {
    io.err(`laatuvahti: No rule folder (<rule-id>/rule.yaml) in ${folders.join(', ')}: nothing was tested.\n`);
    return EXIT_TOOL_ERROR;
  }

  let cases = 0;
  let failed = 0;
  let updated = 0;
  for (const rule of [...tested].sort((a, b) => a.definition.id.localeCompare(b.definition.id))) {
    const id = rule.definition.id;
    const folder = rule.origin!;
    const results = await runRuleCases(pack, id, folder);
    const lines: string[] = [];
    let ruleFailed = 0;
    if (!results.some((r) => r.kind === 'valid')) {
      lines.push('  ✖ no valid case (valid/*.yaml)');
      ruleFailed++;
    }
    if (!results.some((r) => r.kind === 'invalid')) {
      lines.push('  ✖ no invalid case (invalid/*.yaml, each with its .snap)');
      ruleFailed++;
    }
    for (const r of results) {
      if (r.ok) continue;
      if (options.update && canUpdate(r)) {
        try {
          writeFileSync(r.snapshotFile!, snapshotText(r.actual));
        } catch (e) {
          io.err(`laatuvahti: Cannot write ${displayPath(r.snapshotFile!, io.cwd)}: ${fileErrorText(e)}\n`);
          return EXIT_TOOL_ERROR;
        }
        updated++;
        lines.push(`  ✎ ${r.name}: snapshot written (${r.actual.length} finding${r.actual.length === 1 ? '' : 's'})`);
        continue;
      }
      ruleFailed++;
      lines.push(`  ✖ ${r.name}: ${r.problem}`, ...details(r));
    }
    cases += results.length;
    failed += ruleFailed;
    io.out(`${ruleFailed ? '✖' : '✔'} ${id} (${displayPath(folder, io.cwd)}): ${results.length} case${results.length === 1 ? '' : 's'}\n`);
    for (const line of lines) io.out(`${line}\n`);
  }
  const written = updated ? `, ${updated} snapshot${updated === 1 ? '' : 's'} written` : '';
  io.out(`\n${failed ? '✖' : '✔'} ${tested.length} rule${tested.length === 1 ? '' : 's'}, ${cases} case${cases === 1 ? '' : 's'}: ${failed ? `${failed} problem${failed === 1 ? '' : 's'}` : 'all passed'}${written}.\n`);
  if (failed && !options.update) io.out('When the findings shown with + are right, "laatuvahti test-rules --update" writes them as the snapshots.\n');
  return failed ? EXIT_FINDINGS : EXIT_OK;
}

/** A snapshot `--update` may write: an invalid case that has findings. */
function canUpdate(r: RuleCaseResult): boolean {
  return r.kind === 'invalid' && r.actual.length > 0 && r.snapshotFile !== undefined;
}

/** The lines that show what went wrong: expected vs actual for a snapshot, else the findings. */
function details(r: RuleCaseResult): string[] {
  if (r.kind === 'invalid' && r.expected) {
    const expected = new Set(r.expected);
    const actual = new Set(r.actual);
    return [...r.expected.filter((l) => !actual.has(l)).map((l) => `      - ${l}`), ...r.actual.filter((l) => !expected.has(l)).map((l) => `      + ${l}`)];
  }
  return r.actual.map((l) => `      ${l}`);
}

