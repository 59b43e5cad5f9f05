import { describe, expect, it } from 'vitest';
import { formatStylish } from './format-stylish.js';
import { makeInput, results } from '../testing/report-fixture.js';
import { summarize } from '../run-result.js';

describe('formatStylish', () => {
  it('groups findings per file with aligned positions, lists suppressions, ends with a summary', () => {
    expect(formatStylish(makeInput())).toBe(
      [
        'plans/a.yaml',
        '  5:3    warning     Unknown key "nmae". Did you mean "name"?  schema-unknown-key',
        '  8:14   error       The activity "Retket" takes place too rarely (3 months); regular means at least every month.  social-activity-regular',
        '  1:1    info        Tip: 100% of <activities> & "groups", ok next line  plan-note',
        '  12:14  suppressed  Summer break agreed with residents (until 2026-08-31)  social-activity-regular',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info) in 1 of 2 plan files · 1 finding suppressed · 1 non-plan YAML file skipped',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report, in the locale', () => {
    const clean = [results[1]!, results[2]!];
    const input = makeInput({ results: clean, summary: summarize(clean) });
    expect(formatStylish(input)).toBe('✔ 1 plan file checked, no problems · 1 non-plan YAML file skipped\n');
    expect(formatStylish({ ...input, locale: 'fi' })).toBe('✔ 1 suunnitelma tarkistettu, ei ongelmia · 1 muu YAML-tiedosto ohitettu\n');
    expect(formatStylish({ ...input, locale: 'sv' })).toBe('✔ 1 plan kontrollerad, inga problem · 1 annan YAML-fil överhoppad\n');
  });

  it('colours only when asked', () => {
    expect(formatStylish(makeInput())).not.toMatch(/\u001b\[/);
    const coloured = formatStylish(makeInput({ color: true }));
    expect(coloured).toContain('\u001b[4mplans/a.yaml\u001b[24m');
    expect(coloured).toContain('\u001b[31merror     \u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning   \u001b[39m');
  });

  it('never writes control characters from a plan to the terminal', () => {
    const evil = { ...results[0]!, path: 'a\u001b[2Jb.yaml', diagnostics: [{ ...results[0]!.diagnostics[0]!, message: 'x\u001b]0;owned\u0007y\nz' }], suppressed: [] };
    const out = formatStylish(makeInput({ results: [evil], summary: summarize([evil]) }));
    expect(out).toContain('a [2Jb.yaml');
    expect(out).toContain('x ]0;owned y z');
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('writes Finnish severities and counts', () => {
    const out = formatStylish(makeInput({ locale: 'fi' }));
    expect(out).toContain('  8:14   virhe       The activity');
    expect(out).toContain('✖ 3 ongelmaa (1 virhe, 1 varoitus, 1 huomio) 1/2 suunnitelmassa · 1 havainto vaiennettu · 1 muu YAML-tiedosto ohitettu');
  });
});
