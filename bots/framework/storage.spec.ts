import { BotStorageKeyError } from './errors';
import { CachedBotStorage } from './storage';
import { InMemoryBotBackend } from './testing';

describe('bot storage', () => {
  it('stores JSON values as JSON-encoded strings on the server', async () => {
    const backend = new InMemoryBotBackend();
    const storage = new CachedBotStorage(backend);
    await storage.put('state', { board: [1, 2], done: false });
    expect(backend.stored.get('state')).toBe('{"board":[1,2],"done":false}');
    expect(await storage.get('state')).toEqual({ board: [1, 2], done: false });
  });

  it('reads values written earlier (by a previous run) from the server, once', async () => {
    const backend = new InMemoryBotBackend();
    backend.stored.set('count', '41');
    const reads = jest.spyOn(backend, 'readStorage');
    const storage = new CachedBotStorage(backend);
    expect(await storage.contains('count')).toBe(true);
    expect(await storage.get('count')).toBe(41);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('throws for an absent key unless a fallback is given', async () => {
    const storage = new CachedBotStorage(new InMemoryBotBackend());
    await expect(storage.get('missing')).rejects.toThrow(BotStorageKeyError);
    expect(await storage.get('missing', 7)).toBe(7);
    expect(await storage.contains('missing')).toBe(false);
  });

  it('removes keys on the server and in the cache', async () => {
    const backend = new InMemoryBotBackend();
    const storage = new CachedBotStorage(backend);
    await storage.put('k', 'v');
    await storage.remove('k');
    expect(backend.stored.has('k')).toBe(false);
    expect(await storage.contains('k')).toBe(false);
    await expect(storage.remove('never-there')).resolves.toBeUndefined();
  });
});
