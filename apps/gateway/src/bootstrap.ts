import 'reflect-metadata';
import {
  Controller,
  Get,
  Inject,
  Logger,
  Module,
  OnApplicationShutdown,
  Query,
  Res,
} from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import Redis from 'ioredis';
import type { AppConfig } from '@hub/config';
import { JsonLogger } from '@hub/api/json-logger';
import { expressRoute, instrumentHttp } from '@hub/api/metrics';
import { ZulipExceptionFilter } from '@hub/api/zulip-exception.filter';
import type { IntegrationDefinition } from '../../../integrations/core/integration';
import { useTemplateOverrides } from '../../../integrations/core/templates';
import {
  INTEGRATIONS as ALL_INTEGRATIONS,
  integrationsByName,
} from '../../../integrations/registry';
import { BotDirectory } from './bot-directory';
import { createDeliveryQueue } from './delivery-queue';
import { DeliveryRecorder } from './delivery-recorder';
import { DEFAULT_RETRY, DeliveryWorker, RetryPolicy } from './delivery-worker';
import { integrationCatalogue, integrationsPage, UrlChoice } from './integrations-page';
import { MemoryOnceStore, OnceStore, RedisOnceStore } from './once-store';
import { ClientServerApi } from './client-server-api';
import { QueueSealer } from './queue-key';
import type { ServerApi } from './server-api';
import { WebhookSecrets } from './signatures';
import { GatewayMetrics } from './gateway-metrics';
import { DELIVERY_QUEUE, GATEWAY_CONFIG, INTEGRATIONS } from './tokens';
import { WebhookController } from './webhook.controller';
import { WebhookService } from './webhook.service';

export interface GatewayOverrides {
  serverApi?: ServerApi;
  retry?: RetryPolicy;
  integrations?: readonly IntegrationDefinition[];
}

@Controller()
class IntegrationsPageController {
  constructor(
    @Inject(INTEGRATIONS) private readonly integrations: readonly IntegrationDefinition[],
  ) {}

  @Get('integrations.json')
  catalogue() {
    return { result: 'success', msg: '', integrations: integrationCatalogue(this.integrations) };
  }

  @Get('integrations')
  page(@Query() query: UrlChoice, @Res() res: Response & { req: Request }): void {
    const site = `${res.req.protocol}://${res.req.headers.host ?? 'localhost'}`;
    const choice: UrlChoice = {};
    for (const key of ['integration', 'api_key', 'stream', 'topic'] as const) {
      if (typeof query[key] === 'string') choice[key] = query[key];
    }
    res.type('html').send(integrationsPage(this.integrations, site, choice));
  }
}

/** Builds the gateway (not yet listening). Shared by `main.ts` and the tests. */
export async function createGatewayApp(
  config: AppConfig,
  overrides: GatewayOverrides = {},
): Promise<NestExpressApplication> {
  const logger = new Logger('Gateway');
  useTemplateOverrides(config.webhookTemplateDir);
  // The installation's namespace (REDIS_NAMESPACE or its database): gateways of separate
  // installations sharing one Redis never take each other's jobs.
  const prefix = `${config.redisNamespace}:gateway`;
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 3, keyPrefix: `${prefix}:` })
    : null;
  if (!redis)
    logger.warn(
      'REDIS_URL is not set: the delivery queue is in-process and not durable across gateway restarts',
    );
  const retry = overrides.retry ?? DEFAULT_RETRY;
  // Durable jobs outlive this process: their bot keys are sealed with the key in DATA_DIR.
  const sealer = redis ? QueueSealer.fromDataDir(config.dataDir) : QueueSealer.ephemeral();
  const queue = createDeliveryQueue({ redisUrl: config.redisUrl, prefix }, retry, sealer);
  const once: OnceStore = redis ? new RedisOnceStore(redis) : new MemoryOnceStore();
  const api = overrides.serverApi ?? new ClientServerApi(config.serverUrl);
  const integrations = overrides.integrations ?? ALL_INTEGRATIONS;
  const recorder = new DeliveryRecorder(api);
  const worker = new DeliveryWorker(api, once, retry, recorder);
  const metrics = new GatewayMetrics(queue, worker, new Set(integrations.map((i) => i.name)));
  const service = new WebhookService(
    integrationsByName(integrations),
    new BotDirectory(api),
    queue,
    once,
    WebhookSecrets.load(config.webhookSecretsFile),
    recorder,
  );

  @Module({
    controllers: [WebhookController, IntegrationsPageController],
    providers: [
      { provide: WebhookService, useValue: service },
      { provide: DeliveryWorker, useValue: worker },
      { provide: DELIVERY_QUEUE, useValue: queue },
      { provide: INTEGRATIONS, useValue: integrations },
      { provide: GatewayMetrics, useValue: metrics },
      { provide: GATEWAY_CONFIG, useValue: config },
      { provide: APP_FILTER, useClass: ZulipExceptionFilter },
    ],
  })
  class GatewayModule implements OnApplicationShutdown {
    async onApplicationShutdown(): Promise<void> {
      worker.stop();
      recorder.stop();
      await queue.close();
      await redis?.quit().catch(() => undefined);
    }
  }

  const app = await NestFactory.create<NestExpressApplication>(GatewayModule, {
    bodyParser: false,
    logger: JsonLogger.create('gateway', config),
  });
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Webhook answers are never cached or revalidated: skip hashing every body for an ETag.
  app.set('etag', false);
  const filter = new ZulipExceptionFilter();
  app.use(express.raw({ type: () => true, limit: config.webhookMaxBodyBytes }));
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) =>
    err ? filter.send(res, err) : next(),
  );
  instrumentHttp(app.getHttpServer(), metrics.registry, expressRoute);
  app.enableShutdownHooks();
  queue.process({ run: worker.handle });
  return app;
}
