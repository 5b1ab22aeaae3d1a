import { LookupCache } from './lookup-cache';

describe('LookupCache', () => {
  const row = (name: string) => ({ name });

  it('reads once within the time-to-live and hands out copies', async () => {
    const cache = new LookupCache<{ name: string }>(60_000);
    const load = jest.fn(async () => row('alice'));
    const first = await cache.get('k', load);
    first!.name = 'changed by a caller';
    const second = await cache.get('k', load);
    expect(second).toEqual({ name: 'alice' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reads again once an entry expires, and never caches a miss', async () => {
    const cache = new LookupCache<{ name: string }>(0);
    const load = jest.fn(async () => row('alice'));
    await cache.get('k', load);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);

    const missing = jest.fn(async () => undefined);
    const live = new LookupCache<{ name: string }>(60_000);
    expect(await live.get('gone', missing)).toBeUndefined();
    expect(await live.get('gone', missing)).toBeUndefined();
    expect(missing).toHaveBeenCalledTimes(2);
  });

  it('does not store a row read before a clear (a change that committed meanwhile)', async () => {
    const cache = new LookupCache<{ name: string }>(60_000);
    let release: () => void = () => undefined;
    const slow = cache.get(
      'k',
      () => new Promise<{ name: string }>((resolve) => (release = () => resolve(row('old')))),
    );
    cache.clear();
    release();
    expect(await slow).toEqual({ name: 'old' });
    expect(await cache.get('k', async () => row('new'))).toEqual({ name: 'new' });
  });

  it('stays within its bound, making room by dropping expired entries', async () => {
    const cache = new LookupCache<{ name: string }>(60_000, 2);
    await cache.get('a', async () => row('a'));
    await cache.get('b', async () => row('b'));
    await cache.get('c', async () => row('c'));
    expect(cache.size).toBe(2);
  });
});
