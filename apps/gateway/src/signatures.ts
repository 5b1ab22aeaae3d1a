import { timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import type * as OctokitWebhooks from '@octokit/webhooks';
import { esmRequire } from '@hub/esm';
import { ZulipError } from '@hub/api/zulip-error';

/**
 * Webhook secrets, from WEBHOOK_SECRETS_FILE: `{ "<bot email>": "secret" }` for every integration
 * of that bot, or `{ "<bot email>": { "github": "s1", "gitlab": "s2" } }` per integration.
 * Zulip checks no signatures; with a secret configured we do.
 */
export class WebhookSecrets {
  private constructor(private readonly byBot: Record<string, string | Record<string, string>>) {}

  static load(file: string | undefined): WebhookSecrets {
    if (!file) return new WebhookSecrets({});
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(
        `WEBHOOK_SECRETS_FILE ${file} is unreadable or not JSON: ${(err as Error).message}`,
      );
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error(`WEBHOOK_SECRETS_FILE ${file} must hold a JSON object keyed by bot email`);
    }
    for (const [email, value] of Object.entries(parsed)) {
      const ok =
        typeof value === 'string' ||
        (value &&
          typeof value === 'object' &&
          Object.values(value).every((v) => typeof v === 'string'));
      if (!ok)
        throw new Error(
          `WEBHOOK_SECRETS_FILE ${file}: the entry for ${email} must be a string or an object of strings`,
        );
    }
    return new WebhookSecrets(parsed as Record<string, string | Record<string, string>>);
  }

  static of(entries: Record<string, string | Record<string, string>>): WebhookSecrets {
    return new WebhookSecrets(entries);
  }

  secretFor(botEmail: string, integration: string): string | null {
    const entry = this.byBot[botEmail.toLowerCase()] ?? this.byBot[botEmail];
    if (entry === undefined) return null;
    return typeof entry === 'string' ? entry : (entry[integration] ?? null);
  }
}

let loaded: typeof OctokitWebhooks | undefined;

/** @octokit/webhooks ships only an ES module: see esmRequire. */
function octokitWebhooks(): typeof OctokitWebhooks {
  loaded ??= esmRequire<typeof OctokitWebhooks>('@octokit/webhooks');
  return loaded;
}

const mismatch = () => new ZulipError('UNAUTHORIZED', 'Webhook signature mismatch', 401);

/** GitHub: `X-Hub-Signature-256: sha256=<hmac>` over the raw body, checked by @octokit/webhooks. */
export async function verifyGithubSignature(
  secret: string,
  rawBody: Buffer,
  header: string | undefined,
): Promise<void> {
  if (!header) throw new ZulipError('UNAUTHORIZED', 'Missing X-Hub-Signature-256 header', 401);
  const ok = await new (octokitWebhooks().Webhooks)({ secret })
    .verify(rawBody.toString('utf8'), header)
    .catch(() => false);
  if (!ok) throw mismatch();
}

/** GitLab: `X-Gitlab-Token` equals the secret, compared in constant time. */
export function verifyGitlabToken(secret: string, header: string | undefined): void {
  if (!header) throw new ZulipError('UNAUTHORIZED', 'Missing X-Gitlab-Token header', 401);
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw mismatch();
}

/** Checks the request's signature when a secret is configured for this bot and integration. */
export async function verifySignature(
  secrets: WebhookSecrets,
  botEmail: string,
  integration: string,
  rawBody: Buffer,
  headers: Record<string, string | undefined>,
): Promise<void> {
  const secret = secrets.secretFor(botEmail, integration);
  if (secret === null) return;
  if (integration === 'github')
    return verifyGithubSignature(secret, rawBody, headers['x-hub-signature-256']);
  if (integration === 'gitlab') return verifyGitlabToken(secret, headers['x-gitlab-token']);
  // Other tools sign nothing we can check; a shared secret in a header of our own is accepted.
  const token = headers['x-webhook-token'];
  if (!token) throw new ZulipError('UNAUTHORIZED', 'Missing X-Webhook-Token header', 401);
  verifyGitlabToken(secret, token);
}
