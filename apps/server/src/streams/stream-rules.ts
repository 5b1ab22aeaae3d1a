import { ZulipError } from '../common/zulip-error';
import { MAX_STREAM_DESCRIPTION_LENGTH, MAX_STREAM_NAME_LENGTH } from './stream.types';

/** Trims and checks a stream name the way Zulip does. */
export function validateStreamName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw ZulipError.badRequest("Channel name can't be empty.");
  if (name.length > MAX_STREAM_NAME_LENGTH) {
    throw ZulipError.badRequest(
      `Channel name too long (limit: ${MAX_STREAM_NAME_LENGTH} characters).`,
    );
  }
  // Control characters and Unicode non-characters would break clients and mirrors.
  const bad = [...name].findIndex((c) => /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u.test(c));
  if (bad >= 0) {
    throw ZulipError.badRequest(`Invalid character in channel name, at position ${bad + 1}.`);
  }
  return name;
}

export function validateStreamDescription(raw: string): string {
  const description = raw.replace(/\r?\n/g, ' ').trim();
  if (description.length > MAX_STREAM_DESCRIPTION_LENGTH) {
    throw ZulipError.badRequest(
      `Channel description too long (limit: ${MAX_STREAM_DESCRIPTION_LENGTH} characters).`,
    );
  }
  return description;
}

export function adminRequired(): ZulipError {
  return new ZulipError('UNAUTHORIZED_PRINCIPAL', 'Must be an organization administrator', 400);
}

export function invalidStreamName(name: string): ZulipError {
  return ZulipError.badRequest(`Invalid channel name '${name}'`);
}
