import { Injectable } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import * as querystring from 'node:querystring';
import { Authenticator } from '../../auth/authenticator';
import { installInFront, writeApiAnswer as send, writeApiError } from '../../common/api-answer';
import { flatten } from '../../common/params.middleware';
import { answerBody, pollOptions } from './events-answer';
import { EventsService } from './events.service';
import { pollParams } from './poll-params';
import { plainQuery } from './plain-query';

export const EVENTS_PATH = '/api/v1/events';

/**
 * `GET /api/v1/events` naming a queue, answered in front of Express and Nest. A message to a
 * big stream answers every one of its readers' polls at once, and each comes straight back: at a
 * thousand readers that is tens of thousands of polls a second, where the framework's per-request
 * work (router, interceptors, observables) would cost more than the poll itself. The rules are
 * the same ones, shared: the Authenticator (realm, credentials, bot rules, rate limit), the
 * GetEventsDto rules (pollParams), the events service and the error envelope. Everything else,
 * including polls without `queue_id` (which register a queue), goes on to the request listeners
 * installed before it (the API's no-store headers, Express); its own answers carry those headers.
 */
@Injectable()
export class LongPollFastPath {
  constructor(
    private readonly auth: Authenticator,
    private readonly events: EventsService,
  ) {}

  /**
   * Puts the fast path in front of the HTTP server's request listeners (no-store, Express), which
   * get every request it does not answer, in their order.
   */
  install(server: Server): void {
    installInFront(server, (req, res) => {
      const params = this.pollParams(req);
      if (params) this.answer(req, res, params);
      return params !== null;
    });
  }

  /** The query parameters of a poll this path answers, or null for any other request. */
  private pollParams(req: IncomingMessage): Record<string, string> | null {
    if (req.method !== 'GET' || !req.url?.startsWith(EVENTS_PATH)) return null;
    const rest = req.url.slice(EVENTS_PATH.length);
    if (rest !== '' && !rest.startsWith('?')) return null;
    const query = rest.slice(1);
    let params = plainQuery(query);
    if (!params) {
      params = {};
      flatten(querystring.parse(query), params);
    }
    return params.queue_id ? params : null;
  }

  /**
   * With the lookup caches warm and the rate limits and queues in this process, a poll is
   * answered without a promise: authenticated from the caches, counted, read, and answered at
   * once or parked; the publication that wakes it answers it in the same synchronous pass. Any
   * part that must wait (a row to read, Redis) sends the poll the asynchronous way, by the same
   * rules.
   */
  private answer(req: IncomingMessage, res: ServerResponse, params: Record<string, string>): void {
    let headers: Record<string, string> = NO_HEADERS;
    try {
      const user = this.auth.authenticateCached(req.headers.host, req.headers.authorization, false);
      const verdict = user && this.auth.rateLimitNow(user);
      if (!user || !verdict) return void this.answerLater(req, res, params);
      headers = verdict.headers;
      if (verdict.error) throw verdict.error;
      this.poll(res, user.id, params, headers);
    } catch (err) {
      writeApiError(res, headers, err);
    }
  }

  private async answerLater(
    req: IncomingMessage,
    res: ServerResponse,
    params: Record<string, string>,
  ): Promise<void> {
    let headers: Record<string, string> = NO_HEADERS;
    try {
      const realm = await this.auth.realmFor(req.headers.host);
      const user = await this.auth.authenticate(realm, req.headers.authorization, false);
      const verdict = await this.auth.rateLimit(user);
      headers = verdict.headers;
      if (verdict.error) throw verdict.error;
      this.poll(res, user.id, params, headers);
    } catch (err) {
      writeApiError(res, headers, err);
    }
  }

  private poll(
    res: ServerResponse,
    userId: number,
    params: Record<string, string>,
    headers: Record<string, string>,
  ): void {
    const { poll, ignored } = pollParams(params);
    this.events.pollThen(userId, pollOptions(res, poll), (error, texts) => {
      if (error) writeApiError(res, headers, error);
      else send(res, 200, headers, answerBody(poll.queueId, texts, ignored));
    });
  }
}

const NO_HEADERS: Record<string, string> = {};
