/**
 * SQL naming every member of the groups whose ids are in the int[] parameter `groupIdsParam`,
 * members of their subgroups (at any depth) included: what a group mention reaches. The
 * subquery is not correlated, so PostgreSQL evaluates it once per statement, not once per row.
 */
export function groupMembersSql(groupIdsParam: string): string {
  return `(SELECT gm.user_id FROM user_group_members gm WHERE gm.group_id IN (
      WITH RECURSIVE sg(id) AS (
        SELECT unnest(${groupIdsParam}::int[])
        UNION SELECT s.subgroup_id FROM user_group_subgroups s JOIN sg ON s.supergroup_id = sg.id
      ) SELECT id FROM sg))`;
}
