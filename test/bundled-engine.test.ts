/**
 * The json-rules-engine that ships inside the builds (core's dist, and the CLI and server
 * bundles made the same way) hands each rule's condition tree to the run as it is, instead of
 * deep-copying it per evaluation (src/rules/condition-clone.ts), and emits its events through a
 * lighter emitter (src/rules/event-emitter.ts). Outcomes are written onto the compiled rule's own
 * conditions, so this pins that no outcome leaks from one run into the next, one after another
 * or with many checks in flight at once, and that listeners still hear the engine's events.
 * Uses the build that `npm ci` made (prepare).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
type Core = typeof import('../packages/core/src/internal.js');
let core: Core;

beforeAll(async () => {
  if (!existsSync(join(root, 'packages/core/dist/internal.js'))) {
    execFileSync('npm', ['run', 'build', '-w', '@laatuvahti/core'], { cwd: root, stdio: 'pipe' });
  }
  core = (await import(join(root, 'packages/core/dist/internal.js'))) as Core;
}, 120_000);

const TODAY = '2026-10-01';

function rule(): Parameters<Core['compilePack']>[0]['rules'][number] {
  return {
    docsUrl: 'https://example.invalid/r',
    definition: {
      id: 'retki-regular',
      kinds: ['SelfMonitoringPlan'],
      severity: 'error',
      basis: 'law',
      title: { fi: 't', sv: 't', en: 't' },
      source: { title: { fi: 's', sv: 's', en: 's' }, requirements: ['R01'] },
      messages: { rare: { fi: '{{name}}', sv: '{{name}}', en: '{{name}}' } },
      checks: [
        {
          each: 'socialActivity.activities[*]',
          when: { all: [{ fact: 'item', path: 'every', operator: 'intervalLongerThan', value: 'month' }, { fact: 'item', path: 'name', operator: 'present', value: true }] },
          report: { message: 'rare', path: 'every', data: { name: 'item.name' } },
        },
      ],
    },
  };
}

const plan = (every: string, name: string) =>
  `apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\nsocialActivity:\n  activities:\n    - { name: ${name}, every: ${every} }\n`;

const summary = (d: { ruleId: string; message: string; range: { start: { line: number; character: number } } }[]) =>
  d.filter((x) => x.ruleId === 'retki-regular').map((x) => `${x.range.start.line}:${x.range.start.character} ${x.message}`);

describe('the bundled engine', () => {
  it('gives each run its own outcome, one after another and all at once', async () => {
    const pack = core.compilePack({ rules: [rule()], references: [] });
    const texts = [plan('3 months', 'Retki'), plan('week', 'Kerho'), plan('year', 'Juhla'), plan('2 weeks', 'Kuoro')];
    const expected = [['4:28 Retki'], [], ['4:28 Juhla'], []];
    const sequential: string[][] = [];
    for (const t of texts) sequential.push(summary((await core.checkWithPack(pack, t, { today: TODAY })).diagnostics));
    expect(sequential).toEqual(expected);
    const together = await Promise.all(Array.from({ length: 40 }, (_, i) => core.checkWithPack(pack, texts[i % 4]!, { today: TODAY })));
    expect(together.map((r) => summary(r.diagnostics))).toEqual(Array.from({ length: 40 }, (_, i) => expected[i % 4]));
  });

  it('still tells listeners of an Engine which rules fired (its emitter is a lighter stand-in)', async () => {
    const pack = core.compilePack({ rules: [rule()], references: [] });
    const engine = pack.scopes.SelfMonitoringPlan.find((s) => s.each === 'socialActivity.activities[*]')!.engine;
    const heard: string[] = [];
    engine.on('success', (event: { type: string }) => heard.push(`success ${event.type}`));
    engine.on('failure', (event: { type: string }) => heard.push(`failure ${event.type}`));
    await core.checkWithPack(pack, plan('3 months', 'Retki'), { today: TODAY });
    await core.checkWithPack(pack, plan('week', 'Kerho'), { today: TODAY });
    expect(heard).toEqual(['success retki-regular#0', 'failure retki-regular#0']);
  });

  it('checks the fixtures alike in sequence and concurrently with the shipped pack', async () => {
    const files = ['broken', 'compliant'].flatMap((d) => readdirSync(join(root, 'fixtures', d)).map((f) => join(root, 'fixtures', d, f)));
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    const key = (d: { ruleId: string; range: unknown; message: string }[]) => d.map((x) => `${x.ruleId} ${JSON.stringify(x.range)} ${x.message}`);
    const sequential: string[][] = [];
    for (const t of texts) sequential.push(key(await core.check(t, { today: TODAY })));
    expect(sequential.some((s) => s.length > 0)).toBe(true);
    const together = await Promise.all([...texts, ...texts, ...texts].map((t) => core.check(t, { today: TODAY })));
    expect(together.map(key)).toEqual([...sequential, ...sequential, ...sequential]);
  });
});
