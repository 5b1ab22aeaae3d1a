/**
 * The one SQL rule for "do users `a` and `b` share something", which is what a guest needs to
 * see another user when the realm limits guests (`can_access_all_users_group` = role:members, as
 * Zulip's user access for guests): the same user, a bot, an active subscription to one stream
 * each, or a direct-message conversation with messages in it. Symmetric in `a` and `b` (SQL
 * expressions for user ids; `realm` the realm's id).
 */
export function sharesWithSql(a: string, b: string, realm: string): string {
  return `(
    ${a} = ${b}
    OR EXISTS (SELECT 1 FROM users bot WHERE bot.id IN (${a}, ${b}) AND bot.is_bot)
    OR EXISTS (
      SELECT 1 FROM subscriptions sa
        JOIN subscriptions sb ON sb.stream_id = sa.stream_id AND sb.active
       WHERE sa.user_id = ${a} AND sa.active AND sb.user_id = ${b})
    OR EXISTS (
      SELECT 1 FROM direct_message_groups g
       WHERE g.realm_id = ${realm} AND ${a} = ANY (g.user_ids) AND ${b} = ANY (g.user_ids)
         AND EXISTS (SELECT 1 FROM messages dm WHERE dm.dm_group_id = g.id))
  )`;
}
