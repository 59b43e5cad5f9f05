/**
 * applyFixes: the "did you mean" corrections applied to a plan's text, and nothing else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyFixes, check, type Diagnostic } from './internal.js';

const TODAY = '2026-10-01';
const compliant = readFileSync(new URL('../../../fixtures/compliant/self-monitoring-plan.fi.yaml', import.meta.url), 'utf8');

/** A compliant plan with `from` replaced by `to` (each must occur once). */
function broken(...edits: [string, string][]): string {
  let text = compliant;
  for (const [from, to] of edits) {
    expect(text.split(from)).toHaveLength(2);
    text = text.replace(from, to);
  }
  return text;
}

async function fix(text: string): Promise<{ text: string; applied: string[]; before: Diagnostic[] }> {
  const before = await check(text, { today: TODAY });
  const r = applyFixes(text, before);
  return { text: r.text, applied: r.applied.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.character}`), before };
}

describe('applyFixes', () => {
  it('replaces a misspelt value and renames a misspelt key, leaving a plan without those findings', async () => {
    const text = broken(['housingType: community-housing', 'housingType: comunity-housing'], ['  address:', '  adress:']);
    const r = await fix(text);
    expect(r.applied).toHaveLength(2);
    expect(r.text).toBe(compliant);
    expect(await check(r.text, { today: TODAY })).toEqual([]);
  });

  it('never changes the header: kind and apiVersion decide how the whole document is read', async () => {
    for (const text of [broken(['kind: SelfMonitoringPlan', 'kind: SelfMonitoringPlna']), broken(['kind: SelfMonitoringPlan', 'kind: Palvelukuvaus']), broken(['apiVersion: laatuvahti/v1', 'apiVersion: laatuvahti/v2'])]) {
      const r = await fix(text);
      expect(r.before.some((d) => d.fix?.kind === 'replaceValue')).toBe(true);
      expect(r.applied).toEqual([]);
      expect(r.text).toBe(text);
    }
  });

  it('keeps a byte order mark and CRLF line ends', async () => {
    const crlf = `\uFEFF${broken(['housingType: community-housing', 'housingType: Community-Housing']).replace(/\n/g, '\r\n')}`;
    const r = await fix(crlf);
    expect(r.applied).toHaveLength(1);
    expect(r.text).toBe(`\uFEFF${compliant.replace(/\n/g, '\r\n')}`);
    // The edits are offsets into the text as given, byte order mark included.
    const { edits } = applyFixes(crlf, await check(crlf, { today: TODAY }));
    expect(edits).toHaveLength(1);
    expect(crlf.slice(edits[0]!.start, edits[0]!.end)).toBe('Community-Housing');
    expect(edits[0]!.newText).toBe('community-housing');
  });

  it('never inserts a missing key, and leaves suppressed findings and findings without a suggestion alone', async () => {
    const text = broken(
      ['  address:', '  # laatuvahti-disable-next-line schema-unknown-key -- kept as the registry spells it\n  adress:'],
      ['housingType: community-housing', 'housingType: something-else'],
    );
    const withoutUpdated = text.replace(/^updated: .*\n/m, '');
    const r = await fix(withoutUpdated);
    expect(r.before.some((d) => d.fix?.kind === 'insertKey')).toBe(true);
    expect(r.applied).toEqual([]);
    expect(r.text).toBe(withoutUpdated);
  });

  it('corrects a misspelt rule id in a suppression comment, which then silences its finding', async () => {
    const text = broken(['  address:', '  # laatuvahti-disable-next-line schema-unknown-kye -- kept as the registry spells it\n  adress:']);
    const r = await fix(text);
    // In a round of its own: the key the comment keeps is not renamed alongside.
    expect(r.applied).toEqual([expect.stringMatching(/^suppression-invalid /)]);
    expect(r.text).toBe(text.replace('schema-unknown-kye', 'schema-unknown-key'));
    const after = await check(r.text, { today: TODAY });
    expect(after.filter((d) => d.ruleId === 'suppression-invalid' || d.ruleId === 'schema-unknown-key')).toEqual([]);
    expect(applyFixes(r.text, after).applied).toEqual([]);
  });

  it('leaves a rule id in a suppression comment that is more than two characters off (maybe a rule of another pack)', async () => {
    const text = broken(['  address:', '  # laatuvahti-disable-next-line schema-unknown-keys-x -- kept as the registry spells it\n  adress:']);
    const r = await fix(text);
    expect(r.before.find((d) => d.ruleId === 'suppression-invalid')).toMatchObject({ suggestion: 'schema-unknown-key', fix: { kind: 'replaceText', value: 'schema-unknown-key' } });
    // The comment stays, and so does the key under it: someone decided about that line.
    expect(r.applied).toEqual([]);
    expect(r.text).toBe(text);
  });

  it('does not rename a key onto one the mapping already has', async () => {
    const text = broken(['  address:', '  adress: Toinen tie 2\n  address:']);
    const r = await fix(text);
    const unknown = r.before.find((d) => d.ruleId === 'schema-unknown-key')!;
    expect(unknown.suggestion).toBe('address');
    expect(unknown.fix).toBeUndefined();
    expect(r.text).toBe(text);
  });

  it('returns the text unchanged when nothing can be fixed', async () => {
    expect(applyFixes(compliant, [])).toEqual({ text: compliant, applied: [], edits: [] });
  });
});
