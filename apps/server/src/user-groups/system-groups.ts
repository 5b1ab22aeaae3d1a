import { Role } from '../identity/user.types';

/** Zulip's role groups: every realm has them; membership follows each user's role. */
export const SYSTEM_GROUPS = [
  { name: 'role:owners', description: 'Owners of this organization' },
  {
    name: 'role:administrators',
    description: 'Administrators of this organization, including owners',
  },
  {
    name: 'role:moderators',
    description: 'Moderators of this organization, including administrators',
  },
  {
    name: 'role:fullmembers',
    description: 'Members of this organization, not including new accounts',
  },
  { name: 'role:members', description: 'Members of this organization, not including guests' },
  { name: 'role:everyone', description: 'Everyone in this organization, including guests' },
  { name: 'role:internet', description: 'Everyone on the Internet' },
  { name: 'role:nobody', description: 'Nobody' },
] as const;

export type SystemGroupName = (typeof SYSTEM_GROUPS)[number]['name'];

/** Each role group nests the next more powerful one, as in Zulip: `[supergroup, subgroup]`. */
export const SYSTEM_SUBGROUPS: ReadonlyArray<[SystemGroupName, SystemGroupName]> = [
  ['role:administrators', 'role:owners'],
  ['role:moderators', 'role:administrators'],
  ['role:fullmembers', 'role:moderators'],
  ['role:members', 'role:fullmembers'],
  ['role:everyone', 'role:members'],
  ['role:internet', 'role:everyone'],
];

/**
 * The role groups a user with `role` is a direct member of. Members are full members too (the
 * realm's waiting period is not applied to the group).
 */
export function systemGroupsOf(role: Role): SystemGroupName[] {
  switch (role) {
    case Role.Owner:
      return ['role:owners'];
    case Role.Administrator:
      return ['role:administrators'];
    case Role.Moderator:
      return ['role:moderators'];
    case Role.Member:
      return ['role:members', 'role:fullmembers'];
    case Role.Guest:
      return ['role:everyone'];
  }
}

/** Where a new group's `can_mention_group` points unless the request says otherwise. */
export const DEFAULT_CAN_MENTION_GROUP: SystemGroupName = 'role:everyone';
/** System groups themselves cannot be mentioned by anyone. */
export const SYSTEM_CAN_MENTION_GROUP: SystemGroupName = 'role:nobody';
/** Zulip refuses these for `can_mention_group`. */
export const NOT_ALLOWED_FOR_CAN_MENTION: readonly SystemGroupName[] = [
  'role:internet',
  'role:owners',
];
