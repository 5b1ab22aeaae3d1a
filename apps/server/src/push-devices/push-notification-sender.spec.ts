import { MAX_ATTEMPTS, retryDelaySeconds } from './push-notification-sender';

describe('retrying push notifications while the bouncer is down', () => {
  it('waits 1 s, then twice as long each time, at most 5 minutes', () => {
    expect([0, 1, 2, 3, 8, 9, 15].map(retryDelaySeconds)).toEqual([1, 2, 4, 8, 256, 300, 300]);
  });

  it('gives a notification up after about an hour of attempts', () => {
    let waited = 0;
    for (let attempts = 0; attempts < MAX_ATTEMPTS - 1; attempts++) {
      waited += retryDelaySeconds(attempts);
    }
    expect(waited).toBeGreaterThan(50 * 60);
    expect(waited).toBeLessThan(70 * 60);
  });
});
