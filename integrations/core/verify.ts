import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { multipartFields } from './multipart';

/**
 * How a webhook proves it came from the service, checked when WEBHOOK_SECRETS_FILE holds a secret
 * for the bot and integration (Zulip checks none; the api_key in the URL is its only proof). An
 * integration names its service's scheme with one of the helpers below; without one, the gateway
 * expects the secret in an `X-Webhook-Token` header the operator adds to the service's webhook.
 */
export interface SignedRequest {
  rawBody: Buffer;
  /** Header names lowercased. */
  headers: Record<string, string | undefined>;
  query: Record<string, string>;
}

export type SignatureCheck = (secret: string, request: SignedRequest) => void;

/** The request is not signed with the configured secret: the gateway answers 401. */
export class SignatureError extends Error {}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerOf(request: SignedRequest, header: string): string {
  const value = request.headers[header.toLowerCase()];
  if (!value) throw new SignatureError(`Missing ${header} header`);
  return value.trim();
}

const mismatch = () => new SignatureError('Webhook signature mismatch');

export interface HmacOptions {
  header: string;
  algorithm?: 'sha1' | 'sha256' | 'sha512';
  encoding?: 'hex' | 'base64';
  /** What precedes the digest in the header, e.g. "sha256=". */
  prefix?: string;
  /**
   * The header may hold several signatures split by this (PagerDuty's "v1=…,v1=…" while a secret
   * is rotated); any one matching passes.
   */
  separator?: string;
}

/** An HMAC of the raw body in a header: GitHub, Gitea, Gogs, Bitbucket, SonarQube, Review Board. */
export function hmacHeader(options: HmacOptions): SignatureCheck {
  const { header, algorithm = 'sha256', encoding = 'hex', prefix = '', separator } = options;
  return (secret, request) => {
    const value = headerOf(request, header);
    const given = separator ? value.split(separator).map((s) => s.trim()) : [value];
    const digest = createHmac(algorithm, secret).update(request.rawBody).digest(encoding);
    const expected = `${prefix}${digest}`;
    // Hex digits may come in either case; base64 is case-sensitive.
    const normalize = (s: string) => (encoding === 'hex' ? s.toLowerCase() : s);
    if (!given.some((g) => sameText(normalize(g), normalize(expected)))) throw mismatch();
  };
}

/** The secret itself in a header (GitLab's X-Gitlab-Token, Harbor's Authorization). */
export function tokenHeader(header: string, options: { prefix?: string } = {}): SignatureCheck {
  return (secret, request) => {
    if (!sameText(headerOf(request, header), `${options.prefix ?? ''}${secret}`)) throw mismatch();
  };
}

/** The secret in a URL parameter the operator adds to the webhook URL (e.g. `&secret=…`). */
export function tokenParam(param: string): SignatureCheck {
  return (secret, request) => {
    const given = request.query[param];
    if (!given) throw new SignatureError(`Missing ${param} parameter`);
    if (!sameText(given, secret)) throw mismatch();
  };
}

/**
 * HTTP basic auth whose password is the secret (the *arr family's webhook Username and Password,
 * Home Assistant's `rest_command` `password`); any user name. The gateway reads the api_key from
 * the URL, so basic auth is free to carry the secret.
 */
export function basicAuthPassword(): SignatureCheck {
  return (secret, request) => {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headerOf(request, 'Authorization'));
    if (!match) throw mismatch();
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0 || !sameText(decoded.slice(colon + 1), secret)) throw mismatch();
  };
}

/**
 * Stripe's scheme: `t=<unix time>,v1=<hex>[,v1=...]`, each v1 an HMAC-SHA256 of `<t>.<raw body>`
 * keyed with the endpoint's signing secret; any v1 matching passes (several while a secret rolls).
 */
export function stripeSignature(header: string): SignatureCheck {
  return (secret, request) => {
    const parts = headerOf(request, header)
      .split(',')
      .map((part) => part.trim().split('='));
    const timestamp = parts.find(([k]) => k === 't')?.[1];
    if (!timestamp) throw mismatch();
    const expected = createHmac('sha256', secret)
      .update(`${timestamp}.`)
      .update(request.rawBody)
      .digest('hex');
    if (!parts.some(([k, v]) => k === 'v1' && v !== undefined && sameText(v, expected))) {
      throw mismatch();
    }
  };
}

