import * as http from 'node:http';
import * as https from 'node:https';
import { REPLAY_OF_HEADER } from '@hub/api/webhook-delivery.types';
import { ZulipError } from '../common/zulip-error';

/** A stored delivery as the server hands it back to the gateway's intake path. */
export interface Replay {
  integration: string;
  host: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: Buffer;
  apiKey: string;
  /** The original delivery's id: the gateway posts once per original within its replay window. */
  originalId: number;
}

/**
 * Posts a stored delivery to `<GATEWAY_URL>/api/v1/external/<integration>` as it first arrived
 * (same headers, body and Host), with the bot's current key. The gateway answers once it has
 * queued the message (durably, in Redis mode), so a success here means the replay will be posted.
 */
export function sendToGateway(gatewayUrl: string, replay: Replay): Promise<void> {
  const url = new URL(`/api/v1/external/${encodeURIComponent(replay.integration)}`, gatewayUrl);
  for (const [k, v] of Object.entries(replay.query)) url.searchParams.set(k, v);
  url.searchParams.set('api_key', replay.apiKey);
  const headers: Record<string, string> = {
    ...replay.headers,
    host: replay.host || url.host,
    'content-length': String(replay.body.length),
    [REPLAY_OF_HEADER]: String(replay.originalId),
  };
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let body: { result?: unknown; msg?: unknown } = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          body = {};
        }
        const status = res.statusCode ?? 502;
        if (status >= 200 && status < 300) return resolve();
        const why = typeof body.msg === 'string' && body.msg ? body.msg : `status ${status}`;
        reject(
          status >= 500
            ? new ZulipError(
                'BAD_GATEWAY',
                `The webhook gateway did not take the replay: ${why}`,
                502,
              )
            : ZulipError.badRequest(`The webhook gateway refused the replay: ${why}`),
        );
      });
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', () =>
      reject(
        new ZulipError(
          'BAD_GATEWAY',
          'The webhook gateway is not reachable; try again shortly',
          502,
        ),
      ),
    );
    req.end(replay.body);
  });
}
