import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '@hub/config';
import { assertMetricsAccess, writeMetrics } from '@hub/api/metrics';
import { RawResponse } from '../common/envelope.interceptor';
import { APP_CONFIG } from '../config/config.module';
import { ServerWide } from '../identity/identity.decorators';
import { ServerMetrics } from './server-metrics';

/**
 * `GET /metrics`: Prometheus text format, for a scraper on loopback or one presenting
 * METRICS_TOKEN as a bearer token; no realm, whatever the Host. Never cached.
 */
@ServerWide()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ServerMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<RawResponse> {
    assertMetricsAccess(req, this.config.metricsToken);
    await writeMetrics(this.metrics.registry, res);
    return new RawResponse();
  }
}
