import { Injectable } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import * as querystring from 'node:querystring';
import { Authenticator } from '../auth/authenticator';
import { installInFront, writeApiAnswer, writeApiError } from '../common/api-answer';
import { ignoredParams, successEnvelope } from '../common/envelope.interceptor';
import { formIsUtf8 } from '../common/input-guard';
import { parseParams } from '../common/params';
import { flatten } from '../common/params.middleware';
import { badCharacters, unstorable } from '../common/unstorable';
import { ZulipError } from '../common/zulip-error';
import { GetMessagesDto } from './dto/get-messages.dto';
import { listMessages } from './list-messages';
import { MessageFetchService } from './message-fetch.service';

export const MESSAGES_PATH = '/api/v1/messages';

/**
 * `GET /api/v1/messages` with HTTP Basic credentials and its parameters in the query string (how
 * every API client reads history), answered in front of Express and Nest. A page of messages is a
 * few milliseconds of SQL; the framework's fixed cost per request (router and middlewares, guard,
 * interceptors, observables, the reply's header handling) was as much again. The rules are the
 * same ones, shared, in the same order: the edge's (query string UTF-8, parameter text a column
 * can hold), the Authenticator's (realm, credentials, account state, rate limit), the
 * GetMessagesDto rules (parseParams), the endpoint's (listMessages), the success envelope with
 * the ignored parameters, and the error envelope. Everything else (`/json/messages` with a
 * session, a request with a body, any other method or path) goes on to the request listeners
 * installed before it.
 */
@Injectable()
export class MessagesFastPath {
  constructor(
    private readonly auth: Authenticator,
    private readonly fetcher: MessageFetchService,
  ) {}

  /** Puts the fast path in front of the HTTP server's request listeners, in their order. */
  install(server: Server): void {
    installInFront(server, (req, res) => {
      const query = fastQuery(req);
      if (query !== null) void this.answer(req, res, query);
      return query !== null;
    });
  }

  private async answer(req: IncomingMessage, res: ServerResponse, query: string): Promise<void> {
    let headers: Record<string, string> = NO_HEADERS;
    try {
      // The edge (input-guard.ts, params.middleware.ts), before authentication as there.
      if (!formIsUtf8(query)) throw ZulipError.badRequest('The request is not valid UTF-8');
      const params: Record<string, string> = {};
      flatten(querystring.parse(query), params);
      for (const name in params) {
        if (unstorable(name) || unstorable(params[name])) throw badCharacters(name);
      }
      // The guard's rules (auth.guard.ts) for a Basic-auth route without options.
      const { realm, user, verdict } = await this.auth.admit(
        req.headers.host,
        req.headers.authorization,
        false,
      );
      headers = verdict.headers;
      if (verdict.error) throw verdict.error;
      const consumed = new Set<string>();
      const p = parseParams(GetMessagesDto, params, consumed);
      const body = await listMessages(this.fetcher, user, realm, p);
      const answer = JSON.stringify(successEnvelope(body, ignoredParams(params, consumed)));
      writeApiAnswer(res, 200, headers, answer);
    } catch (err) {
      writeApiError(res, headers, err);
    }
  }
}

const NO_HEADERS: Record<string, string> = {};

/**
 * The query string of a request this path answers (`GET /api/v1/messages`, no body), or null
 * for any other request.
 */
function fastQuery(req: IncomingMessage): string | null {
  const url = req.url;
  if (req.method !== 'GET' || !url?.startsWith(MESSAGES_PATH)) return null;
  if (url.length > MESSAGES_PATH.length && url[MESSAGES_PATH.length] !== '?') return null;
  // Parameters may come in a body on any method: those requests take the general way.
  if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding']) return null;
  return url.slice(MESSAGES_PATH.length + 1);
}
