import type { UserGroup } from '@hub/api/user-group.types';
import type { UserGroupRow } from './user-groups.repository';

/** A stored group in Zulip's wire shape. */
export function toApiUserGroup(row: UserGroupRow): UserGroup {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    members: row.members,
    direct_subgroup_ids: row.direct_subgroup_ids,
    is_system_group: row.is_system_group,
    can_mention_group: row.can_mention_group,
    creator_id: row.creator_id,
    date_created: Math.floor(new Date(row.date_created).getTime() / 1000),
    deactivated: false,
  };
}
