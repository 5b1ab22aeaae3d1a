import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole first schema. Names follow Zulip's models where they exist so that people who know
 * Zulip find their way; roles and bot types use Zulip's numeric values.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE realms (
        id serial PRIMARY KEY,
        string_id text NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        date_created timestamptz NOT NULL DEFAULT now(),
        deactivated boolean NOT NULL DEFAULT false,
        restricted_to_domain boolean NOT NULL DEFAULT false,
        invite_required boolean NOT NULL DEFAULT true,
        invite_by_admin_only boolean NOT NULL DEFAULT false,
        mandatory_topics boolean NOT NULL DEFAULT false,
        allow_message_editing boolean NOT NULL DEFAULT true,
        message_content_edit_limit_seconds integer DEFAULT 600,
        allow_message_deleting boolean NOT NULL DEFAULT false,
        message_content_delete_limit_seconds integer DEFAULT 600,
        inline_image_preview boolean NOT NULL DEFAULT true,
        inline_url_embed_preview boolean NOT NULL DEFAULT false,
        default_language text NOT NULL DEFAULT 'en',
        waiting_period_threshold integer NOT NULL DEFAULT 0,
        CONSTRAINT realms_string_id_unique UNIQUE (string_id)
      );

      CREATE TABLE realm_domains (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        domain text NOT NULL,
        allow_subdomains boolean NOT NULL DEFAULT false,
        CONSTRAINT realm_domains_unique UNIQUE (realm_id, domain)
      );

      CREATE TABLE users (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        email text NOT NULL,
        delivery_email text NOT NULL,
        full_name text NOT NULL,
        role smallint NOT NULL DEFAULT 400,
        is_bot boolean NOT NULL DEFAULT false,
        bot_type smallint,
        bot_owner_id integer REFERENCES users(id) ON DELETE SET NULL,
        is_api_super_user boolean NOT NULL DEFAULT false,
        is_mirror_dummy boolean NOT NULL DEFAULT false,
        is_active boolean NOT NULL DEFAULT true,
        api_key text NOT NULL,
        password_hash text,
        timezone text NOT NULL DEFAULT '',
        avatar_source char(1) NOT NULL DEFAULT 'G',
        avatar_version integer NOT NULL DEFAULT 1,
        date_joined timestamptz NOT NULL DEFAULT now(),
        last_login timestamptz,
        default_sending_stream_id integer,
        default_events_register_stream_id integer,
        default_all_public_streams boolean NOT NULL DEFAULT false,
        CONSTRAINT users_api_key_unique UNIQUE (api_key)
      );
      CREATE UNIQUE INDEX users_realm_email_unique ON users (realm_id, lower(email));
      CREATE INDEX users_bot_owner ON users (bot_owner_id) WHERE bot_owner_id IS NOT NULL;

      CREATE TABLE bot_services (
        id serial PRIMARY KEY,
        bot_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL,
        base_url text NOT NULL DEFAULT '',
        token text NOT NULL,
        interface smallint NOT NULL DEFAULT 1
      );

      CREATE TABLE bot_config (
        id serial PRIMARY KEY,
        bot_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key text NOT NULL,
        value text NOT NULL,
        CONSTRAINT bot_config_unique UNIQUE (bot_id, key)
      );

      CREATE TABLE bot_storage (
        id serial PRIMARY KEY,
        bot_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        key text NOT NULL,
        value text NOT NULL,
        CONSTRAINT bot_storage_unique UNIQUE (bot_id, key)
      );

      CREATE TABLE streams (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        rendered_description text NOT NULL DEFAULT '',
        invite_only boolean NOT NULL DEFAULT false,
        history_public_to_subscribers boolean NOT NULL DEFAULT true,
        is_web_public boolean NOT NULL DEFAULT false,
        stream_post_policy smallint NOT NULL DEFAULT 1,
        message_retention_days integer,
        creator_id integer REFERENCES users(id) ON DELETE SET NULL,
        date_created timestamptz NOT NULL DEFAULT now(),
        deactivated boolean NOT NULL DEFAULT false,
        first_message_id bigint
      );
      CREATE UNIQUE INDEX streams_realm_name_unique ON streams (realm_id, lower(name)) WHERE NOT deactivated;

      CREATE TABLE subscriptions (
        id serial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        stream_id integer NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
        active boolean NOT NULL DEFAULT true,
        color text NOT NULL DEFAULT '#c2c2c2',
        is_muted boolean NOT NULL DEFAULT false,
        pin_to_top boolean NOT NULL DEFAULT false,
        desktop_notifications boolean,
        audible_notifications boolean,
        push_notifications boolean,
        email_notifications boolean,
        wildcard_mentions_notify boolean,
        date_subscribed timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT subscriptions_unique UNIQUE (user_id, stream_id)
      );
      CREATE INDEX subscriptions_stream_active ON subscriptions (stream_id) WHERE active;

      CREATE TABLE default_streams (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        stream_id integer NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
        CONSTRAINT default_streams_unique UNIQUE (realm_id, stream_id)
      );

      CREATE TABLE realm_filters (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        pattern text NOT NULL,
        url_template text NOT NULL,
        "order" integer NOT NULL DEFAULT 0
      );

      CREATE TABLE realm_emoji (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        name text NOT NULL,
        file_name text NOT NULL,
        author_id integer REFERENCES users(id) ON DELETE SET NULL,
        deactivated boolean NOT NULL DEFAULT false
      );
      CREATE UNIQUE INDEX realm_emoji_name_unique ON realm_emoji (realm_id, name) WHERE NOT deactivated;

      CREATE TABLE user_groups (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        CONSTRAINT user_groups_unique UNIQUE (realm_id, name)
      );
      CREATE TABLE user_group_members (
        group_id integer NOT NULL REFERENCES user_groups(id) ON DELETE CASCADE,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, user_id)
      );

      CREATE TABLE direct_message_groups (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        user_ids integer[] NOT NULL,
        CONSTRAINT direct_message_groups_unique UNIQUE (realm_id, user_ids)
      );

      CREATE TABLE messages (
        id bigserial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        sender_id integer NOT NULL REFERENCES users(id),
        stream_id integer REFERENCES streams(id) ON DELETE CASCADE,
        dm_group_id integer REFERENCES direct_message_groups(id) ON DELETE CASCADE,
        topic text NOT NULL DEFAULT '',
        content text NOT NULL,
        rendered_content text NOT NULL,
        date_sent timestamptz NOT NULL DEFAULT now(),
        sending_client text NOT NULL DEFAULT 'API',
        last_edit_time timestamptz,
        has_link boolean NOT NULL DEFAULT false,
        has_image boolean NOT NULL DEFAULT false,
        has_attachment boolean NOT NULL DEFAULT false,
        search_tsvector tsvector,
        CONSTRAINT messages_one_recipient CHECK ((stream_id IS NULL) <> (dm_group_id IS NULL))
      );
      CREATE INDEX messages_stream_topic ON messages (stream_id, lower(topic), id) WHERE stream_id IS NOT NULL;
      CREATE INDEX messages_dm_group ON messages (dm_group_id, id) WHERE dm_group_id IS NOT NULL;
      CREATE INDEX messages_sender ON messages (sender_id, id);
      CREATE INDEX messages_search ON messages USING gin (search_tsvector);

      CREATE TABLE user_messages (
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        message_id bigint NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        flags integer NOT NULL DEFAULT 0,
        PRIMARY KEY (user_id, message_id)
      );
      CREATE INDEX user_messages_message ON user_messages (message_id);
      CREATE INDEX user_messages_unread ON user_messages (user_id, message_id) WHERE (flags & 1) = 0;
      CREATE INDEX user_messages_starred ON user_messages (user_id, message_id) WHERE (flags & 2) <> 0;
      CREATE INDEX user_messages_mentioned ON user_messages (user_id, message_id) WHERE (flags & 24) <> 0;

      CREATE TABLE message_edits (
        id bigserial PRIMARY KEY,
        message_id bigint NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        user_id integer REFERENCES users(id) ON DELETE SET NULL,
        edited_at timestamptz NOT NULL DEFAULT now(),
        prev_content text,
        prev_rendered_content text,
        prev_topic text,
        topic text,
        prev_stream_id integer,
        stream_id integer
      );
      CREATE INDEX message_edits_message ON message_edits (message_id, id);

      CREATE TABLE reactions (
        id bigserial PRIMARY KEY,
        message_id bigint NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        emoji_name text NOT NULL,
        emoji_code text NOT NULL,
        reaction_type text NOT NULL DEFAULT 'unicode_emoji',
        CONSTRAINT reactions_unique UNIQUE (message_id, user_id, emoji_code, reaction_type)
      );

      CREATE TABLE attachments (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        owner_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        path_id text NOT NULL UNIQUE,
        file_name text NOT NULL,
        content_type text NOT NULL DEFAULT 'application/octet-stream',
        size integer NOT NULL,
        create_time timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE message_attachments (
        message_id bigint NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        attachment_id integer NOT NULL REFERENCES attachments(id) ON DELETE CASCADE,
        PRIMARY KEY (message_id, attachment_id)
      );

      CREATE TABLE alert_words (
        id serial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        word text NOT NULL,
        CONSTRAINT alert_words_unique UNIQUE (user_id, word)
      );

      CREATE TABLE user_presence (
        user_id integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL,
        client text NOT NULL DEFAULT 'website',
        last_active_time timestamptz,
        last_connected_time timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE invites (
        id serial PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        email text NOT NULL,
        invited_by_id integer REFERENCES users(id) ON DELETE SET NULL,
        invite_as smallint NOT NULL DEFAULT 400,
        stream_ids integer[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz
      );
      CREATE INDEX invites_realm_email ON invites (realm_id, lower(email));

      CREATE TABLE confirmations (
        key text PRIMARY KEY,
        realm_id integer NOT NULL REFERENCES realms(id) ON DELETE CASCADE,
        email text NOT NULL,
        invite_id integer REFERENCES invites(id) ON DELETE CASCADE,
        purpose text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );

      CREATE TABLE server_secrets (
        name text PRIMARY KEY,
        value text NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS server_secrets, confirmations, invites, user_presence, alert_words,
        message_attachments, attachments, reactions, message_edits, user_messages, messages,
        direct_message_groups, user_group_members, user_groups, realm_emoji, realm_filters,
        default_streams, subscriptions, streams, bot_storage, bot_config, bot_services, users,
        realm_domains, realms CASCADE;
    `);
  }
}
