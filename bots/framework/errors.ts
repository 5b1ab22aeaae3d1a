/** A bot is misconfigured (config file, section, key, unknown bot): the runner prints one line. */
export class BotConfigError extends Error {
  override name = 'BotConfigError';
}

/** `storage.get` of a key that is not stored, without a fallback. */
export class BotStorageKeyError extends Error {
  override name = 'BotStorageKeyError';
  constructor(readonly key: string) {
    super(`bot storage has no key ${JSON.stringify(key)}`);
  }
}
