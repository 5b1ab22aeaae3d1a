import { All, Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DeliveryWorker } from './delivery-worker';
import type { AppConfig } from '@hub/config';
import { assertMetricsAccess, writeMetrics } from '@hub/api/metrics';
import { ZulipError } from '@hub/api/zulip-error';
import { GatewayMetrics } from './gateway-metrics';
import { DELIVERY_QUEUE, GATEWAY_CONFIG } from './tokens';
import type { DeliveryQueue } from './delivery-queue';
import { WebhookService } from './webhook.service';

function flatQuery(query: Request['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    const last = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof last === 'string') out[k] = last;
  }
  return out;
}

function flatHeaders(headers: Request['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(headers))
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

@Controller()
export class WebhookController {
  constructor(
    private readonly webhooks: WebhookService,
    private readonly worker: DeliveryWorker,
    @Inject(DELIVERY_QUEUE) private readonly queue: DeliveryQueue,
    private readonly metrics: GatewayMetrics,
    @Inject(GATEWAY_CONFIG) private readonly config: AppConfig,
  ) {}

  @All('api/v1/external/:integration')
  async receive(
    @Param('integration') integration: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (req.method === 'HEAD') {
      const probe = this.webhooks.probe(integration);
      res.status(probe.status).json(probe.body);
      return;
    }
    const request = {
      integration,
      host: req.headers['x-forwarded-host']?.toString() ?? req.headers.host ?? '',
      headers: flatHeaders(req.headers),
      query: flatQuery(req.query),
      rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    };
    if (req.method === 'GET') {
      const challenge = await this.webhooks.challenge(request);
      if (challenge !== null) {
        this.metrics.answered(integration, 200);
        res.status(200).type('text/plain').set('X-Content-Type-Options', 'nosniff').send(challenge);
        return;
      }
    }
    let answer: Awaited<ReturnType<WebhookService['accept']>>;
    try {
      answer = await this.webhooks.accept(request);
    } catch (err) {
      this.metrics.answered(integration, err instanceof ZulipError ? err.status : 500);
      throw err;
    }
    this.metrics.answered(integration, answer.status);
    res.status(answer.status).json(answer.body);
  }

  /** Prometheus text format, for loopback or a bearer METRICS_TOKEN (as on the server). */
  @Get('metrics')
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    assertMetricsAccess(req, this.config.metricsToken);
    await writeMetrics(this.metrics.registry, res);
  }

  @Get('health')
  async health() {
    return {
      result: 'success',
      msg: '',
      queue_depth: await this.queue.depth(),
      ...this.worker.stats,
    };
  }
}
