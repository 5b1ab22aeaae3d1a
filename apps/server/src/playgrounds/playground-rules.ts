import { ZulipError } from '../common/zulip-error';

export const MAX_NAME_LENGTH = 60;
export const MAX_LANGUAGE_LENGTH = 40;

/** Zulip's check of a playground: a name, a Pygments language name, a URL template of `code`. */
export function checkPlayground(input: {
  name: string;
  pygments_language: string;
  url_template: string;
}): { name: string; pygments_language: string; url_template: string } {
  const name = input.name.trim();
  if (name === '') throw ZulipError.badRequest('Name cannot be blank.');
  if (name.length > MAX_NAME_LENGTH) {
    throw ZulipError.badRequest(`name is too long (limit: ${MAX_NAME_LENGTH} characters)`);
  }
  const language = input.pygments_language.trim();
  if (language === '' || language.length > MAX_LANGUAGE_LENGTH) {
    throw ZulipError.badRequest('Invalid pygments language');
  }
  if (!/^[ a-zA-Z0-9_+\-./#]*$/.test(language)) {
    throw ZulipError.badRequest('Invalid characters in pygments language');
  }
  const template = input.url_template.trim();
  const variables = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
  const literal = template.replace(/\{[^{}]*\}/g, 'x');
  let isUrl = false;
  try {
    isUrl = ['http:', 'https:'].includes(new URL(literal).protocol);
  } catch {
    isUrl = false;
  }
  if (!isUrl || /[{}\s]/.test(literal)) throw ZulipError.badRequest('Invalid URL template.');
  if (variables.length !== 1 || variables[0] !== 'code') {
    throw ZulipError.badRequest('"code" should be the only variable present in the URL template');
  }
  return { name, pygments_language: language, url_template: template };
}
