import { Injectable } from '@nestjs/common';
import { Counter, Gauge, type Registry } from 'prom-client';
import { createMetricsRegistry } from '@hub/api/metrics';
import { Database } from '../database/database.service';

/** What pg's pool says about its connections (typeorm keeps it as the driver's `master`). */
interface PoolCounts {
  totalCount?: number;
  idleCount?: number;
  waitingCount?: number;
}

/**
 * The server's Prometheus metrics (`GET /metrics`). Counters move as the server works: services
 * increment them (events, messages, mail); gauges read the queues, listeners and the database pool
 * when scraped. HTTP request counts and latencies are added by `instrumentHttp` in bootstrap.
 */
@Injectable()
export class ServerMetrics {
  readonly registry: Registry = createMetricsRegistry();
  readonly eventsPublished = this.counter(
    'events_published_total',
    'Events handed to the event queues after their transaction committed',
  );
  readonly eventsQueued = this.counter(
    'events_queued_total',
    'Event copies appended to event queues (one per receiving queue)',
  );
  readonly eventsDelivered = this.counter(
    'events_delivered_total',
    'Events handed to clients by GET /events and event sockets of this process',
  );
  readonly messagesSent = this.counter('messages_sent_total', 'Messages sent through this process');
  readonly mailSent = this.counter('mail_sent_total', 'Mails handed to SMTP (or the mail folder)');
  readonly mailFailures = this.counter('mail_failures_total', 'Mails that could not be sent');
  readonly mailSending = new Gauge({
    name: 'mail_sending',
    help: 'Mails being handed to SMTP right now (the outgoing mail backlog of this process)',
    registers: [this.registry],
  });

  constructor(db: Database) {
    this.observe(
      'database_pool_connections',
      'Connections of the database pool by state (total, idle, waiting clients)',
      ['state'],
      (g) => {
        const pool = (db.dataSource.driver as unknown as { master?: PoolCounts }).master;
        g.set({ state: 'total' }, pool?.totalCount ?? 0);
        g.set({ state: 'idle' }, pool?.idleCount ?? 0);
        g.set({ state: 'waiting' }, pool?.waitingCount ?? 0);
      },
    );
  }

  /**
   * A gauge read when scraped: the feature that owns the state (event queues, listeners, the bot
   * job queue) registers it, so this module depends on no feature.
   */
  observe(
    name: string,
    help: string,
    labelNames: string[],
    read: (gauge: Gauge) => void | Promise<void>,
  ): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await read(this);
      },
    });
  }

  private counter(name: string, help: string): Counter {
    return new Counter({ name, help, registers: [this.registry] });
  }
}
