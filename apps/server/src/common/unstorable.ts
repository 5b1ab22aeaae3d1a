import { ZulipError } from './zulip-error';

/** NUL (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its pair. */
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

/** Whether a string holds characters that must never reach storage. */
export function unstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** The answer to a parameter (name or value) holding such characters. */
export function badCharacters(name: string): ZulipError {
  return new ZulipError('BAD_REQUEST', `Invalid characters in parameter "${name}"`, 400, {
    var_name: name,
  });
}
