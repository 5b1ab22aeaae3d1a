/**
 * Zulip's documented REST endpoints at the feature level this server announces (Zulip 8.0,
 * feature level 237), as the API documentation's index lists them, plus the ones Zulip's own
 * clients (zulip-js, python-zulip-api) call that the index leaves out. Path parameters are in
 * braces, as in Zulip's documentation.
 */
export interface DocumentedEndpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** The documentation page (`/api/<name>`), or the client that calls an undocumented one. */
  doc: string;
}

const e = (method: DocumentedEndpoint['method'], path: string, doc: string) => ({
  method,
  path,
  doc,
});

export const DOCUMENTED_ENDPOINTS: readonly DocumentedEndpoint[] = [
  // Messages
  e('POST', '/messages', 'send-message'),
  e('POST', '/user_uploads', 'upload-file'),
  e('PATCH', '/messages/{message_id}', 'update-message'),
  e('DELETE', '/messages/{message_id}', 'delete-message'),
  e('GET', '/messages', 'get-messages'),
  e('POST', '/messages/{message_id}/reactions', 'add-reaction'),
  e('DELETE', '/messages/{message_id}/reactions', 'remove-reaction'),
  e('POST', '/messages/render', 'render-message'),
  e('GET', '/messages/{message_id}', 'get-message'),
  e('GET', '/messages/matches_narrow', 'check-messages-match-narrow'),
  e('GET', '/messages/{message_id}/history', 'get-message-history'),
  e('POST', '/messages/flags', 'update-message-flags'),
  e('POST', '/messages/flags/narrow', 'update-message-flags-for-narrow'),
  e('POST', '/mark_all_as_read', 'mark-all-as-read'),
  e('POST', '/mark_stream_as_read', 'mark-stream-as-read'),
  e('POST', '/mark_topic_as_read', 'mark-topic-as-read'),
  e('GET', '/messages/{message_id}/read_receipts', 'get-read-receipts'),
  e('GET', '/user_uploads/{realm_id_str}/{filename}', 'get-file-temporary-url'),
  // Scheduled messages
  e('GET', '/scheduled_messages', 'get-scheduled-messages'),
  e('POST', '/scheduled_messages', 'create-scheduled-message'),
  e('PATCH', '/scheduled_messages/{scheduled_message_id}', 'update-scheduled-message'),
  e('DELETE', '/scheduled_messages/{scheduled_message_id}', 'delete-scheduled-message'),
  // Drafts
  e('GET', '/drafts', 'get-drafts'),
  e('POST', '/drafts', 'create-drafts'),
  e('PATCH', '/drafts/{draft_id}', 'edit-draft'),
  e('DELETE', '/drafts/{draft_id}', 'delete-draft'),
  // Streams
  e('GET', '/users/me/subscriptions', 'get-subscriptions'),
  e('POST', '/users/me/subscriptions', 'subscribe'),
  e('DELETE', '/users/me/subscriptions', 'unsubscribe'),
  e('GET', '/users/{user_id}/subscriptions/{stream_id}', 'get-subscription-status'),
  e('GET', '/streams/{stream_id}/members', 'get-subscribers'),
  e('POST', '/users/me/subscriptions/properties', 'update-subscription-settings'),
  e('GET', '/streams', 'get-streams'),
  e('GET', '/streams/{stream_id}', 'get-stream-by-id'),
  e('GET', '/get_stream_id', 'get-stream-id'),
  e('PATCH', '/streams/{stream_id}', 'update-stream'),
  e('DELETE', '/streams/{stream_id}', 'archive-stream'),
  e('GET', '/streams/{stream_id}/email_address', 'get-stream-email-address'),
  e('GET', '/users/me/{stream_id}/topics', 'get-stream-topics'),
  e('PATCH', '/users/me/subscriptions/muted_topics', 'mute-topic'),
  e('POST', '/user_topics', 'update-user-topic'),
  e('POST', '/streams/{stream_id}/delete_topic', 'delete-topic'),
  e('POST', '/default_streams', 'add-default-stream'),
  e('DELETE', '/default_streams', 'remove-default-stream'),
  // Users
  e('GET', '/users', 'get-users'),
  e('GET', '/users/me', 'get-own-user'),
  e('GET', '/users/{user_id}', 'get-user'),
  e('GET', '/users/{email}', 'get-user-by-email'),
  e('PATCH', '/users/{user_id}', 'update-user'),
  e('POST', '/users/me/status', 'update-status'),
  e('POST', '/users', 'create-user'),
  e('DELETE', '/users/{user_id}', 'deactivate-user'),
  e('POST', '/users/{user_id}/reactivate', 'reactivate-user'),
  e('DELETE', '/users/me', 'deactivate-own-user'),
  e('POST', '/typing', 'set-typing-status'),
  e('GET', '/users/{user_id_or_email}/presence', 'get-user-presence'),
  e('GET', '/realm/presence', 'get-presence'),
  e('GET', '/attachments', 'get-attachments'),
  e('DELETE', '/attachments/{attachment_id}', 'remove-attachment'),
  e('PATCH', '/settings', 'update-settings'),
  e('GET', '/user_groups', 'get-user-groups'),
  e('POST', '/user_groups/create', 'create-user-group'),
  e('PATCH', '/user_groups/{user_group_id}', 'update-user-group'),
  e('DELETE', '/user_groups/{user_group_id}', 'remove-user-group'),
  e('POST', '/user_groups/{user_group_id}/members', 'update-user-group-members'),
  e('POST', '/user_groups/{user_group_id}/subgroups', 'update-user-group-subgroups'),
  e('GET', '/user_groups/{user_group_id}/members/{user_id}', 'get-is-user-group-member'),
  e('GET', '/user_groups/{user_group_id}/members', 'get-user-group-members'),
  e('GET', '/user_groups/{user_group_id}/subgroups', 'get-user-group-subgroups'),
  e('POST', '/users/me/muted_users/{muted_user_id}', 'mute-user'),
  e('DELETE', '/users/me/muted_users/{muted_user_id}', 'unmute-user'),
  e('GET', '/users/me/alert_words', 'get-alert-words'),
  e('POST', '/users/me/alert_words', 'add-alert-words'),
  e('DELETE', '/users/me/alert_words', 'remove-alert-words'),
  // Invitations
  e('GET', '/invites', 'get-invites'),
  e('POST', '/invites', 'send-invites'),
  e('POST', '/invites/multiuse', 'create-invite-link'),
  e('POST', '/invites/{invite_id}/resend', 'resend-email-invite'),
  e('DELETE', '/invites/{invite_id}', 'revoke-email-invite'),
  e('DELETE', '/invites/multiuse/{invite_id}', 'revoke-invite-link'),
  // Server & organizations
  e('GET', '/server_settings', 'get-server-settings'),
  e('GET', '/realm/linkifiers', 'get-linkifiers'),
  e('POST', '/realm/filters', 'add-linkifier'),
  e('PATCH', '/realm/filters/{filter_id}', 'update-linkifier'),
  e('DELETE', '/realm/filters/{filter_id}', 'remove-linkifier'),
  e('PATCH', '/realm/linkifiers', 'reorder-linkifiers'),
  e('POST', '/realm/playgrounds', 'add-code-playground'),
  e('DELETE', '/realm/playgrounds/{playground_id}', 'remove-code-playground'),
  e('GET', '/realm/emoji', 'get-custom-emoji'),
  e('POST', '/realm/emoji/{emoji_name}', 'upload-custom-emoji'),
  e('DELETE', '/realm/emoji/{emoji_name}', 'deactivate-custom-emoji'),
  e('GET', '/realm/profile_fields', 'get-custom-profile-fields'),
  e('PATCH', '/realm/profile_fields', 'reorder-custom-profile-fields'),
  e('POST', '/realm/profile_fields', 'create-custom-profile-field'),
  e('PATCH', '/realm/user_settings_defaults', 'update-realm-user-settings-defaults'),
  // Real-time events
  e('POST', '/register', 'register-queue'),
  e('GET', '/events', 'get-events'),
  e('DELETE', '/events', 'delete-queue'),
  // Specialty endpoints
  e('POST', '/fetch_api_key', 'fetch-api-key'),
  e('POST', '/dev_fetch_api_key', 'dev-fetch-api-key'),
  e('POST', '/mobile_push/test_notification', 'test-notify'),
  e('POST', '/mobile_push/test', 'test-notify (the path this list first had)'),
  e('POST', '/users/me/apns_device_token', 'add-apns-token'),
  e('DELETE', '/users/me/apns_device_token', 'remove-apns-token'),
  e('POST', '/users/me/android_gcm_reg_id', 'add-fcm-token'),
  e('DELETE', '/users/me/android_gcm_reg_id', 'remove-fcm-token'),
  e('GET', '/calls/bigbluebutton/create', 'create-big-blue-button-video-call'),
  // Called by Zulip's clients, outside the documentation's index
  e('GET', '/realm/filters', 'zulip-js filters.retrieve'),
  e('PATCH', '/realm/profile_fields/{field_id}', 'python-zulip-api update_realm_profile_field'),
  e('DELETE', '/realm/profile_fields/{field_id}', 'python-zulip-api remove_realm_profile_field'),
  e('PATCH', '/users/me/profile_data', 'python-zulip-api (custom profile data)'),
  e('POST', '/users/me/presence', 'python-zulip-api update_presence'),
  e('PATCH', '/settings/notifications', 'python-zulip-api update_notification_settings'),
  e('PATCH', '/settings/display', 'Zulip mobile (display settings)'),
  e('GET', '/bot_storage', 'python-zulip-api get_storage'),
  e('PUT', '/bot_storage', 'python-zulip-api update_storage'),
  e('DELETE', '/bot_storage', 'zulip_bots storage.remove'),
  e('GET', '/bots', 'Zulip web app (bots list)'),
  e('POST', '/bots', 'Zulip web app (create bot)'),
  e('POST', '/users/me/api_key/regenerate', 'Zulip web app (regenerate API key)'),
  e('GET', '/realm/domains', 'Zulip web app (allowed domains)'),
  e('GET', '/users/{user_id}/status', 'get-user-status'),
];

/**
 * Documented endpoints this server does not have yet, and why. The sweep fails when one of them
 * starts answering (take it off this list) or when any other endpoint goes missing.
 */
export const NOT_YET_IMPLEMENTED: Readonly<Record<string, string>> = {};
