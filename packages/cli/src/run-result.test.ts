import { describe, expect, it } from 'vitest';
import { exitCodeOf, onlyErrors, summarize, type RunSummary } from './run-result.js';
import { results } from './testing/report-fixture.js';

const base: RunSummary = { checked: 1, skipped: 0, unreadable: 0, unparsed: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, baselined: 0, filesWithProblems: 0 };

describe('exitCodeOf', () => {
  it.each([
    ['clean', {}, -1, 0],
    ['infos only', { infos: 3 }, 0, 0],
    ['an error', { errors: 1 }, -1, 1],
    ['warnings without a limit', { warnings: 5 }, -1, 0],
    ['warnings at the limit', { warnings: 2 }, 2, 0],
    ['warnings over the limit', { warnings: 3 }, 2, 1],
    ['a warning with --max-warnings 0', { warnings: 1 }, 0, 1],
    ['a plan that could not be parsed, its findings switched off', { unparsed: 1 }, -1, 1],
    ['nothing checked', { checked: 0, skipped: 4 }, -1, 2],
    ['an unreadable file', { unreadable: 1, errors: 1 }, -1, 2],
  ] as const)('%s', (_, counts, maxWarnings, code) => {
    expect(exitCodeOf({ ...base, ...counts }, maxWarnings)).toBe(code);
  });
});

describe('summarize / onlyErrors', () => {
  it('counts per severity and per file status', () => {
    expect(summarize(results)).toEqual({ checked: 2, skipped: 1, unreadable: 0, unparsed: 0, errors: 1, warnings: 1, infos: 1, suppressed: 1, baselined: 0, filesWithProblems: 1 });
  });

  it('keeps errors only', () => {
    expect(summarize(onlyErrors(results))).toMatchObject({ errors: 1, warnings: 0, infos: 0, suppressed: 1 });
  });
});
