import { describe, expect, it } from 'vitest';
import { checkWithPack } from './check.js';
import { v1ActivityPack } from './testing/v1-pack.js';
import type { RulePack } from './api-types.js';

const TODAY = '2026-10-01';

/** A plan with enough list items that the rules run many times (once per item and scope). */
function planWithActivities(count: number): string {
  const activities = Array.from({ length: count }, (_, i) => `    - name: Toiminta ${i + 1}\n      every: ${i % 3 === 0 ? '3 months' : 'week'}\n`).join('');
  return `apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\nlanguage: fi\nupdated: 2026-09-15\nsocialActivity:\n  activities:\n${activities}`;
}

describe('pacing a check: turns for other work, cancellation, time budget', () => {
  const pack = v1ActivityPack(); // the v1 activity rule: one finding per activity, in any unit
  const text = planWithActivities(12);

  it('yields between list items and finds exactly what an unpaced check finds', async () => {
    const plain = await checkWithPack(pack, text, { today: TODAY });
    let turns = 0;
    const paced = await checkWithPack(pack, text, { today: TODAY, sliceMs: 0, yieldControl: () => new Promise<void>((r) => setImmediate(() => (turns++, r()))) });
    expect(paced).toEqual(plain);
    // After the parse, then before every engine run: the document, each item of each list scope, ...
    expect(turns).toBeGreaterThan(12);
    expect(plain.diagnostics.filter((d) => d.ruleId === 'social-activity-regular').map((d) => d.range.start.line)).toEqual([7, 13, 19, 25]);
  });

  it('rejects with the abort reason when cancelled before or during the check; the pack keeps working', async () => {
    const before = new AbortController();
    before.abort();
    await expect(checkWithPack(pack, text, { today: TODAY, signal: before.signal })).rejects.toBe(before.signal.reason);

    const during = new AbortController();
    let turns = 0;
    const cancelled = checkWithPack(pack, text, {
      today: TODAY,
      signal: during.signal,
      sliceMs: 0,
      yieldControl: async () => {
        if (++turns === 3) during.abort();
      },
    });
    const error = await cancelled.then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).toBe(during.signal.reason);
    expect(turns).toBe(3);
    // The run queue of the pack was released: the next check runs to its end.
    expect((await checkWithPack(pack, text, { today: TODAY })).diagnostics.length).toBeGreaterThan(0);
  });

  it('reports check-incomplete (warning, first line) with the findings so far when the time budget is spent', async () => {
    const full = await checkWithPack(pack, text, { today: TODAY, timeBudgetMs: 60_000, locale: 'fi' });
    expect(full.diagnostics.map((d) => d.ruleId)).not.toContain('check-incomplete');
    expect(full).toEqual(await checkWithPack(pack, text, { today: TODAY, locale: 'fi' }));

    // A budget of 0 ms is spent before the first engine run: parse and shape findings stay, no rule ran.
    const broken = `${text}unknownKey: 1\n`;
    const partial = await checkWithPack(pack, broken, { today: TODAY, timeBudgetMs: 0, locale: 'fi' });
    expect(partial.diagnostics.map((d) => d.ruleId)).toEqual(['check-incomplete', 'schema-unknown-key']);
    expect(partial.diagnostics[0]).toMatchObject({
      severity: 'warning',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: 'Tarkistus pysäytettiin 0 ms:n aikarajaan: osa säännöistä jäi arvioimatta, joten havaintoja voi puuttua. Komentorivin tarkistus (laatuvahti check) arvioi aina kaikki säännöt.',
      docsUrl: expect.stringMatching(/built-in-rules\.md#check-incomplete$/),
    });
  });

  it('the public check() takes the same options', async () => {
    const { check: checkShipped } = await import('./index.js');
    // The public RulePack is opaque; at run time it is the compiled pack (see loadRulePack).
    const check = (t: string, o: Parameters<typeof checkShipped>[1]) => checkShipped(t, { pack: pack as unknown as RulePack, ...o });
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(check(text, { today: TODAY, signal: cancelled.signal })).rejects.toBe(cancelled.signal.reason);
    expect((await check(text, { today: TODAY, timeBudgetMs: 0 })).map((d) => d.ruleId)).toEqual(['check-incomplete']);
    let turns = 0;
    const paced = await check(text, { today: TODAY, sliceMs: 0, yieldControl: async () => void turns++ });
    expect(paced).toEqual(await check(text, { today: TODAY }));
    expect(turns).toBeGreaterThan(12);
  });

  it('a stopped check leaves the memo of earlier checks intact', async () => {
    const { RunMemo } = await import('./rules/run-pack.js');
    const memo = new RunMemo();
    const first = await checkWithPack(pack, text, { today: TODAY, memo });
    const size = memo.entries.size;
    expect(size).toBeGreaterThan(0);
    await checkWithPack(pack, text, { today: TODAY, memo, timeBudgetMs: 0 });
    expect(memo.entries.size).toBe(size);
    expect(await checkWithPack(pack, text, { today: TODAY, memo })).toEqual(first);
  });
});
