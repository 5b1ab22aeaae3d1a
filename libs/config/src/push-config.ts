/**
 * Mobile push notifications through Zulip's Mobile Push Notification Service (the "push
 * bouncer"): the server registered there gets an id and a key, and posts notifications to it;
 * the service forwards them to Apple's and Google's push services.
 */
export interface PushConfig {
  /** PUSH_NOTIFICATION_BOUNCER_URL: `https://push.zulipchat.com` (no trailing path). */
  bouncerUrl: string;
  /** ZULIP_ORG_ID: the UUID the service knows this server by. */
  orgId: string;
  /** ZULIP_ORG_KEY: the secret that goes with it. */
  orgKey: string;
}

type Env = Record<string, string | undefined>;
type Fail = (message: string) => never;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Printable ASCII without spaces or a colon (it travels as HTTP Basic auth). */
const KEY = /^[\x21-\x39\x3b-\x7e]{16,255}$/;

/**
 * The push settings: all three of PUSH_NOTIFICATION_BOUNCER_URL, ZULIP_ORG_ID and ZULIP_ORG_KEY,
 * or none (push notifications off).
 */
export function loadPushConfig(env: Env, fail: Fail): PushConfig | undefined {
  const bouncerUrl = env.PUSH_NOTIFICATION_BOUNCER_URL || undefined;
  const orgId = env.ZULIP_ORG_ID || undefined;
  const orgKey = env.ZULIP_ORG_KEY || undefined;
  if (bouncerUrl === undefined && orgId === undefined && orgKey === undefined) return undefined;
  if (bouncerUrl === undefined || orgId === undefined || orgKey === undefined) {
    return fail(
      'PUSH_NOTIFICATION_BOUNCER_URL, ZULIP_ORG_ID and ZULIP_ORG_KEY must be set together',
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(bouncerUrl);
  } catch {
    return fail(`PUSH_NOTIFICATION_BOUNCER_URL is not a valid URL: "${bouncerUrl}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return fail(`PUSH_NOTIFICATION_BOUNCER_URL must use https: or http:, got "${parsed.protocol}"`);
  }
  if (parsed.username !== '' || parsed.password !== '' || parsed.search !== '') {
    return fail('PUSH_NOTIFICATION_BOUNCER_URL must not carry credentials or a query string');
  }
  if (!UUID.test(orgId)) return fail(`ZULIP_ORG_ID must be a UUID, got "${orgId}"`);
  if (!KEY.test(orgKey)) {
    return fail('ZULIP_ORG_KEY must be 16-255 printable characters without spaces or ":"');
  }
  return { bouncerUrl: parsed.origin, orgId: orgId.toLowerCase(), orgKey };
}
