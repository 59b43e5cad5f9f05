import { describe, expect, it } from 'vitest';
import { findSuppressions } from './suppressions.js';

describe('suppression comments', () => {
  it('parses rules, reason and until, and targets the next content line', () => {
    const text = 'a:\n  # laatuvahti-disable-next-line rule-a, rule-b -- Agreed with residents (until 2026-08-31)\n\n  # another comment\n  b: 1\n';
    const [s] = findSuppressions(text);
    expect(s).toMatchObject({ line: 1, targetLine: 4, reason: 'Agreed with residents', until: '2026-08-31' });
    expect(s!.rules.map((r) => [r.id, text.slice(r.start, r.end)])).toEqual([
      ['rule-a', 'rule-a'],
      ['rule-b', 'rule-b'],
    ]);
  });

  it('keeps offsets exact with CRLF line endings', () => {
    const text = 'a: 1\r\n# laatuvahti-disable-next-line rule-a -- why\r\nb: 2\r\n';
    const [s] = findSuppressions(text);
    expect(s).toMatchObject({ line: 1, targetLine: 2, reason: 'why' });
    expect(text.slice(s!.rules[0]!.start, s!.rules[0]!.end)).toBe('rule-a');
    expect(text.slice(s!.start, s!.end)).toBe('# laatuvahti-disable-next-line rule-a -- why');
  });

  it('finds no reason when there is none and ignores trailing-value comments', () => {
    const [s] = findSuppressions('# laatuvahti-disable-next-line rule-a\nb: 1\n');
    expect(s!.reason).toBe('');
    expect(findSuppressions('b: 1 # laatuvahti-disable-next-line rule-a -- x\n')).toEqual([]);
  });
});
