export interface Realm {
  id: number;
  string_id: string;
  name: string;
  description: string;
  date_created: Date;
  deactivated: boolean;
  restricted_to_domain: boolean;
  invite_required: boolean;
  invite_by_admin_only: boolean;
  mandatory_topics: boolean;
  allow_message_editing: boolean;
  message_content_edit_limit_seconds: number | null;
  allow_message_deleting: boolean;
  message_content_delete_limit_seconds: number | null;
  inline_image_preview: boolean;
  inline_url_embed_preview: boolean;
  default_language: string;
  waiting_period_threshold: number;
  enable_read_receipts: boolean;
  /** Only administrators may change their own email address. */
  email_changes_disabled: boolean;
  /** Mirror bridges may link uploads for people on IRC/XMPP without an account (off by default). */
  allow_bridged_upload_links: boolean;
  /** Which users guests see: all of them, or only those they share a stream or a conversation with. */
  can_access_all_users_group: UserAccessGroup;
  /** Login methods the owners turned off (name → false); see realms/auth-methods.ts. */
  authentication_methods: Record<string, boolean>;
}

/** The role groups `can_access_all_users_group` may name (Zulip allows only these two). */
export const USER_ACCESS_GROUPS = ['role:everyone', 'role:members'] as const;
export type UserAccessGroup = (typeof USER_ACCESS_GROUPS)[number];

export interface RealmDomain {
  id: number;
  realm_id: number;
  domain: string;
  allow_subdomains: boolean;
}

/** Settings an owner may change through `PATCH /realm`, with the SQL column each maps to. */
export const EDITABLE_REALM_SETTINGS = [
  'name',
  'description',
  'restricted_to_domain',
  'invite_required',
  'invite_by_admin_only',
  'mandatory_topics',
  'allow_message_editing',
  'message_content_edit_limit_seconds',
  'allow_message_deleting',
  'message_content_delete_limit_seconds',
  'inline_image_preview',
  'inline_url_embed_preview',
  'default_language',
  'waiting_period_threshold',
  'enable_read_receipts',
  'email_changes_disabled',
  'allow_bridged_upload_links',
  'can_access_all_users_group',
] as const satisfies readonly (keyof Realm)[];

export type EditableRealmSetting = (typeof EDITABLE_REALM_SETTINGS)[number];
