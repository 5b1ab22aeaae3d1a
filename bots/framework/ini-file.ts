import { readFileSync } from 'node:fs';
import { parse } from 'ini';
import { BotConfigError } from './errors';

/** One top-level entry of an INI file: a `[section]` (values as strings) or a stray key (null). */
export interface IniEntry {
  name: string;
  section: Record<string, string> | null;
}

/**
 * The one INI reader of the bot configs (`--bot-config-file`, botserverrc): the file's entries in
 * order. An unreadable file is a `BotConfigError` reading `cannot read <what> <path>: <reason>`.
 */
export function readIniFile(path: string, what: string): IniEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BotConfigError(`cannot read ${what} ${path}: ${reason}`);
  }
  return Object.entries(parse(text)).map(([name, value]) => ({
    name,
    section: stringEntries(value),
  }));
}

function stringEntries(value: unknown): Record<string, string> | null {
  if (typeof value !== 'object' || value === null) return null;
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) out[key] = String(raw);
  return out;
}
