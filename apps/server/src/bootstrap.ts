import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { WsAdapter } from '@nestjs/platform-ws';
import express, { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import type { AppConfig } from '@hub/config';
import { LOG_LEVELS } from '@hub/config/log-levels';
import { AppModule } from './app.module';
import { gatewayProxy } from './common/gateway-proxy';
import { installApiNoStore } from './common/no-store';
import { paramsMiddleware } from './common/params.middleware';
import { ZulipExceptionFilter } from './common/zulip-exception.filter';
import { LongPollFastPath } from './events/queues/long-poll-fast-path';
import { jsonPrefixMiddleware } from './sessions/session-authenticator';
import { streamsOwnBody } from './uploads/upload-body';
import { clientAssets } from './web/web-assets';

export const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** Builds the server application (not yet listening). Shared by `main.ts` and the tests. */
export async function createServerApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: LOG_LEVELS[config.logLevel],
  });
  app.disable('x-powered-by');
  // API answers change on every call: hashing each body for an ETag is pure cost.
  app.disable('etag');
  app.set('query parser', 'simple');
  const filter = new ZulipExceptionFilter();
  app.use(clientAssets());
  if (config.gatewayUrl) app.use(gatewayProxy(config.gatewayUrl));
  app.use(jsonPrefixMiddleware);
  app.use(express.urlencoded({ extended: false, limit: MAX_BODY_BYTES, parameterLimit: 10_000 }));
  app.use(express.json({ limit: MAX_BODY_BYTES }));
  const multipart = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_BODY_BYTES },
  }).any();
  // Upload endpoints stream their file to disk themselves, after authentication.
  app.use((req: Request, res: Response, next: NextFunction) =>
    streamsOwnBody(req) ? next() : multipart(req, res, next),
  );
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err) return filter.send(res, err);
    next();
  });
  app.use(paramsMiddleware);
  app.useWebSocketAdapter(new WsAdapter(app));
  app.get(LongPollFastPath).install(app.getHttpServer());
  installApiNoStore(app.getHttpServer());
  app.enableShutdownHooks();
  return app;
}
