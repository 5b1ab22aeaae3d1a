import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Authenticator } from '../auth/authenticator';
import { writeApiAnswer, writeApiError } from '../common/api-answer';
import { ignoredParams, successEnvelope } from '../common/envelope.interceptor';
import { parseParams, ParamsRequest } from '../common/params';
import type { SessionRequest } from '../sessions/session-authenticator';
import { SendMessageDto } from './dto/send-message.dto';
import { MessageSendService } from './message-send.service';
import { sendMessage } from './send-message';

export const SEND_PATH = '/api/v1/messages';

/**
 * `POST /api/v1/messages` with HTTP Basic credentials (every API client and bot sends this way),
 * answered as an Express route ahead of Nest's router. The body parsers and the edge's checks
 * (size, encoding, storable text) have run as for every request; what is skipped is Nest's
 * per-request machinery (guard and interceptor chain, observables), a third of a send's time on
 * the server. The rules are the same ones, shared, in the guard's order: the Authenticator's
 * (realm, credentials, account state; incoming-webhook bots allowed, as the controller's
 * @WebhookBotAllowed says), the rate limit and its headers, the SendMessageDto rules, the
 * endpoint's (sendMessage), the success envelope with the ignored parameters, and the error
 * envelope. The browser's `/json/messages` (session and CSRF token) keeps the controller.
 */
@Injectable()
export class MessageSendRoute {
  constructor(
    private readonly auth: Authenticator,
    private readonly sender: MessageSendService,
  ) {}

  /** The Express middleware: answers API sends, passes everything else on. */
  readonly handle = (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || req.path !== SEND_PATH || (req as SessionRequest).viaSession) {
      return next();
    }
    void this.answer(req as ParamsRequest, res);
  };

  private async answer(req: ParamsRequest, res: Response): Promise<void> {
    let headers: Record<string, string> = NO_HEADERS;
    try {
      const { realm, user, verdict } = await this.auth.admit(
        req.headers.host,
        req.headers.authorization,
        true,
      );
      headers = verdict.headers;
      if (verdict.error) throw verdict.error;
      const params = req.zulipParams ?? {};
      const consumed = new Set<string>();
      const p = parseParams(SendMessageDto, params, consumed);
      const body = await sendMessage(this.sender, user, realm, p, {
        clientParam: params.client,
        userAgent: req.headers['user-agent'],
      });
      const answer = JSON.stringify(successEnvelope(body, ignoredParams(params, consumed)));
      writeApiAnswer(res, 200, headers, answer);
    } catch (err) {
      writeApiError(res, headers, err);
    }
  }
}

const NO_HEADERS: Record<string, string> = {};
