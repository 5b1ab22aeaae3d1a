import { ZulipError } from '../common/zulip-error';
import { isAdmin, isOwner, User } from './user.types';

export function requireAdmin(user: Pick<User, 'role'>): void {
  if (!isAdmin(user)) throw ZulipError.forbidden('Must be an organization administrator');
}

export function requireOwner(user: Pick<User, 'role'>): void {
  if (!isOwner(user)) throw ZulipError.forbidden('Must be an organization owner');
}

/** Zulip answers 400 "No such user" for ids and emails it cannot resolve in the realm. */
export function noSuchUser(): ZulipError {
  return new ZulipError('BAD_REQUEST', 'No such user', 400);
}
