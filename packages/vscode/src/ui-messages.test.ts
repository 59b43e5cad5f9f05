import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from './resolve-locale.js';
import { uiMessages } from './ui-messages.js';

describe('uiMessages', () => {
  it('has every message in every language', () => {
    const keys = Object.keys(uiMessages('en')).sort();
    for (const locale of UI_LOCALES) expect(Object.keys(uiMessages(locale)).sort()).toEqual(keys);
  });

  it('sums up a workspace check with plurals', () => {
    const c = { errors: 3, warnings: 1, infos: 0 };
    expect(uiMessages('en').checkDone(1, c)).toBe('Laatuvahti checked 1 plan: 3 errors, 1 warning.');
    expect(uiMessages('fi').checkDone(2, c)).toBe('Laatuvahti tarkisti 2 suunnitelmaa: 3 virhettä, 1 varoitus.');
    expect(uiMessages('sv').checkDone(2, c)).toBe('Laatuvahti kontrollerade 2 planer: 3 fel, 1 varning.');
    expect(uiMessages('en').plansIgnored(1)).toBe(" 1 plan was not checked: the config's ignores leave it out.");
    expect(uiMessages('fi').plansIgnored(2)).toBe(' 2 suunnitelmaa jäi tarkistamatta: asetustiedoston ignores jättää ne pois.');
    expect(uiMessages('sv').plansIgnored(2)).toBe(' 2 planer kontrollerades inte: konfigurationens ignores utesluter dem.');
  });
});
