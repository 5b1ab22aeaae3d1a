import * as fs from 'node:fs';
import { ZulipError } from '@hub/api/zulip-error';
import type { IntegrationDefinition } from '../../../integrations/core/integration';
import {
  SignatureError,
  SignedRequest,
  webhookTokenHeader,
} from '../../../integrations/core/verify';

/**
 * Webhook secrets, from WEBHOOK_SECRETS_FILE: `{ "<bot email>": "secret" }` for every integration
 * of that bot, or `{ "<bot email>": { "github": "s1", "gitlab": "s2" } }` per integration.
 * Zulip checks no signatures; with a secret configured we do (see integrations/core/verify.ts).
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

/**
 * Checks the request's signature when a secret is configured for this bot and integration, the way
 * the integration's service signs (its `verify`), or else by an `X-Webhook-Token` header.
 */
export function verifySignature(
  secrets: WebhookSecrets,
  botEmail: string,
  integration: IntegrationDefinition,
  request: SignedRequest,
): void {
  const secret = secrets.secretFor(botEmail, integration.name);
  if (secret === null) return;
  try {
    (integration.verify ?? webhookTokenHeader)(secret, request);
  } catch (err) {
    if (err instanceof SignatureError) throw new ZulipError('UNAUTHORIZED', err.message, 401);
    throw err;
  }
}
