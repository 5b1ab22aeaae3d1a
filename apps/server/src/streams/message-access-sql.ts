/**
 * The one SQL rule for "may user `user` (a guest when `guest`) read message `m` now", as Zulip's
 * `has_message_access`: a direct message they received; a public stream's message (for guests
 * only web-public ones, or streams they are subscribed to); a private stream's message while they
 * are subscribed, if its history is public to subscribers or they received it; an archived
 * stream's message they received. Leaving a private stream ends access at once, admins included.
 * `m` must be the messages alias in scope.
 */
export function readsMessageSql(user: string, guest: string): string {
  const received = (alias: string) =>
    `EXISTS (SELECT 1 FROM user_messages ${alias}
       WHERE ${alias}.message_id = m.id AND ${alias}.user_id = ${user})`;
  const subscribed = (alias: string) =>
    `EXISTS (SELECT 1 FROM subscriptions ${alias}
       WHERE ${alias}.stream_id = s.id AND ${alias}.user_id = ${user} AND ${alias}.active)`;
  return `(
    (m.stream_id IS NULL AND ${received('ra')})
    OR EXISTS (SELECT 1 FROM streams s WHERE s.id = m.stream_id AND (
       (s.deactivated AND ${received('rb')})
       OR (NOT s.deactivated AND NOT s.invite_only
           AND (NOT ${guest}::boolean OR s.is_web_public OR ${subscribed('sa')}))
       OR (NOT s.deactivated AND s.invite_only AND ${subscribed('sb')}
           AND (s.history_public_to_subscribers OR ${received('rc')}))))
  )`;
}
