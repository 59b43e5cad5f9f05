import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { keySkeleton, placeholderValue, renderScalar, schemaKind } from './key-skeleton.js';
import { schemaAt } from './validate-shape.js';
import { schemasByKind } from './index.js';

const opts = { placeholder: 'TÄYDENNÄ', today: '2026-11-23' };

describe('keySkeleton', () => {
  it('renders a scalar key at the given indentation', () => {
    expect(keySkeleton('SelfMonitoringPlan', ['socialActivity'], 'responsiblePerson', 2, opts)).toBe('  responsiblePerson: TÄYDENNÄ\n');
    expect(keySkeleton('SelfMonitoringPlan', [], 'apiVersion', 0, opts)).toBe('apiVersion: laatuvahti/v1\n');
    expect(keySkeleton('ServiceDescription', [], 'kind', 0, opts)).toBe('kind: ServiceDescription\n');
  });

  it('gives formatted strings a value in their format', () => {
    expect(keySkeleton('SelfMonitoringPlan', ['socialActivity', 'activities', 0], 'every', 6, opts)).toBe('      every: month\n');
    expect(keySkeleton('SelfMonitoringPlan', [], 'updated', 0, opts)).toBe('updated: 2026-11-23\n');
    expect(keySkeleton('ServiceDescription', ['openingHours'], 'mon', 2, opts)).toBe('  mon: "08:00-16:00"\n');
  });

  it('expands a section: required keys only, else every key; lists get one item', () => {
    expect(keySkeleton('SelfMonitoringPlan', [], 'feedback', 0, opts)).toBe('feedback:\n  - from: clients\n');
    expect(keySkeleton('ServiceDescription', ['service'], 'legalBasis', 2, opts)).toBe('  legalBasis:\n    - law: TÄYDENNÄ\n      section: TÄYDENNÄ\n');
    expect(keySkeleton('SelfMonitoringPlan', [], 'staffing', 0, opts)).toBe(
      [
        'staffing:',
        '  total: 0',
        '  roles:',
        '    - title: TÄYDENNÄ',
        '      count: 0',
        '      qualification: TÄYDENNÄ',
        '  shiftPlanningBasis: TÄYDENNÄ',
        '  sufficiencyMonitoring:',
        '    method: TÄYDENNÄ',
        '    every: month',
        '  continuingEducation: TÄYDENNÄ',
        '',
      ].join('\n'),
    );
  });

  it('produces YAML that parses and passes the schema of the key', () => {
    for (const kind of ['SelfMonitoringPlan', 'ServiceDescription'] as const) {
      const shape = Object.keys((schemasByKind[kind] as unknown as { shape: object }).shape);
      for (const key of shape) {
        const text = keySkeleton(kind, [], key, 0, opts)!;
        const doc = parseDocument(text);
        expect(doc.errors, `${kind}.${key}`).toEqual([]);
        const value = (doc.toJS() as Record<string, unknown>)[key];
        expect(schemaAt(schemasByKind[kind], [key])!.safeParse(value).success, `${kind}.${key}: ${text}`).toBe(true);
      }
    }
  });

  it('is undefined for a key the schema does not know', () => {
    expect(keySkeleton('SelfMonitoringPlan', [], 'nosuchkey', 0)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('quotes scalars that would not read back as the same string', () => {
    expect(renderScalar('month')).toBe('month');
    expect(renderScalar('TODO: fill in')).toBe('"TODO: fill in"');
    expect(renderScalar('true')).toBe('"true"');
    expect(renderScalar('12')).toBe('"12"');
    expect(renderScalar('a # b')).toBe('"a # b"');
    expect(renderScalar(3)).toBe('3');
  });

  it('classifies schema nodes through wrappers', () => {
    const s = schemasByKind.SelfMonitoringPlan;
    expect(schemaKind(schemaAt(s, ['unit']))).toBe('object');
    expect(schemaKind(schemaAt(s, ['feedback']))).toBe('array');
    expect(schemaKind(schemaAt(s, ['unit', 'housingType']))).toBe('enum');
    expect(schemaKind(schemaAt(s, ['unit', 'staffOnSite24h']))).toBe('boolean');
    expect(placeholderValue(schemaAt(schemasByKind.ServiceDescription, ['price'])!)).toEqual({ includedInDailyPrice: true });
  });
});
