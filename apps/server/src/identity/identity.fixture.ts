import type { Realm } from './realm.types';
import { Role, type User } from './user.types';

/** Plain rows for service specs that fake their repositories (not used by the server). */

/** Realm 1 with Zulip's default settings; `changes` override any setting. */
export const realm = (changes: Partial<Realm> = {}): Realm => ({
  id: 1,
  string_id: '',
  name: 'Test Org',
  description: '',
  date_created: new Date(0),
  deactivated: false,
  restricted_to_domain: false,
  invite_required: false,
  invite_by_admin_only: false,
  mandatory_topics: false,
  allow_message_editing: true,
  message_content_edit_limit_seconds: null,
  allow_message_deleting: true,
  message_content_delete_limit_seconds: null,
  inline_image_preview: true,
  inline_url_embed_preview: false,
  default_language: 'en',
  waiting_period_threshold: 0,
  enable_read_receipts: true,
  email_changes_disabled: false,
  allow_bridged_upload_links: false,
  can_access_all_users_group: 'role:everyone',
  authentication_methods: {},
  ...changes,
});

let nextUserId = 10;
/** A member of realm 1 with a fresh id; `changes` override any column. */
export const user = (changes: Partial<User> = {}): User => {
  const id = nextUserId++;
  return {
    id,
    realm_id: 1,
    email: `user${id}@example.com`,
    delivery_email: `user${id}@example.com`,
    full_name: `User ${id}`,
    role: Role.Member,
    is_bot: false,
    bot_type: null,
    bot_owner_id: null,
    is_api_super_user: false,
    is_mirror_dummy: false,
    is_active: true,
    api_key: 'x'.repeat(32),
    password_hash: null,
    timezone: '',
    avatar_source: 'G',
    avatar_version: 1,
    date_joined: new Date(0),
    last_login: null,
    default_sending_stream_id: null,
    default_events_register_stream_id: null,
    default_all_public_streams: false,
    send_read_receipts: true,
    allow_private_data_export: false,
    settings: {},
    twenty_four_hour_time: false,
    color_scheme: 1,
    ...changes,
  };
};
