import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEBOUNCE_MS, toServerSettings } from './to-server-settings.js';

const folderPath = path.resolve('/work/plans');

describe('toServerSettings', () => {
  it('fills defaults for an empty section', () => {
    expect(toServerSettings(undefined, { displayLanguage: 'en' })).toEqual({ fallbackLocale: 'en', ruleDirs: [], rules: {}, debounceMs: DEFAULT_DEBOUNCE_MS, codeLens: true });
  });

  it('sends a chosen language as chosen, and "auto" only as the fallback after the plan\'s own language', () => {
    const auto = toServerSettings({ locale: 'auto' }, { displayLanguage: 'fi' });
    expect(auto).not.toHaveProperty('locale');
    expect(auto.fallbackLocale).toBe('fi');
    expect(toServerSettings({ locale: 'auto' }, { displayLanguage: 'sv-FI' }).fallbackLocale).toBe('sv');
    expect(toServerSettings({ locale: 'sv' }, { displayLanguage: 'fi' })).toMatchObject({ locale: 'sv', fallbackLocale: 'sv' });
    expect(toServerSettings({ locale: 'de' }, { displayLanguage: 'fi' })).not.toHaveProperty('locale');
  });

  it('anchors relative rule folders at the workspace folder and drops non-strings', () => {
    const s = toServerSettings({ ruleDirs: ['own-rules', path.resolve('/srv/rules'), '', 7, ' shared/rules '] }, { displayLanguage: 'en', folderPath });
    expect(s.ruleDirs).toEqual([path.join(folderPath, 'own-rules'), path.resolve('/srv/rules'), path.join(folderPath, 'shared/rules')]);
  });

  it('leaves relative rule folders alone without a workspace folder', () => {
    expect(toServerSettings({ ruleDirs: ['own-rules'] }, { displayLanguage: 'en' }).ruleDirs).toEqual(['own-rules']);
  });

  it('passes severity strings and objects on, drops other shapes', () => {
    const rules = { 'social-activity-regular': 'warning', 'plan-updated': { severity: 'off' }, broken: 3, list: ['error'] };
    expect(toServerSettings({ rules }, { displayLanguage: 'en' }).rules).toEqual({ 'social-activity-regular': 'warning', 'plan-updated': { severity: 'off' } });
  });

  it('turns the code lens off only for false', () => {
    expect(toServerSettings({ codeLens: false }, { displayLanguage: 'en' }).codeLens).toBe(false);
    expect(toServerSettings({ codeLens: true }, { displayLanguage: 'en' }).codeLens).toBe(true);
    expect(toServerSettings({ codeLens: 'off' }, { displayLanguage: 'en' }).codeLens).toBe(true);
  });

  it('rounds and clamps the debounce', () => {
    expect(toServerSettings({ debounceMs: 120.6 }, { displayLanguage: 'en' }).debounceMs).toBe(121);
    expect(toServerSettings({ debounceMs: -5 }, { displayLanguage: 'en' }).debounceMs).toBe(0);
    expect(toServerSettings({ debounceMs: 1e9 }, { displayLanguage: 'en' }).debounceMs).toBe(10_000);
    expect(toServerSettings({ debounceMs: '50' }, { displayLanguage: 'en' }).debounceMs).toBe(DEFAULT_DEBOUNCE_MS);
    // The time budget is passed on when it is a usable number, otherwise left to the server's default.
    expect(toServerSettings({ timeBudgetMs: 2500.4 }, { displayLanguage: 'en' }).timeBudgetMs).toBe(2500);
    expect(toServerSettings({ timeBudgetMs: -1 }, { displayLanguage: 'en' })).not.toHaveProperty('timeBudgetMs');
    expect(toServerSettings({ timeBudgetMs: 'soon' }, { displayLanguage: 'en' })).not.toHaveProperty('timeBudgetMs');
  });
});
