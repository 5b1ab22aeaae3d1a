import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import type { IncomingMessage, Server } from 'node:http';
import type { AppConfig } from '@hub/config';
import { JsonLogger } from '@hub/api/json-logger';
import { expressRoute, instrumentHttp } from '@hub/api/metrics';
import { AppModule } from './app.module';
import { gatewayProxy } from './common/gateway-proxy';
import {
  bodyLimit,
  guardedMultipart,
  PathParamsPipe,
  rejectBadEncoding,
  verifyEncoding,
} from './common/input-guard';
import { installApiNoStore } from './common/no-store';
import { paramsMiddleware } from './common/params.middleware';
import { ZulipExceptionFilter } from './common/zulip-exception.filter';
import { EventsWsAdapter } from './events/queues/events-ws-adapter';
import { EVENTS_PATH, LongPollFastPath } from './events/queues/long-poll-fast-path';
import { ServerMetrics } from './metrics/server-metrics';
import { MESSAGES_PATH, MessagesFastPath } from './messages/messages-fast-path';
import { MessageSendRoute, SEND_PATH } from './messages/send-route';
import { jsonPrefixMiddleware } from './sessions/session-authenticator';
import { streamsOwnBody } from './uploads/upload-body';
import { clientAssets } from './web/web-assets';

export const MAX_BODY_BYTES = 25 * 1024 * 1024;
const MULTIPART_FRAMING_BYTES = 1024 * 1024;

/**
 * Idle keep-alive connections outlive those of the proxies and load balancers in front (60 s is
 * the usual default there), so a proxy never reuses a connection the server is closing; headers
 * must arrive within a little more, and a whole request (a large upload) within five minutes.
 */
export const HTTP_TIMEOUTS = {
  keepAliveTimeout: 75_000,
  headersTimeout: 80_000,
  requestTimeout: 300_000,
} as const;

/**
 * The route pattern a request took; the fast paths (polls, history) answer before Express, API
 * sends before Nest's router.
 */
function serverRoute(req: IncomingMessage): string | undefined {
  const route = expressRoute(req);
  if (route) return route;
  if (req.method === 'POST')
    return /^\/api\/v1\/messages(\?|$)/.test(req.url ?? '') ? SEND_PATH : undefined;
  if (req.method !== 'GET') return undefined;
  if (/^\/api\/v1\/events(\?|$)/.test(req.url ?? '')) return EVENTS_PATH;
  return /^\/api\/v1\/messages(\?|$)/.test(req.url ?? '') ? MESSAGES_PATH : undefined;
}

/** Builds the server application (not yet listening). Shared by `main.ts` and the tests. */
export async function createServerApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: JsonLogger.create('server', config),
  });
  app.disable('x-powered-by');
  // API answers change on every call: hashing each body for an ETag is pure cost.
  app.disable('etag');
  app.set('query parser', 'simple');
  const filter = new ZulipExceptionFilter();
  app.use(clientAssets());
  if (config.gatewayUrl) app.use(gatewayProxy(config.gatewayUrl));
  app.use(jsonPrefixMiddleware);
  // The edge (common/input-guard.ts): nothing malformed gets past these to a handler. Upload
  // endpoints stream their file to disk themselves, after authentication, under their own limit.
  const limitBody = bodyLimit(MAX_BODY_BYTES);
  // An upload's declared length may exceed its file limit only by the multipart framing.
  const { maxFileBytes, maxAvatarBytes, maxEmojiBytes } = config.uploads;
  const limitUpload = bodyLimit(
    Math.max(maxFileBytes, maxAvatarBytes, maxEmojiBytes) + MULTIPART_FRAMING_BYTES,
  );
  app.use((req: Request, res: Response, next: NextFunction) =>
    streamsOwnBody(req) ? limitUpload(req, res, next) : limitBody(req, res, next),
  );
  app.use(
    express.urlencoded({
      extended: false,
      limit: MAX_BODY_BYTES,
      parameterLimit: 10_000,
      verify: verifyEncoding,
    }),
  );
  app.use(express.json({ limit: MAX_BODY_BYTES, verify: verifyEncoding }));
  const multipart = guardedMultipart(
    multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: MAX_BODY_BYTES, fieldSize: MAX_BODY_BYTES },
    }).any(),
  );
  app.use((req: Request, res: Response, next: NextFunction) =>
    streamsOwnBody(req) ? next() : multipart(req, res, next),
  );
  app.use(rejectBadEncoding);
  app.use(paramsMiddleware);
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err) return filter.send(res, err);
    next();
  });
  // API sends, after the edge's checks, ahead of Nest's router.
  app.use(app.get(MessageSendRoute).handle);
  app.useGlobalPipes(new PathParamsPipe());
  app.useWebSocketAdapter(new EventsWsAdapter(app));
  installApiNoStore(app.getHttpServer());
  // The fast paths' own answers carry the no-store headers; the rest go on to installApiNoStore.
  app.get(LongPollFastPath).install(app.getHttpServer());
  app.get(MessagesFastPath).install(app.getHttpServer());
  // After the fast paths: they answer in front of every other request listener.
  instrumentHttp(app.getHttpServer(), app.get(ServerMetrics).registry, serverRoute);
  Object.assign(app.getHttpServer() as Server, HTTP_TIMEOUTS);
  app.enableShutdownHooks();
  return app;
}
