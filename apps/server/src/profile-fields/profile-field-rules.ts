import { ZulipError } from '../common/zulip-error';

/** Zulip's custom profile field types. */
export const FieldType = {
  ShortText: 1,
  LongText: 2,
  Select: 3,
  Date: 4,
  Url: 5,
  User: 6,
  ExternalAccount: 7,
  Pronouns: 8,
} as const;
export type FieldTypeId = (typeof FieldType)[keyof typeof FieldType];

/** What `/register` reports as `custom_profile_field_types`. */
export const FIELD_TYPES: Record<string, { id: number; name: string }> = {
  SHORT_TEXT: { id: FieldType.ShortText, name: 'Text (short)' },
  LONG_TEXT: { id: FieldType.LongText, name: 'Text (long)' },
  SELECT: { id: FieldType.Select, name: 'List of options' },
  DATE: { id: FieldType.Date, name: 'Date picker' },
  URL: { id: FieldType.Url, name: 'Link' },
  USER: { id: FieldType.User, name: 'Person picker' },
  EXTERNAL_ACCOUNT: { id: FieldType.ExternalAccount, name: 'External account' },
  PRONOUNS: { id: FieldType.Pronouns, name: 'Pronouns' },
};

export const MAX_NAME_LENGTH = 40;
export const MAX_HINT_LENGTH = 80;
const MAX_SHORT_TEXT = 50;
const MAX_LONG_TEXT = 500;

/** The external accounts Zulip knows by name; `custom` brings its own URL pattern. */
export const EXTERNAL_ACCOUNTS: Record<string, { name: string; url_pattern: string }> = {
  github: { name: 'GitHub', url_pattern: 'https://github.com/%(username)s' },
  twitter: { name: 'Twitter', url_pattern: 'https://twitter.com/%(username)s' },
};

export function isFieldType(value: number): value is FieldTypeId {
  return Object.values(FieldType).includes(value as FieldTypeId);
}

/** Types whose values are Markdown, rendered for `rendered_value`. */
export function isRenderable(type: number): boolean {
  return type === FieldType.ShortText || type === FieldType.LongText;
}

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a field's `field_data` for its type; answers it as the JSON string Zulip stores
 * (empty for types without data).
 */
export function checkFieldData(type: number, data: unknown): string {
  if (type === FieldType.Select) {
    if (!isDict(data)) throw ZulipError.badRequest('field_data is not a dict');
    const choices = Object.entries(data);
    if (choices.length === 0) throw ZulipError.badRequest('Field must have at least one choice.');
    const texts = new Set<string>();
    for (const [key, choice] of choices) {
      if (!isDict(choice) || typeof choice.text !== 'string' || typeof choice.order !== 'string') {
        throw ZulipError.badRequest(`field_data["${key}"] is not a valid choice`);
      }
      if (choice.text.trim() === '') throw ZulipError.badRequest('Label cannot be blank.');
      if (texts.has(choice.text)) {
        throw ZulipError.badRequest(`Duplicate choice '${choice.text}'.`);
      }
      texts.add(choice.text);
    }
    return JSON.stringify(data);
  }
  if (type === FieldType.ExternalAccount) {
    if (!isDict(data) || typeof data.subtype !== 'string') {
      throw ZulipError.badRequest('field_data["subtype"] is not a string');
    }
    if (data.subtype === 'custom') {
      const pattern = data.url_pattern;
      if (
        typeof pattern !== 'string' ||
        !/^https?:\/\/[^\s]+$/.test(pattern.replace('%(username)s', 'x')) ||
        pattern.split('%(username)s').length !== 2
      ) {
        throw ZulipError.badRequest('Malformed URL pattern.');
      }
      return JSON.stringify({ subtype: 'custom', url_pattern: pattern });
    }
    if (!(data.subtype in EXTERNAL_ACCOUNTS))
      throw ZulipError.badRequest('Invalid external account type');
    return JSON.stringify({ subtype: data.subtype });
  }
  return '';
}

/** The name of a field: given, or the external account's own name. */
export function fieldName(type: number, name: string | undefined, fieldData: string): string {
  let label = (name ?? '').trim();
  if (label === '' && type === FieldType.ExternalAccount) {
    const subtype = (JSON.parse(fieldData) as { subtype: string }).subtype;
    label = EXTERNAL_ACCOUNTS[subtype]?.name ?? '';
  }
  if (label === '') throw ZulipError.badRequest('Label cannot be blank.');
  if (label.length > MAX_NAME_LENGTH) {
    throw ZulipError.badRequest(`name is too long (limit: ${MAX_NAME_LENGTH} characters)`);
  }
  return label;
}

/**
 * Checks a value for a field of `type` (named `name` in errors) and answers it as stored, or
 * null when it clears the value (an empty string or list). User ids are checked by the caller.
 */
export function checkValue(
  field: { name: string; field_type: number; field_data: string },
  value: unknown,
): { stored: string; userIds: number[] } | null {
  const name = field.name;
  if (field.field_type === FieldType.User) {
    if (
      !Array.isArray(value) ||
      !value.every((v) => Number.isInteger(v) && v > 0 && v <= 2_147_483_647)
    ) {
      throw ZulipError.badRequest(`${name} is not a list`);
    }
    const ids = [...new Set(value as number[])];
    return ids.length === 0 ? null : { stored: JSON.stringify(ids), userIds: ids };
  }
  if (typeof value !== 'string') throw ZulipError.badRequest(`${name} is not a string`);
  if (value.includes('\u0000')) throw ZulipError.badRequest(`${name} is not a string`);
  const text = value.trim();
  if (text === '') return null;
  const stored = { stored: text, userIds: [] };
  switch (field.field_type) {
    case FieldType.ShortText:
    case FieldType.Pronouns:
    case FieldType.ExternalAccount:
      if (text.length > MAX_SHORT_TEXT) {
        throw ZulipError.badRequest(`${name} is too long (limit: ${MAX_SHORT_TEXT} characters)`);
      }
      return stored;
    case FieldType.LongText:
      if (text.length > MAX_LONG_TEXT) {
        throw ZulipError.badRequest(`${name} is too long (limit: ${MAX_LONG_TEXT} characters)`);
      }
      return stored;
    case FieldType.Select: {
      const choices = JSON.parse(field.field_data || '{}') as Record<string, unknown>;
      if (!(text in choices)) {
        throw ZulipError.badRequest(`'${text}' is not a valid choice for '${name}'.`);
      }
      return stored;
    }
    case FieldType.Date: {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const date = match ? new Date(`${text}T00:00:00Z`) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
        throw ZulipError.badRequest(`${name} is not a date`);
      }
      return stored;
    }
    case FieldType.Url: {
      let ok = false;
      try {
        ok = ['http:', 'https:'].includes(new URL(text).protocol);
      } catch {
        ok = false;
      }
      if (!ok) throw ZulipError.badRequest(`${name} is not a URL`);
      return stored;
    }
    default:
      throw ZulipError.badRequest(`${name} has an unknown type`);
  }
}
