import { describe, expect, it } from 'vitest';
import { formatInterval, formatMessage } from './format-message.js';

describe('message placeholders', () => {
  it('fills values as written and intervals in the message language', () => {
    const data = { every: '6 months', max: 'month', name: 'Retki' };
    expect(formatMessage('{{name}}: {{every}} > {{max}}', data)).toBe('Retki: 6 months > month');
    expect(formatMessage('{{name}}: {{every|interval}} > {{ max | interval }}', data, 'fi')).toBe('Retki: 6 kuukautta > 1 kuukausi');
    expect(formatMessage('{{every|interval}}', data, 'sv')).toBe('6 månader');
    expect(formatInterval('2 weeks', 'fi')).toBe('2 viikkoa');
    expect(formatInterval('sometimes', 'fi')).toBe('sometimes');
  });

  it('shows a missing value as a dash and masks identity codes whatever the data holds', () => {
    expect(formatMessage('[{{nothing}}]', {})).toBe('[—]');
    expect(formatMessage('code {{x}}', { x: 'asukas 150385-9024' })).toBe('code asukas 150385-****');
  });
});