/** The secret as a field of the JSON or form body (RhodeCode's and Slack's `token`). */
export function tokenInBody(field: string): SignatureCheck {
  return (secret, request) => {
    const text = request.rawBody.toString('utf8');
    let given: unknown;
    try {
      given = (JSON.parse(text) as Record<string, unknown>)[field];
    } catch {
      given = new URLSearchParams(text).get(field) ?? undefined;
    }
    if (typeof given !== 'string' || given === '') {
      throw new SignatureError(`Missing ${field} in the payload`);
    }
    if (!sameText(given, secret)) throw mismatch();
  };
}

/**
 * HelloSign's `event.event_hash`: the hex HMAC-SHA256 of `event_time` + `event_type`, keyed with
 * the account's API key (the secret). The callback is a multipart or URL-encoded form whose `json`
 * field holds the event, or the JSON itself.
 */
export function helloSignEventHash(): SignatureCheck {
  return (secret, request) => {
    const text = request.rawBody.toString('utf8');
    const form =
      multipartFields(request.rawBody, request.headers['content-type']) ??
      Object.fromEntries(new URLSearchParams(text));
    let event: Record<string, unknown> | undefined;
    try {
      const callback = JSON.parse(form.json ?? text) as { event?: Record<string, unknown> } | null;
      event = callback?.event;
    } catch {
      event = undefined;
    }
    const [time, type, hash] = [event?.event_time, event?.event_type, event?.event_hash];
    if (typeof time !== 'string' || typeof type !== 'string' || typeof hash !== 'string') {
      throw new SignatureError('Missing event_time, event_type or event_hash in the callback');
    }
    const expected = createHmac('sha256', secret).update(`${time}${type}`).digest('hex');
    if (!sameText(hash.toLowerCase(), expected)) throw mismatch();
  };
}

/**
 * Transifex's `X-TX-Signature-V2`: the base64 HMAC-SHA256, keyed with the project's webhook
 * secret, of `POST`, the URL Transifex called (its `X-TX-Url` header, so a proxy rewriting the
 * URL does not matter), the `Date` header and the hex MD5 of the raw body, one per line.
 */
export function transifexSignature(): SignatureCheck {
  return (secret, request) => {
    const given = headerOf(request, 'X-TX-Signature-V2');
    const line = [
      'POST',
      headerOf(request, 'X-TX-Url'),
      headerOf(request, 'Date'),
      createHash('md5').update(request.rawBody).digest('hex'),
    ].join('\n');
    const expected = createHmac('sha256', secret).update(line).digest('base64');
    if (!sameText(given, expected)) throw mismatch();
  };
}

/** The default: a header of the operator's own, for services that sign nothing. */
export const webhookTokenHeader: SignatureCheck = tokenHeader('X-Webhook-Token');

/**
 * A JSON Web Signature (HS256) in a header whose claims carry the body's SHA-256 (Netlify's
 * `X-Webhook-Signature`, with `iss: "netlify"`).
 */
export function jwsHeader(header: string, issuer: string): SignatureCheck {
  return (secret, request) => {
    const parts = headerOf(request, header).split('.');
    if (parts.length !== 3) throw mismatch();
    const [head, claims, signature] = parts;
    const expected = createHmac('sha256', secret).update(`${head}.${claims}`).digest('base64url');
    if (!sameText(signature, expected)) throw mismatch();
    let payload: { iss?: unknown; sha256?: unknown };
    try {
      payload = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as typeof payload;
    } catch {
      throw mismatch();
    }
    const bodyHash = createHash('sha256').update(request.rawBody).digest('hex');
    if (payload.iss !== issuer || payload.sha256 !== bodyHash) throw mismatch();
  };
}

/** Passes when any one of the checks passes (a service that signs in more than one way). */
export function anyOf(...checks: SignatureCheck[]): SignatureCheck {
  return (secret, request) => {
    let failure: unknown;
    for (const check of checks) {
      try {
        return check(secret, request);
      } catch (err) {
        failure ??= err;
      }
    }
    throw failure;
  };
}
