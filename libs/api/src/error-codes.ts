/**
 * The `code` of an error envelope: Zulip's `ErrorCode` names (zerver/lib/exceptions.py), which
 * clients branch on, plus the few this server adds. `ZulipError` accepts only these, so a
 * misspelt code does not compile.
 */
export const ZULIP_ERROR_CODES = [
  'BAD_REQUEST',
  'REQUEST_VARIABLE_MISSING',
  'REQUEST_VARIABLE_INVALID',
  'INVALID_JSON',
  'BAD_IMAGE',
  'REALM_UPLOAD_QUOTA',
  'BAD_NARROW',
  'CANNOT_DEACTIVATE_LAST_USER',
  'MISSING_HTTP_EVENT_HEADER',
  'STREAM_DOES_NOT_EXIST',
  'UNAUTHORIZED_PRINCIPAL',
  'UNSUPPORTED_WEBHOOK_EVENT_TYPE',
  'ANOMALOUS_WEBHOOK_PAYLOAD',
  'BAD_EVENT_QUEUE_ID',
  'CSRF_FAILED',
  'INVITATION_FAILED',
  'INVALID_ZULIP_SERVER',
  'INVALID_PUSH_DEVICE_TOKEN',
  'INVALID_REMOTE_PUSH_DEVICE_TOKEN',
  'PUSH_SERVICE_NOT_CONFIGURED',
  'INVALID_MARKDOWN_INCLUDE_STATEMENT',
  'REQUEST_CONFUSING_VAR',
  'INVALID_API_KEY',
  'INVALID_ZOOM_TOKEN',
  'UNAUTHENTICATED_USER',
  'NONEXISTENT_SUBDOMAIN',
  'RATE_LIMIT_HIT',
  'USER_DEACTIVATED',
  'REALM_DEACTIVATED',
  'REMOTE_SERVER_DEACTIVATED',
  'PASSWORD_AUTH_DISABLED',
  'PASSWORD_RESET_REQUIRED',
  'AUTHENTICATION_FAILED',
  'UNAUTHORIZED',
  'REQUEST_TIMEOUT',
  'MOVE_MESSAGES_TIME_LIMIT_EXCEEDED',
  'REACTION_ALREADY_EXISTS',
  'REACTION_DOES_NOT_EXIST',
  'SERVER_NOT_READY',
  // This server's own: the webhook gateway unreachable from the server, the server unreachable
  // from the gateway, and an unexpected failure.
  'BAD_GATEWAY',
  'SERVER_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  // The web client's external sign-in: no account for the identity a proxy or OpenID provider
  // vouched for, the provider refusing or unreachable, and a remote-user header from an
  // address that is not a trusted proxy.
  'NO_ACCOUNT',
  'OIDC_FAILED',
  'OIDC_UNAVAILABLE',
  'UNTRUSTED_PROXY',
] as const;

export type ZulipErrorCode = (typeof ZULIP_ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ZULIP_ERROR_CODES);

/** Whether a code that arrived from elsewhere (another process's answer) is one of ours. */
export function isZulipErrorCode(code: string): code is ZulipErrorCode {
  return KNOWN.has(code);
}
