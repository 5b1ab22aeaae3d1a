import type { Client } from 'pg';

/**
 * Generates a big realm directly in PostgreSQL for `realm.bench.ts`: server-side
 * `INSERT ... SELECT generate_series(...)` (as fast as `COPY` here: no row leaves the server), with
 * the bulk tables' secondary indexes dropped during the load and rebuilt from their own
 * definitions afterwards, and foreign-key triggers off for the session (the rows are consistent
 * by construction). The schema is whatever the migrations made; nothing here redefines it.
 *
 * Shape: user i belongs to team `i mod G` (G = streams / 20) and is subscribed to the team's 20
 * streams, so every user is in 20 streams and every stream has `users / G` subscribers (200 at
 * full size: 10,000 users, 1,000 streams). The first 8 members of each team (users 0 .. 8G-1) founded the realm a
 * year ago; everyone else joined after the generated history, so — as Zulip stores it — they have
 * no `user_messages` rows for it and read it as public-stream history. 90% of the messages go to
 * streams (sent by a founder of the team, received by the team's founders), 10% are one-to-one
 * direct messages between founders. 5% of received rows are unread; every tenth stream message
 * has one to three reactions from the team's founders. User 0 (the owner, a founder) is the one
 * the benchmark measures as.
 */
export interface RealmShape {
  users: number;
  streams: number;
  messages: number;
}

export interface GeneratedRealm {
  ownerId: number;
  ownerEmail: string;
  ownerApiKey: string;
  /** A stream of the owner's, and its busiest topic. */
  streamName: string;
  topic: string;
  /** The founder the owner has the most direct messages with. */
  dmPartnerId: number;
  searchWord: string;
  counts: Record<string, number>;
  /** Seconds each phase of the generation took. */
  phases: Record<string, number>;
}

const STREAMS_PER_USER = 20;
const FOUNDERS_PER_TEAM = 8;
/** Each founder starts conversations with this many others (and is asked by as many). */
const DM_PARTNERS = 7;
const TOPICS = [
  'deploy',
  'design review',
  'incident',
  'roadmap',
  'hiring',
  'lunch',
  'release notes',
  'bugs',
  'standup',
  'random',
];
const WORDS = (
  'the build is green again after we fixed flaky tests in the payment service ' +
  'please review my change before friday because release candidate needs sign off ' +
  'database migration finished overnight and dashboards look normal now customers ' +
  'reported slow search results on mobile while support tickets keep growing quickly ' +
  'meeting moved to thursday afternoon bring coffee'
).split(' ');
/** Appears in one message in 500 (hashed, so in every stream): the search benchmark looks for it. */
const SEARCH_WORD = 'kangaroo';
const EMOJI = [
  ['thumbs_up', '1f44d'],
  ['tada', '1f389'],
  ['heart', '2764'],
];
const COLORS = ['#76ce90', '#fae589', '#a6c7e5', '#e79ab5', '#bfd56f', '#f4ae55', '#b0a5fd'];
const BULK_TABLES = ['users', 'subscriptions', 'messages', 'user_messages', 'reactions'];

