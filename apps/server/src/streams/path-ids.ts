import { ZulipError } from '../common/zulip-error';

/** A numeric path segment, or Zulip's error for an invalid id of that kind. */
export function streamIdFromPath(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw ZulipError.badRequest('Invalid channel ID');
  return Number(raw);
}

export function userIdFromPath(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw ZulipError.badRequest('No such user');
  return Number(raw);
}
