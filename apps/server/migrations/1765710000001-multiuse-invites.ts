import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Zulip's reusable invitation links (`POST /invites/multiuse`): anyone with the link may create an
 * account, with the link's role and streams, until it expires or is revoked. A revoked link is
 * kept (with `revoked_at`) so opening it says it was revoked rather than that it never existed.
 */
export class MultiuseInvites1765710000001 implements MigrationInterface {
  name = 'MultiuseInvites1765710000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE multiuse_invites (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        key text NOT NULL UNIQUE,
        referred_by_id integer REFERENCES users(id) ON DELETE SET NULL,
        invite_as smallint NOT NULL DEFAULT 400,
        stream_ids integer[] NOT NULL DEFAULT '{}',
        include_realm_default_subscriptions boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX multiuse_invites_realm ON multiuse_invites (realm_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS multiuse_invites`);
  }
}
