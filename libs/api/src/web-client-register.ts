/**
 * What the web client sends to `POST /register`: every event type, and the capabilities it
 * understands. One definition, so the client, the register tests and the realm benchmark ask for
 * the same state.
 */
export const WEB_CLIENT_REGISTER = {
  apply_markdown: true,
  client_gravatar: false,
  slim_presence: true,
  include_subscribers: false,
  client_capabilities: {
    notification_settings_null: true,
    bulk_message_deletion: true,
    user_avatar_url_field_optional: false,
    stream_typing_notifications: true,
    user_settings_object: true,
  },
} as const;
