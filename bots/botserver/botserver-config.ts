import { dirname, resolve } from 'node:path';
import { loadBotConfigFile, type BotConfigSource } from '../framework/bot-config';
import { BotConfigError } from '../framework/errors';
import { readIniFile } from '../framework/ini-file';
import { findRegisteredBot, registeredBotNames } from '../framework/registry';

/** How a bot's first reply to the triggering message reaches the conversation. */
export type ReplyMode = 'webhook' | 'api';

/** One `[section]` of a botserverrc: a bundled bot and the account it runs as. */
export interface ServedBotConfig {
  /** The section name: the bundled bot to run. */
  name: string;
  email: string;
  key: string;
  site: string;
  /** The outgoing-webhook token the server sends with each call (from the bot's .zuliprc). */
  token: string;
  /**
   * `webhook` (default): the reply is the HTTP answer and the server posts it. `api`: the bot
   * posts it through the REST API and the answer is `response_not_required` (Zulip's botserver).
   */
  reply: ReplyMode;
  botConfig: BotConfigSource;
}

const REQUIRED = ['email', 'key', 'site', 'token'] as const;

/**
 * Reads and checks a botserverrc (INI): one `[botname]` section per bundled bot with `email`,
 * `key`, `site`, `token`, and optionally `bot-config-file` (relative to the botserverrc) and
 * `reply`. Any problem is a `BotConfigError` naming the file, the section and the key.
 */
export function loadBotserverConfig(path: string): ServedBotConfig[] {
  const bots: ServedBotConfig[] = [];
  const emails = new Set<string>();
  for (const { name, section } of readIniFile(path, 'botserver config')) {
    if (!section) throw new BotConfigError(`${path}: "${name}" is outside any [bot] section`);
    if (!findRegisteredBot(name)) {
      throw new BotConfigError(
        `${path}: [${name}] is not a bundled bot; choose from ${registeredBotNames().join(', ')}`,
      );
    }
    for (const key of REQUIRED) {
      if (!section[key]?.trim()) throw new BotConfigError(`${path}: [${name}] has no ${key}`);
    }
    const email = section.email.trim();
    if (emails.has(email.toLowerCase())) {
      throw new BotConfigError(`${path}: [${name}] uses ${email}, which another section uses too`);
    }
    emails.add(email.toLowerCase());
    const reply = section.reply?.trim() || 'webhook';
    if (reply !== 'webhook' && reply !== 'api') {
      throw new BotConfigError(`${path}: [${name}] reply must be "webhook" or "api"`);
    }
    const configFile = section['bot-config-file']?.trim();
    const configPath = configFile ? resolve(dirname(path), configFile) : null;
    bots.push({
      name,
      email,
      key: section.key.trim(),
      site: section.site.trim(),
      token: section.token.trim(),
      reply,
      botConfig: configPath
        ? { sections: loadBotConfigFile(configPath), path: configPath }
        : { sections: {}, path: null },
    });
  }
  if (bots.length === 0) throw new BotConfigError(`${path}: no [bot] sections`);
  return bots;
}
