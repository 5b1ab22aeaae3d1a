import * as http from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { ZulipError } from './zulip-error';

/** Paths the webhook gateway serves; the server forwards them so webhook URLs look like Zulip's. */
export const GATEWAY_PATHS = ['/api/v1/external/', '/integrations'];

/**
 * Streams matching requests to the gateway unchanged (method, headers including Host, body) and
 * its answer back. Registered before the body parsers so the raw body reaches the gateway, which
 * needs it byte for byte to check signatures.
 */
export function gatewayProxy(gatewayUrl: string) {
  const target = new URL(gatewayUrl);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!GATEWAY_PATHS.some((p) => req.url.startsWith(p))) return next();
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port || 80,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) return res.destroy();
      res
        .status(502)
        .json(
          new ZulipError(
            'BAD_GATEWAY',
            'The webhook gateway is not reachable; try again shortly',
            502,
          ).envelope(),
        );
    });
    req.pipe(upstream);
  };
}
