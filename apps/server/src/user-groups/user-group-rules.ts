import { ZulipError } from '../common/zulip-error';
import { Role, User } from '../identity/user.types';

export const MAX_USER_GROUP_NAME_LENGTH = 100;
export const MAX_USER_GROUP_DESCRIPTION_LENGTH = 1024;

/** Zulip's role groups are named `role:...`; a made-up group may not look like one. */
const RESERVED_PREFIXES = ['role:', '@', '#'];

/** The name a group is stored under, or the error Zulip answers for it. */
export function checkGroupName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw ZulipError.badRequest("User group name can't be empty!");
  if (name.length > MAX_USER_GROUP_NAME_LENGTH) {
    throw ZulipError.badRequest(
      `User group name cannot exceed ${MAX_USER_GROUP_NAME_LENGTH} characters.`,
    );
  }
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) throw ZulipError.badRequest(`User group name cannot start with '${prefix}'.`);
  if (name.includes('*')) throw ZulipError.badRequest("User group name cannot contain '*'.");
  return name;
}

export function checkGroupDescription(description: string): string {
  if (description.length > MAX_USER_GROUP_DESCRIPTION_LENGTH) {
    throw ZulipError.badRequest(
      `User group description cannot exceed ${MAX_USER_GROUP_DESCRIPTION_LENGTH} characters.`,
    );
  }
  return description;
}

/** Guests may not create groups; everyone else may. */
export function requireMayCreateGroup(user: Pick<User, 'role'>): void {
  if (user.role === Role.Guest) throw ZulipError.badRequest('Not allowed for guest users');
}

/**
 * Who may change a group (name, description, members, subgroups) or delete it: administrators
 * and moderators, and the group's own direct members unless they are guests.
 */
export function mayManageGroup(user: Pick<User, 'id' | 'role'>, directMembers: number[]): boolean {
  if (user.role <= Role.Moderator) return true;
  return user.role !== Role.Guest && directMembers.includes(user.id);
}
