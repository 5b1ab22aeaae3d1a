import { BotConfigError } from './errors';
import { readIniFile } from './ini-file';

export type BotConfigSections = Record<string, Record<string, string>>;

/** Reads an INI `--bot-config-file` into its sections; a missing or unreadable file is a `BotConfigError`. */
export function loadBotConfigFile(path: string): BotConfigSections {
  const sections: BotConfigSections = {};
  for (const { name, section } of readIniFile(path, 'bot config file')) {
    if (section) sections[name] = section;
  }
  return sections;
}

/** Where a bot's config comes from, for error messages. */
export interface BotConfigSource {
  sections: BotConfigSections;
  /** The file name, or null when none was given. */
  path: string | null;
}

export function configSection(
  source: BotConfigSource,
  section: string,
  optional: boolean,
): Record<string, string> {
  const found = source.sections[section];
  if (found) return { ...found };
  if (optional) return {};
  if (source.path === null) {
    throw new BotConfigError(
      `this bot needs a [${section}] section: pass --bot-config-file with one`,
    );
  }
  throw new BotConfigError(`bot config file ${source.path} has no [${section}] section`);
}
