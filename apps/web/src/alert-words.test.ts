import { describe, expect, it } from 'vitest';
import { alertWordPattern, splitAlertWords } from './alert-words';

describe('alert words in text', () => {
  it('marks each whole-word occurrence, whatever its case', () => {
    const runs = splitAlertWords('Deploy at noon; DEPLOY again', alertWordPattern(['deploy']));
    expect(runs).toEqual([
      { text: 'Deploy', alert: true },
      { text: ' at noon; ', alert: false },
      { text: 'DEPLOY', alert: true },
      { text: ' again', alert: false },
    ]);
  });

  it('leaves words that only contain the alert word alone', () => {
    const runs = splitAlertWords('redeployed deploys', alertWordPattern(['deploy']));
    expect(runs).toEqual([{ text: 'redeployed deploys', alert: false }]);
  });

  it('prefers the longest phrase and takes regular-expression characters literally', () => {
    const pattern = alertWordPattern(['call', 'on call', 'c++']);
    expect(splitAlertWords('who is on call for c++?', pattern).filter((r) => r.alert)).toEqual([
      { text: 'on call', alert: true },
      { text: 'c++', alert: true },
    ]);
  });

  it('has no pattern without words, and then the text is one plain run', () => {
    expect(alertWordPattern(['  ', ''])).toBeNull();
    expect(splitAlertWords('hello', null)).toEqual([{ text: 'hello', alert: false }]);
  });
});
