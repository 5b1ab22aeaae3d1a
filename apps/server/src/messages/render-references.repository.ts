import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { groupMembersSql } from '../user-groups/group-members-sql';

/** The rows a message's Markdown may refer to, fetched by name in one query each. */
@Injectable()
export class RenderReferencesRepository {
  constructor(private readonly db: Database) {}

  users(realmId: number, names: string[], ids: number[]) {
    return this.db.rows<{ id: number; full_name: string }>(
      `SELECT id, full_name FROM users WHERE realm_id = $1 AND is_active
         AND (lower(full_name) = ANY($2::text[]) OR id = ANY($3::int[]))`,
      [realmId, names.map((n) => n.toLowerCase()), ids],
    );
  }

  /** Groups a mention may name: role groups (`role:everyone` ...) cannot be mentioned. */
  groups(realmId: number, names: string[]) {
    return this.db.rows<{ id: number; name: string }>(
      `SELECT id, name FROM user_groups
       WHERE realm_id = $1 AND name = ANY($2::text[]) AND NOT is_system_group`,
      [realmId, names],
    );
  }

  /** Streams the sender may link to: public ones, and private ones they are subscribed to. */
  streams(realmId: number, senderId: number, names: string[]) {
    return this.db.rows<{ id: number; name: string }>(
      `SELECT s.id, s.name FROM streams s WHERE s.realm_id = $1 AND NOT s.deactivated
         AND lower(s.name) = ANY($3::text[])
         AND (NOT s.invite_only OR EXISTS (SELECT 1 FROM subscriptions x
           WHERE x.stream_id = s.id AND x.user_id = $2 AND x.active))`,
      [realmId, senderId, names.map((n) => n.toLowerCase())],
    );
  }

  /**
   * Of these groups, the names of those whose `can_mention_group` does not hold the user
   * (subgroups included). `role:everyone` admits anyone, as on Zulip, without a membership look-up.
   */
  groupsNotMentionableBy(groupIds: number[], userId: number) {
    return this.db.rows<{ name: string }>(
      `SELECT g.name FROM user_groups g JOIN user_groups setting ON setting.id = g.can_mention_group
       WHERE g.id = ANY($1::int[])
         AND NOT (setting.is_system_group AND setting.name = 'role:everyone')
         AND $2 NOT IN ${groupMembersSql('ARRAY[g.can_mention_group]')}
       ORDER BY g.name`,
      [groupIds, userId],
    );
  }
}
