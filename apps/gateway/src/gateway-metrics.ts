import { Counter, Gauge, type Registry } from 'prom-client';
import { createMetricsRegistry } from '@hub/api/metrics';
import type { DeliveryQueue } from './delivery-queue';
import type { DeliveryWorker } from './delivery-worker';

/**
 * The gateway's Prometheus metrics (`GET /metrics`): webhook intake by integration and status,
 * deliveries, failures and retries of the worker, and the delivery queue's depth and oldest job.
 */
export class GatewayMetrics {
  readonly registry: Registry = createMetricsRegistry();
  private readonly intake = new Counter({
    name: 'webhook_requests_total',
    help: 'Webhook requests answered, by integration and status code (202/200: accepted)',
    labelNames: ['integration', 'status'],
    registers: [this.registry],
  });

  constructor(
    queue: DeliveryQueue,
    worker: DeliveryWorker,
    private readonly integrations: ReadonlySet<string>,
  ) {
    const stat = (name: string, help: string, read: () => number) =>
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    stat('webhook_deliveries_total', 'Messages posted to the server', () => worker.stats.delivered);
    stat(
      'webhook_delivery_failures_total',
      'Messages dropped: refused by the server for good, or undeliverable for too long',
      () => worker.stats.dropped,
    );
    stat(
      'webhook_delivery_retries_total',
      'Delivery attempts that found the server unreachable and were retried',
      () => worker.stats.retries,
    );
    new Gauge({
      name: 'webhook_queue_depth',
      help: 'Webhooks accepted and not yet delivered',
      registers: [this.registry],
      async collect() {
        this.set(await queue.depth());
      },
    });
    new Gauge({
      name: 'webhook_queue_oldest_age_seconds',
      help: 'Age of the oldest webhook accepted and not yet delivered (0: none)',
      registers: [this.registry],
      async collect() {
        this.set((await queue.stats()).oldestAgeSeconds);
      },
    });
  }

  /** Counts one answered webhook; unknown integration names share one label. */
  answered(integration: string, status: number): void {
    const label = this.integrations.has(integration) ? integration : 'unknown';
    this.intake.inc({ integration: label, status: String(status) });
  }
}
