/** A user group in Zulip's shape (`GET /user_groups`, `realm_user_groups`, `user_group` events). */
export interface UserGroup {
  id: number;
  name: string;
  description: string;
  /** Direct members (active users only), ascending. */
  members: number[];
  /** Groups nested directly in this one, ascending. */
  direct_subgroup_ids: number[];
  /** Role groups (`role:members` ...) are system groups; every group made through the API is not. */
  is_system_group: boolean;
  /** The id of the group whose members may mention this group. */
  can_mention_group: number;
  creator_id: number | null;
  /** Seconds since the epoch. */
  date_created: number | null;
  deactivated: boolean;
}