function sqlArray(values: string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}]::text[]`;
}

/** Fills `realmId` (an empty realm made by the server) with the shape; returns what to measure. */
export async function generateRealm(
  db: Client,
  /** A second connection to the same database: the big tables load and index side by side. */
  db2: Client,
  realmId: number,
  shape: RealmShape,
  ownerApiKey: string,
): Promise<GeneratedRealm> {
  const U = shape.users;
  const S = shape.streams;
  const M = shape.messages;
  const G = Math.max(1, Math.floor(S / STREAMS_PER_USER));
  if (U < G * FOUNDERS_PER_TEAM) throw new Error('too few users for the number of streams');
  const founders = G * FOUNDERS_PER_TEAM;
  const phases: Record<string, number> = {};
  let mark = Date.now();
  const lap = (name: string) => {
    phases[name] = (Date.now() - mark) / 1000;
    mark = Date.now();
  };

  for (const c of [db, db2]) {
    await c.query(`SET session_replication_role = replica`);
    await c.query(`SET maintenance_work_mem = '256MB'`);
    await c.query(`SET work_mem = '64MB'`);
  }
  // The bulk tables' indexes, and their keys no foreign key depends on, come off during the load
  // and go back from their own definitions, as pg_restore does.
  const indexes = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [BULK_TABLES],
  );
  const keys = await db.query<{ tbl: string; conname: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c
     WHERE c.contype IN ('p', 'u') AND c.conrelid::regclass::text = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.conrelid)`,
    [BULK_TABLES],
  );
  for (const ix of indexes.rows) await db.query(`DROP INDEX "${ix.indexname}"`);
  for (const k of keys.rows) await db.query(`ALTER TABLE ${k.tbl} DROP CONSTRAINT "${k.conname}"`);
  const rebuild = [
    ...keys.rows.map((k) => `ALTER TABLE ${k.tbl} ADD CONSTRAINT "${k.conname}" ${k.def}`),
    ...indexes.rows.map((ix) => ix.indexdef),
  ];

  const offsets = await db.query<{ u: number; s: number; m: number }>(
    `SELECT (SELECT coalesce(max(id), 0) FROM users)::int AS u,
            (SELECT coalesce(max(id), 0) FROM streams)::int AS s,
            (SELECT coalesce(max(id), 0) FROM messages)::int AS m`,
  );
  const { u: uOff, s: sOff, m: mOff } = offsets.rows[0];
  const history = `interval '1 second' * 30 * (${M} - n)`;

  // Users: user 0 is the owner; founders joined a year ago, the others after the history.
  await db.query(
    `INSERT INTO users (id, realm_id, email, delivery_email, full_name, role, api_key, timezone,
       date_joined)
     SELECT ${uOff} + i + 1, $1, 'user' || i || '@realm.bench', 'user' || i || '@realm.bench',
       'User ' || i, CASE WHEN i = 0 THEN 100 ELSE 400 END,
       CASE WHEN i = 0 THEN $2 ELSE md5('bench' || i) END, 'Europe/Berlin',
       CASE WHEN i < ${founders} THEN now() - interval '400 days' ELSE now() END
     FROM generate_series(0, ${U - 1}) AS i`,
    [realmId, ownerApiKey],
  );
  // Role groups, as SystemGroupsService.followRole sets them.
  await db.query(
    `INSERT INTO user_group_members (group_id, user_id)
     SELECT g.id, u.id FROM users u
     JOIN (VALUES (100, 'role:owners'), (400, 'role:members'), (400, 'role:fullmembers'))
       AS r(role, name) ON r.role = u.role
     JOIN user_groups g ON g.realm_id = u.realm_id AND g.is_system_group AND g.name = r.name
     WHERE u.realm_id = $1`,
    [realmId],
  );

  await db.query(
    `INSERT INTO streams (id, realm_id, name, description, rendered_description, creator_id,
       date_created)
     SELECT ${sOff} + s + 1, $1, 'stream ' || s, 'Team ' || (s % ${G}) || ' channel ' || s,
       '<p>Team ' || (s % ${G}) || ' channel ' || s || '</p>', ${uOff} + (s % ${G}) + 1,
       now() - interval '400 days'
     FROM generate_series(0, ${S - 1}) AS s`,
    [realmId],
  );
  // User i is in the ${STREAMS_PER_USER} streams of team i mod G.
  await db.query(
    `INSERT INTO subscriptions (user_id, stream_id, color, date_subscribed)
     SELECT ${uOff} + i + 1, ${sOff} + s + 1, (${sqlArray(COLORS)})[1 + s % ${COLORS.length}],
       CASE WHEN i < ${founders} THEN now() - interval '400 days' ELSE now() END
     FROM generate_series(0, ${U - 1}) AS i
     CROSS JOIN LATERAL (SELECT (i % ${G}) + ${G} * k AS s
       FROM generate_series(0, ${STREAMS_PER_USER - 1}) AS k) ss
     WHERE s < ${S}`,
  );

  lap('users, streams, subscriptions');
  // The plan of every message: kind, stream, topic, sender, DM partner.
  await db.query(`DROP TABLE IF EXISTS bench_plan`);
  await db.query(
    `CREATE UNLOGGED TABLE bench_plan AS
     SELECT n, (n % 10 = 9) AS dm,
       ((n::bigint * 7919) % ${S})::int AS s,
       (n / 1009) % ${TOPICS.length} AS t,
       (n / 10) % ${founders} AS a,
       (((n / 10) % ${founders}) + 1 + (n / ${10 * founders}) % ${DM_PARTNERS}) % ${founders} AS b
     FROM generate_series(0, ${M - 1}) AS n`,
  );
  await db.query(
    `INSERT INTO direct_message_groups (realm_id, user_ids)
     SELECT DISTINCT $1::int, ARRAY[${uOff} + least(a, b) + 1, ${uOff} + greatest(a, b) + 1]
     FROM bench_plan WHERE dm`,
    [realmId],
  );
  const words = sqlArray(WORDS);
  const content = `array_to_string(ARRAY[
      (${words})[1 + (n * 7) % ${WORDS.length}], (${words})[1 + (n * 13) % ${WORDS.length}],
      (${words})[1 + (n * 17) % ${WORDS.length}], (${words})[1 + (n * 23) % ${WORDS.length}],
      (${words})[1 + (n * 29) % ${WORDS.length}], (${words})[1 + (n * 31) % ${WORDS.length}],
      'number ' || n, CASE WHEN hashint4(n) % 500 = 0 THEN '${SEARCH_WORD}' END], ' ')`;
  const loadMessages = db.query(
    `INSERT INTO messages (id, realm_id, sender_id, stream_id, dm_group_id, topic, content,
       rendered_content, date_sent, sending_client, search_tsvector)
     SELECT ${mOff} + n + 1, $1, sender, stream_id, dm_group_id, topic, c, '<p>' || c || '</p>',
       now() - ${history}, 'website', to_tsvector('english', topic || ' ' || c)
     FROM (
       SELECT p.n, ${content} AS c,
         CASE WHEN p.dm THEN ${uOff} + p.a + 1
              ELSE ${uOff} + (p.s % ${G}) + ${G} * (p.n % ${FOUNDERS_PER_TEAM}) + 1 END AS sender,
         CASE WHEN p.dm THEN NULL ELSE ${sOff} + p.s + 1 END AS stream_id,
         g.id AS dm_group_id,
         CASE WHEN p.dm THEN '' ELSE (${sqlArray(TOPICS)})[1 + p.t] END AS topic
       FROM bench_plan p
       LEFT JOIN direct_message_groups g ON p.dm AND g.realm_id = $1
         AND g.user_ids = ARRAY[${uOff} + least(p.a, p.b) + 1, ${uOff} + greatest(p.a, p.b) + 1]
     ) x`,
    [realmId],
  );
  // Recipients: the team's founders for a stream message, both people for a DM; one in twenty of
  // the rows (hashed, so no stream or user is favoured) is unread, except the sender's own.
  const unread = (r: string) => `(hashint8(p.n::bigint * 65536 + ${r}) % 20 = 0)`;
  const loadRest = async () => {
    await db2.query(
      `INSERT INTO user_messages (user_id, message_id, flags)
     SELECT ${uOff} + (p.s % ${G}) + ${G} * r + 1, ${mOff} + p.n + 1,
       CASE WHEN r = p.n % ${FOUNDERS_PER_TEAM} OR NOT ${unread('r')} THEN 1 ELSE 0 END
     FROM bench_plan p CROSS JOIN generate_series(0, ${FOUNDERS_PER_TEAM - 1}) AS r
     WHERE NOT p.dm`,
    );
    await db2.query(
      `INSERT INTO user_messages (user_id, message_id, flags)
     SELECT ${uOff} + x.u + 1, ${mOff} + p.n + 1,
       CASE WHEN x.u = p.a OR NOT ${unread('x.u')} THEN 1 ELSE 0 END
     FROM bench_plan p CROSS JOIN LATERAL (VALUES (p.a), (p.b)) AS x(u)
     WHERE p.dm`,
    );
    await db2.query(
      `INSERT INTO reactions (message_id, user_id, emoji_name, emoji_code)
     SELECT ${mOff} + p.n + 1, ${uOff} + (p.s % ${G}) + ${G} * r + 1,
       (${sqlArray(EMOJI.map((e) => e[0]))})[1 + (p.n + r) % ${EMOJI.length}],
       (${sqlArray(EMOJI.map((e) => e[1]))})[1 + (p.n + r) % ${EMOJI.length}]
     FROM bench_plan p CROSS JOIN generate_series(0, 2) AS r
     WHERE NOT p.dm AND p.n % 10 = 0 AND r <= (p.n / 10) % 3`,
    );
  };
  await Promise.all([loadMessages, loadRest()]);
  lap('messages, user_messages, reactions');

  for (const [table, column] of [
    ['users', 'id'],
    ['streams', 'id'],
    ['messages', 'id'],
    ['reactions', 'id'],
    ['subscriptions', 'id'],
    ['direct_message_groups', 'id'],
  ]) {
    await db.query(
      `SELECT setval(pg_get_serial_sequence('${table}', '${column}'),
         (SELECT coalesce(max(${column}), 1) FROM ${table}))`,
    );
  }
  await db.query(`DROP TABLE bench_plan`);
  // Two connections take the rebuilds in turn, biggest (user_messages, messages) first.
  await Promise.all(
    [db, db2].map(async (c, i) => {
      for (const sql of rebuild.filter((_, j) => j % 2 === i)) await c.query(sql);
    }),
  );
  lap('keys and indexes');
  for (const c of [db, db2]) await c.query(`SET session_replication_role = DEFAULT`);
  await Promise.all([
    db.query(`VACUUM ANALYZE user_messages`),
    db2.query(
      `VACUUM ANALYZE messages, reactions, subscriptions, users, streams, direct_message_groups,
         user_group_members`,
    ),
  ]);
  lap('vacuum analyze');
  // The load's dirty pages written out now, not by the checkpointer while requests are measured.
  await db.query(`CHECKPOINT`);
  lap('checkpoint');

  const ownerId = uOff + 1;
  const partner = await db.query<{ id: number }>(
    `SELECT x.id FROM messages m JOIN direct_message_groups g ON g.id = m.dm_group_id
     CROSS JOIN unnest(g.user_ids) AS x(id)
     WHERE $1 = ANY(g.user_ids) AND x.id <> $1
     GROUP BY x.id ORDER BY count(*) DESC, x.id LIMIT 1`,
    [ownerId],
  );
  const busiest = await db.query<{ name: string; topic: string }>(
    `SELECT st.name, m.topic FROM messages m JOIN streams st ON st.id = m.stream_id
     JOIN subscriptions s ON s.stream_id = st.id AND s.user_id = $1
     GROUP BY st.name, m.topic ORDER BY count(*) DESC, st.name, m.topic LIMIT 1`,
    [ownerId],
  );
  const counts: Record<string, number> = {};
  for (const table of [
    'users',
    'streams',
    'subscriptions',
    'messages',
    'user_messages',
    'reactions',
    'direct_message_groups',
  ]) {
    const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = r.rows[0].n;
  }
  const unreadRows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM user_messages WHERE (flags & 1) = 0`,
  );
  counts['unread rows'] = unreadRows.rows[0].n;
  return {
    ownerId,
    ownerEmail: 'user0@realm.bench',
    ownerApiKey,
    streamName: busiest.rows[0].name,
    topic: busiest.rows[0].topic,
    dmPartnerId: partner.rows[0].id,
    searchWord: SEARCH_WORD,
    counts,
    phases,
  };
}
