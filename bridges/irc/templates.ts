import { ConfigError } from '../core/config-schema';

export interface LineTemplates {
  message: string;
  action: string;
  edit: string;
  delete: string;
  direct: string;
  topicPrefix: string;
}

/** Fills `{name}`-style placeholders; unknown ones stay as typed. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Checks that each template that carries text ends in `{text}` (the part split across lines). */
export function checkTemplates(templates: LineTemplates): void {
  const keys: Array<[keyof LineTemplates, string]> = [
    ['message', 'irc.message_format'],
    ['action', 'irc.action_format'],
    ['edit', 'irc.edit_format'],
    ['direct', 'irc.direct_format'],
  ];
  for (const [key, name] of keys) {
    if (!templates[key].endsWith('{text}')) {
      throw new ConfigError(`${name}: must end with {text} (got "${templates[key]}")`);
    }
  }
}

/** The template without its trailing `{text}`, filled: the prefix each IRC line starts with. */
export function linePrefix(template: string, values: Record<string, string>): string {
  return fill(template.endsWith('{text}') ? template.slice(0, -'{text}'.length) : template, values);
}
