import { Keepalive } from './keepalive';

describe('Keepalive', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('pings every interval and declares the connection dead at the first unanswered ping', async () => {
    let answer = true;
    const pings: number[] = [];
    const onDead = jest.fn();
    const keepalive = new Keepalive({
      intervalMs: 1000,
      ping: () => {
        pings.push(Date.now());
        return answer ? Promise.resolve() : Promise.reject(new Error('timeout'));
      },
      onDead,
    });
    keepalive.start();
    await jest.advanceTimersByTimeAsync(3000);
    expect(pings).toHaveLength(3);
    expect(onDead).not.toHaveBeenCalled();
    answer = false;
    await jest.advanceTimersByTimeAsync(5000);
    expect(onDead).toHaveBeenCalledTimes(1);
    expect(pings).toHaveLength(4);
    keepalive.stop();
  });

  it('never has two pings in flight', async () => {
    let calls = 0;
    const keepalive = new Keepalive({
      intervalMs: 100,
      ping: () => {
        calls += 1;
        return new Promise(() => undefined);
      },
      onDead: () => undefined,
    });
    keepalive.start();
    await jest.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(1);
    keepalive.stop();
  });
});
