import { describe, expect, it } from 'vitest';
import { computeStatus, countFindings, type StatusInput } from './compute-status.js';

const base: StatusInput = { isYaml: true, isPlan: true, checked: true, counts: { errors: 0, warnings: 0, infos: 0 }, fileName: 'plan.yaml' };

describe('computeStatus', () => {
  it('hides for non-YAML documents and YAML that is not a plan', () => {
    expect(computeStatus({ ...base, isYaml: false }, 'en').visible).toBe(false);
    expect(computeStatus({ ...base, isPlan: false }, 'en').visible).toBe(false);
  });

  it('says "checking" until the server has reported on the plan', () => {
    expect(computeStatus({ ...base, checked: false }, 'en')).toMatchObject({ visible: true, text: '$(sync~spin) checking…' });
  });

  it('says "not checked" for a plan the configs\' ignores leave out, never "no findings"', () => {
    expect(computeStatus({ ...base, ignored: true }, 'en')).toMatchObject({ text: '$(circle-slash) not checked (ignores)', accessibilityLabel: 'Laatuvahti, plan.yaml: not checked (ignores)' });
    expect(computeStatus({ ...base, ignored: true }, 'fi').text).toBe('$(circle-slash) ei tarkisteta (ignores)');
    expect(computeStatus({ ...base, ignored: true }, 'sv').text).toBe('$(circle-slash) kontrolleras inte (ignores)');
    // Until the server has answered, it is still "checking".
    expect(computeStatus({ ...base, ignored: true, checked: false }, 'en').text).toBe('$(sync~spin) checking…');
  });

  it('says "checked: no findings" for a clean plan, in each language', () => {
    expect(computeStatus(base, 'en').text).toBe('$(check) checked: no findings');
    expect(computeStatus(base, 'fi').text).toBe('$(check) tarkistettu: ei havaintoja');
    expect(computeStatus(base, 'sv').text).toBe('$(check) kontrollerad: inga fynd');
  });

  it('counts errors and warnings with plurals', () => {
    expect(computeStatus({ ...base, counts: { errors: 2, warnings: 1, infos: 0 } }, 'en').text).toBe('$(error) 2 errors, 1 warning');
    expect(computeStatus({ ...base, counts: { errors: 1, warnings: 0, infos: 0 } }, 'en').text).toBe('$(error) 1 error, 0 warnings');
    expect(computeStatus({ ...base, counts: { errors: 1, warnings: 2, infos: 0 } }, 'fi').text).toBe('$(error) 1 virhe, 2 varoitusta');
    expect(computeStatus({ ...base, counts: { errors: 2, warnings: 1, infos: 0 } }, 'sv').text).toBe('$(error) 2 fel, 1 varning');
  });

  it('uses the warning icon without errors and mentions notes only when present', () => {
    expect(computeStatus({ ...base, counts: { errors: 0, warnings: 3, infos: 0 } }, 'en').text).toBe('$(warning) 0 errors, 3 warnings');
    expect(computeStatus({ ...base, counts: { errors: 0, warnings: 0, infos: 1 } }, 'en').text).toBe('$(info) 0 errors, 0 warnings, 1 note');
  });

  it('names the file in the tooltip and the accessibility label', () => {
    expect(computeStatus(base, 'en').tooltip).toBe('Laatuvahti: plan.yaml. Click to open the Problems panel.');
    expect(computeStatus({ ...base, counts: { errors: 1, warnings: 2, infos: 0 } }, 'fi').accessibilityLabel).toBe('Laatuvahti, plan.yaml: 1 virhe, 2 varoitusta');
  });
});

describe('countFindings', () => {
  it('reads LSP severities (1 = Error)', () => {
    expect(countFindings([{ severity: 1 }, { severity: 2 }, { severity: 2 }, { severity: 3 }, { severity: 4 }, {}], 'lsp')).toEqual({ errors: 2, warnings: 2, infos: 2 });
  });

  it('reads VS Code severities (0 = Error)', () => {
    expect(countFindings([{ severity: 0 }, { severity: 1 }, { severity: 2 }, { severity: 3 }], 'vscode')).toEqual({ errors: 1, warnings: 1, infos: 2 });
  });
});
