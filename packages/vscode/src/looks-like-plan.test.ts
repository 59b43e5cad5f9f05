import { describe, expect, it } from 'vitest';
import { looksLikePlan } from './looks-like-plan.js';

describe('looksLikePlan', () => {
  it('recognises the plan header in any quoting, after comments and a BOM', () => {
    expect(looksLikePlan('apiVersion: laatuvahti/v1\nkind: SelfMonitoringPlan\n')).toBe(true);
    expect(looksLikePlan('# omavalvontasuunnitelma\napiVersion: "laatuvahti/v1"\n')).toBe(true);
    expect(looksLikePlan("\uFEFFapiVersion: 'laatuvahti/v2'\n")).toBe(true);
  });

  it('recognises a JSON plan\'s header', () => {
    expect(looksLikePlan('{\n  "apiVersion": "laatuvahti/v1",\n  "kind": "ServiceDescription"\n}\n')).toBe(true);
    expect(looksLikePlan('{"apiVersion":"laatuvahti/v1"}')).toBe(true);
    expect(looksLikePlan('{\n  "name": "laatuvahti/v1"\n}\n')).toBe(false);
  });

  it('rejects other YAML, nested keys and other api versions', () => {
    expect(looksLikePlan('apiVersion: apps/v1\nkind: Deployment\n')).toBe(false);
    expect(looksLikePlan('meta:\n  apiVersion: laatuvahti/v1\n')).toBe(false);
    expect(looksLikePlan('name: laatuvahti/v1\n')).toBe(false);
    expect(looksLikePlan('')).toBe(false);
  });
});
