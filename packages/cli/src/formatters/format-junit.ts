/**
 * CLI, formatting step: JUnit XML for CI test reports. One test suite per checked plan; each
 * finding is a test case with a failure, each suppression used a skipped test case with its
 * reason; a plan without findings gets one passing case. Text and attributes are escaped and
 * characters XML 1.0 cannot carry are dropped, so the document is always well-formed.
 */
import type { Diagnostic } from '@laatuvahti/core/internal';
import { checkedFiles, untilText, type Formatter } from './report-input.js';

// Characters XML 1.0 forbids: C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text content. */
export function xmlText(value: string): string {
  return value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (double-quoted); line breaks survive as character references. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function where(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

/** The JUnit XML report. */
export const formatJunit: Formatter = (input) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const file of checkedFiles(input)) {
    const cases: string[] = [];
    const attrs = (name: string) => `classname="${xmlAttr(file.path)}" name="${xmlAttr(name)}" file="${xmlAttr(file.path)}"`;
    for (const d of file.diagnostics) {
      const details = [`${file.path}:${where(d)} ${d.severity} ${d.message} (${d.ruleId})`];
      if (d.source) details.push(`Source: ${d.source.title[input.locale]} (${d.source.requirements.join(', ')})`);
      details.push(`Docs: ${d.docsUrl}`);
      cases.push(`    <testcase ${attrs(`${d.ruleId} ${where(d)}`)}>\n      <failure message="${xmlAttr(d.message)}" type="${xmlAttr(d.severity)}">${xmlText(details.join('\n'))}</failure>\n    </testcase>`);
    }
    for (const d of file.suppressed) {
      const reason = `Suppressed: ${d.suppressed?.justification ?? ''}${untilText(d)}`;
      cases.push(`    <testcase ${attrs(`${d.ruleId} ${where(d)}`)}>\n      <skipped message="${xmlAttr(reason)}"/>\n    </testcase>`);
    }
    for (const d of file.baselined ?? []) {
      const reason = `In the baseline ${input.baseline ?? ''}: ${d.message}`;
      cases.push(`    <testcase ${attrs(`${d.ruleId} ${where(d)}`)}>\n      <skipped message="${xmlAttr(reason)}"/>\n    </testcase>`);
    }
    if (cases.length === 0) cases.push(`    <testcase ${attrs('laatuvahti')}/>`);
    const f = file.diagnostics.length;
    const s = file.suppressed.length + (file.baselined?.length ?? 0);
    const t = Math.max(1, f + s);
    tests += t;
    failures += f;
    skipped += s;
    suites.push(`  <testsuite name="${xmlAttr(file.path)}" tests="${t}" failures="${f}" errors="0" skipped="${s}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="laatuvahti" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
