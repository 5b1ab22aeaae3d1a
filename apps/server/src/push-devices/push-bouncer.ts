import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig, PushConfig } from '@hub/config';
import { guardedFetch } from '../common/guarded-fetch';
import { SERVER_VERSION } from '../common/version';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';
import type { JsonObject } from './push-payloads';

/** How long one call to the bouncer may take (Zulip's). */
const TIMEOUT_MS = 30_000;
/** The bouncer's answers are a few hundred bytes. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/** The bouncer could not be reached or failed (5xx): worth trying again later. */
export class BouncerUnavailableError extends Error {}

/** The bouncer refused the request (4xx): trying again would not help. */
export class BouncerRefusedError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Zulip's Mobile Push Notification Service as this server calls it: `POST
 * /api/v1/remotes/<endpoint>` with HTTP Basic auth (ZULIP_ORG_ID:ZULIP_ORG_KEY); device
 * registrations as a form, notifications as JSON. Unconfigured (`config` undefined), every call
 * is refused with Zulip's PUSH_SERVICE_NOT_CONFIGURED error.
 */
@Injectable()
export class PushBouncer {
  private readonly config: PushConfig | undefined;
  private readonly fetch: ReturnType<typeof guardedFetch>;

  constructor(@Inject(APP_CONFIG) appConfig: AppConfig) {
    this.config = appConfig.push;
    // The bouncer is the administrator's choice: it may be on a private address.
    const allowed = new Set(this.config ? [new URL(this.config.bouncerUrl).hostname] : []);
    this.fetch = guardedFetch({
      allowedHosts: allowed,
      timeoutMs: TIMEOUT_MS,
      maxBytes: MAX_ANSWER_BYTES,
    });
  }

  get configured(): boolean {
    return this.config !== undefined;
  }

  /** ZULIP_ORG_ID: the bouncer's name for this server (`server_uuid` in registrations). */
  get orgId(): string {
    if (!this.config) throw PushBouncer.notConfigured();
    return this.config.orgId;
  }

  /**
   * Whose registrations a call names (Zulip's fields): this server, the user and their realm;
   * `user_id` too, for registrations made before `user_uuid` existed.
   */
  registrant(user: { id: number; uuid: string; realm_uuid: string }): Record<string, string> {
    return {
      server_uuid: this.orgId,
      user_uuid: user.uuid,
      realm_uuid: user.realm_uuid,
      user_id: String(user.id),
    };
  }

  /** Zulip's error for a server without a push service. */
  static notConfigured(): ZulipError {
    return new ZulipError(
      'PUSH_SERVICE_NOT_CONFIGURED',
      'Server is not configured to use push notification service.',
    );
  }

  /** Posts a form (`push/register`, `push/unregister`). */
  postForm(endpoint: string, fields: Record<string, string | number>): Promise<JsonObject> {
    const body = new URLSearchParams(
      Object.entries(fields).map(([name, value]): [string, string] => [name, String(value)]),
    ).toString();
    return this.post(endpoint, body, 'application/x-www-form-urlencoded');
  }

  /** Posts JSON (`push/notify`, `push/test_notification`). */
  postJson(endpoint: string, data: JsonObject): Promise<JsonObject> {
    return this.post(endpoint, JSON.stringify(data), 'application/json');
  }

  private async post(endpoint: string, body: string, type: string): Promise<JsonObject> {
    const config = this.config;
    if (!config) throw PushBouncer.notConfigured();
    const url = new URL(`/api/v1/remotes/${endpoint}`, config.bouncerUrl);
    const auth = Buffer.from(`${config.orgId}:${config.orgKey}`).toString('base64');
    let res: Response;
    try {
      res = await this.fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${auth}`,
          'content-type': type,
          'user-agent': `ZulipServer/${SERVER_VERSION}`,
        },
        body,
      });
    } catch (err) {
      throw new BouncerUnavailableError(
        `could not reach the push notification bouncer: ${(err as Error).message}`,
      );
    }
    const text = await res.text();
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      answer = undefined;
    }
    const object =
      typeof answer === 'object' && answer !== null && !Array.isArray(answer)
        ? (answer as JsonObject)
        : {};
    if (res.status >= 400 && res.status < 500) {
      const msg = typeof object.msg === 'string' ? object.msg : undefined;
      throw new BouncerRefusedError(
        msg ?? `Error received from push notification bouncer (${res.status})`,
        typeof object.code === 'string' ? object.code : undefined,
      );
    }
    if (res.status !== 200) {
      throw new BouncerUnavailableError(`the push notification bouncer answered ${res.status}`);
    }
    return object;
  }
}

/** A bouncer failure as the API reports it to the client that asked. */
export function bouncerErrorToZulip(err: unknown): unknown {
  if (err instanceof BouncerRefusedError) {
    return err.code === 'INVALID_REMOTE_PUSH_DEVICE_TOKEN'
      ? new ZulipError('INVALID_REMOTE_PUSH_DEVICE_TOKEN', err.message)
      : ZulipError.badRequest(err.message);
  }
  if (err instanceof BouncerUnavailableError) {
    return new ZulipError(
      'BAD_REQUEST',
      'Network error while connecting to the push notification service; try again later.',
      502,
    );
  }
  return err;
}
