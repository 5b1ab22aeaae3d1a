import { readFileSync } from 'node:fs';
import { parse } from 'ini';
import { BotConfigError } from './errors';

export type BotConfigSections = Record<string, Record<string, string>>;

/** Reads an INI `--bot-config-file` into its sections; a missing or unreadable file is a `BotConfigError`. */
export function loadBotConfigFile(path: string): BotConfigSections {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BotConfigError(`cannot read bot config file ${path}: ${reason}`);
  }
  const sections: BotConfigSections = {};
  for (const [name, value] of Object.entries(parse(text))) {
    if (typeof value !== 'object' || value === null) continue;
    const entries: Record<string, string> = {};
    for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
      entries[key] = String(raw);
    }
    sections[name] = entries;
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
