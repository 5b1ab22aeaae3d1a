import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { ServerMetrics } from './server-metrics';

/** `GET /metrics` and the counters services move (ServerMetrics, for the modules that import this one). */
@Module({ controllers: [MetricsController], providers: [ServerMetrics], exports: [ServerMetrics] })
export class MetricsModule {}
