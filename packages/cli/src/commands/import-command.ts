/**
 * CLI, the `import` command: a plan in .docx, .md or .txt -> core's `importPlan` -> the YAML
 * draft written next to the source (or to --output; an existing file only with --force) -> a
 * summary of what was mapped and kept -> the draft checked as `check` would, with its exit code,
 * so that the first run already tells the unit what its plan lacks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { decodeSourceText, ImportError, importFormatOf, importPlan, type ImportResult, type ImportSource } from '@laatuvahti/core/internal';
import { fileErrorText } from '@laatuvahti/core/internal/node';
import { EXIT_TOOL_ERROR, countOf } from '../run-result.js';
import { displayPath } from '../display-path.js';
import type { CliIo } from '../cli-io.js';
import type { CliOptions } from '../parse-args.js';

/** The draft's default name: the source's, with .yaml (`suunnitelma.docx` -> `suunnitelma.yaml`). */
export function defaultDraftPath(source: string): string {
  return join(dirname(source), `${basename(source, extname(source))}.yaml`);
}

/** Runs `laatuvahti import FILE`; returns the exit code (that of checking the draft, or 2). */
export async function runImport(file: string, options: CliOptions, io: CliIo, workerEntry?: string): Promise<number> {
  const sourcePath = resolve(io.cwd, file);
  const format = importFormatOf(file);
  if (!format) {
    io.err(
      `laatuvahti: ${file}: import reads Word documents (.docx), Markdown (.md) and plain text (.txt). ` +
        'Save a .doc, .odt or .rtf as .docx; copy the text of a PDF into a .txt file.\n',
    );
    return EXIT_TOOL_ERROR;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(sourcePath);
  } catch (e) {
    io.err(`laatuvahti: Cannot read ${file}: ${fileErrorText(e)}\n`);
    return EXIT_TOOL_ERROR;
  }
  const source: ImportSource = format === 'docx' ? { format, data: bytes } : { format, text: decodeSourceText(bytes) };

  let result: ImportResult;
  try {
    result = await importPlan(source, {
      sourceName: basename(sourcePath),
      ...(options.importKind ? { kind: options.importKind } : {}),
      ...(options.importLanguage ? { language: options.importLanguage } : {}),
    });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    io.err(`laatuvahti: Cannot import ${file}: ${e.message}\n`);
    return EXIT_TOOL_ERROR;
  }

  const draftPath = options.output ? resolve(io.cwd, options.output) : defaultDraftPath(sourcePath);
  const draft = displayPath(draftPath, io.cwd);
  if (draftPath === sourcePath) {
    io.err(`laatuvahti: The draft would replace its source ${file}: give another --output FILE.\n`);
    return EXIT_TOOL_ERROR;
  }
  try {
    // 'wx' fails when the file exists: checked and created in one step, so nothing is overwritten by accident.
    writeFileSync(draftPath, result.text, { flag: options.force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(code === 'EEXIST' ? `laatuvahti: ${draft} already exists; import overwrites it only with --force.\n` : `laatuvahti: Cannot write ${draft}: ${fileErrorText(e)}\n`);
    return EXIT_TOOL_ERROR;
  }
  io.err(importSummary(file, draft, result));

  // The draft is checked like any plan: its nearest config, the given --locale/--today, stylish
  // output. Only the check's own options go on: --output named the draft, not a report.
  const { output: _draft, ...rest } = options;
  const { runCheck } = await import('./check-command.js');
  return runCheck([draftPath], { ...rest, format: 'stylish', reports: [], fix: false, updateBaseline: false }, io, workerEntry);
}

/** What the import did, in a few lines for stderr (the check's findings follow on stdout). */
export function importSummary(file: string, draft: string, r: ImportResult): string {
  const recognised = r.headings.filter((h) => h.recognised).length;
  const { paragraphs: p, words: w } = r.stats;
  const lines = [
    `laatuvahti: imported ${file} -> ${draft} (${r.kind}, ${r.language}).`,
    `  headings: ${recognised} of ${r.headings.length} recognised${r.headings.length > recognised ? ` (${r.headings.filter((h) => !h.recognised).map((h) => `"${h.text}"`).join(', ')} not)` : ''}.`,
    `  mapped to keys: ${p.mapped} of ${p.mapped + p.kept} paragraphs, ${w.mapped} of ${w.mapped + w.kept} words; kept as text under importedText: ${countOf(p.kept, 'paragraph', 'paragraphs')} (${countOf(w.kept, 'word', 'words')}).`,
    `  to confirm: ${countOf(r.guesses, 'value', 'values')} marked with a comment ("# ${r.language === 'sv' ? 'kontrollera' : r.language === 'en' ? 'check' : 'tarkista'}: ...").`,
  ];
  if (r.personalIdsMasked > 0) {
    lines.push(`  masked: ${countOf(r.personalIdsMasked, 'personal identity code', 'personal identity codes')} (the draft keeps their first 7 characters, DDMMYY-****); a public plan must not hold one.`);
  }
  lines.push(`laatuvahti: checking ${draft}:`);
  return `${lines.join('\n')}\n`;
}
