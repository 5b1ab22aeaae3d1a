/** Settings of the incoming email gateway (emails to a channel's address become messages). */
export interface EmailGatewayConfig {
  /**
   * EMAIL_GATEWAY_PATTERN: the channel addresses, `%s` standing for the channel part, as in
   * Zulip (`%s@streams.example.com`); unset: no gateway, and no channel has an address.
   */
  pattern: string | undefined;
  /**
   * EMAIL_GATEWAY_SECRET: the shared secret `manage email-mirror` (or a mail server) presents to
   * `POST /api/internal/email_mirror_message`; unset: that endpoint refuses every message.
   */
  secret: string | undefined;
  /** EMAIL_GATEWAY_MAX_MESSAGE_BYTES: a larger raw email is refused (413; the CLI exits 65). */
  maxMessageBytes: number;
}

type Env = Record<string, string | undefined>;
type Fail = (message: string) => never;

const MIB = 1024 * 1024;
/** The server's request body limit (bootstrap.ts MAX_BODY_BYTES): an email travels in one body. */
const MAX_MESSAGE_BYTES = 25 * MIB;

/**
 * EMAIL_GATEWAY_PATTERN (unset: off), EMAIL_GATEWAY_SECRET (16+ printable characters),
 * EMAIL_GATEWAY_MAX_MESSAGE_BYTES (25 MiB, at least 1024).
 */
export function loadEmailGatewayConfig(env: Env, fail: Fail): EmailGatewayConfig {
  return {
    pattern: emailPattern(env.EMAIL_GATEWAY_PATTERN, fail),
    secret: sharedSecret(env.EMAIL_GATEWAY_SECRET, fail),
    maxMessageBytes: messageLimit(env.EMAIL_GATEWAY_MAX_MESSAGE_BYTES, fail),
  };
}

function emailPattern(raw: string | undefined, fail: Fail): string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const pattern = raw.trim();
  const at = pattern.lastIndexOf('@');
  const local = pattern.slice(0, at);
  const domain = pattern.slice(at + 1);
  if (
    at < 0 ||
    pattern.split('%s').length !== 2 ||
    !local.includes('%s') ||
    !/^[a-z0-9.-]+\.?[a-z0-9-]*$/i.test(domain) ||
    !/^[A-Za-z0-9._+%-]+$/.test(local)
  ) {
    return fail(
      `EMAIL_GATEWAY_PATTERN must be an address with one %s in its local part, like %s@streams.example.com, got "${raw}"`,
    );
  }
  return pattern;
}

function sharedSecret(raw: string | undefined, fail: Fail): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[\x21-\x7e]{16,}$/.test(raw)) {
    return fail('EMAIL_GATEWAY_SECRET must be at least 16 printable characters without spaces');
  }
  return raw;
}

function messageLimit(raw: string | undefined, fail: Fail): number {
  if (raw === undefined || raw === '') return MAX_MESSAGE_BYTES;
  if (!/^\d+$/.test(raw)) {
    return fail(`EMAIL_GATEWAY_MAX_MESSAGE_BYTES must be a whole number, got "${raw}"`);
  }
  const value = Number(raw);
  if (value < 1024 || value > MAX_MESSAGE_BYTES) {
    return fail(
      `EMAIL_GATEWAY_MAX_MESSAGE_BYTES must be between 1024 and ${MAX_MESSAGE_BYTES}, got ${value}`,
    );
  }
  return value;
}
