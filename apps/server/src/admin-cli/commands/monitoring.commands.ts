import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { CliContext, CliError } from '../cli-context';
import { request, type HttpAnswer } from '../http-request';
import {
  CriticalCondition,
  parseThreshold,
  registerCheck,
  statusOf,
  worst,
  type CheckOptions,
  type CheckResult,
  type CheckStatusName,
  type Thresholds,
} from '../monitoring-check';
import { parsePrometheusText, sampleValue, type MetricFamily } from '../prometheus-text';
import { Database } from '../../database/database.service';
import { RealmResolver } from '../../identity/realm-resolver.service';

/** Reads a process's `/metrics` (on loopback, or with METRICS_TOKEN); no answer is CRITICAL. */
async function scrape(ctx: CliContext, base: string): Promise<Map<string, MetricFamily>> {
  const token = ctx.config.metricsToken;
  const url = `${base.replace(/\/$/, '')}/metrics`;
  let answer: HttpAnswer;
  try {
    answer = await request(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch (err) {
    throw new CriticalCondition(`${base} does not answer: ${(err as Error).message}`);
  }
  if (answer.status !== 200) throw new CliError(`${url} answered ${answer.status}`);
  return parsePrometheusText(answer.body);
}

const gatewayBase = (ctx: CliContext): string => {
  if (!ctx.config.gatewayUrl) throw new CliError('GATEWAY_URL is empty: no gateway to check');
  return ctx.config.gatewayUrl;
};

const seconds = (n: number) => `${n.toFixed(1)} s`;

export function registerMonitoringCommands(program: Command, ctx: CliContext): void {
  registerCheck<
    CheckOptions & { sender: string; receiver: string; realm?: string; timeout?: string }
  >(program, ctx, {
    name: 'check-send-receive',
    description:
      'Sends a direct message from one account (a bot) to another and times its arrival in the other one’s event queue',
    defaults: { warning: '5', critical: '15' },
    options: (c) =>
      c
        .requiredOption('--sender <email>', 'the sending account (a bot of the realm)')
        .requiredOption('--receiver <email>', 'the receiving account (another bot)')
        .option('--realm <subdomain>', 'the realm (default: the default realm)')
        .option(
          '--timeout <seconds>',
          'give up (CRITICAL) after this long; default: the critical threshold',
        ),
    run: async (o, thresholds) => sendReceive(ctx, o, thresholds),
  });

  registerCheck(program, ctx, {
    name: 'check-queues',
    description:
      'Webhook delivery (gateway) and service-bot job (server) queues: thresholds on the oldest job’s age in seconds; depth and failures as perfdata',
    defaults: { warning: '120', critical: '600' },
    run: async (_o, thresholds) => {
      const [server, gateway] = await Promise.all([
        scrape(ctx, ctx.config.serverUrl),
        scrape(ctx, gatewayBase(ctx)),
      ]);
      const read = (m: Map<string, MetricFamily>, name: string) => sampleValue(m, name) ?? 0;
      const queues = [
        {
          name: 'webhook',
          depth: read(gateway, 'webhook_queue_depth'),
          age: read(gateway, 'webhook_queue_oldest_age_seconds'),
          failures: read(gateway, 'webhook_delivery_failures_total'),
        },
        {
          name: 'bot',
          depth: read(server, 'bot_job_queue_depth'),
          age: read(server, 'bot_job_queue_oldest_age_seconds'),
          failures: read(server, 'bot_job_failures'),
        },
      ];
      const status = worst(...queues.map((q) => statusOf(q.age, thresholds)));
      const stuck = queues.filter((q) => statusOf(q.age, thresholds) !== 'OK');
      return {
        status,
        text:
          stuck.length > 0
            ? stuck
                .map(
                  (q) =>
                    `${q.name} queue: oldest job waiting ${seconds(q.age)} (${q.depth} queued)`,
                )
                .join('; ')
            : queues.map((q) => `${q.name} queue: ${q.depth} queued`).join(', '),
        perfdata: queues.flatMap((q) => [
          { label: `${q.name}_depth`, value: q.depth, min: 0 },
          { label: `${q.name}_oldest_age`, value: q.age, uom: 's', thresholds, min: 0 },
          { label: `${q.name}_failures`, value: q.failures, uom: 'c', min: 0 },
        ]),
      };
    },
  });

  registerCheck(program, ctx, {
    name: 'check-workers',
    description:
      'The webhook gateway answers its /health, and the resident memory (MB) of the gateway and the server',
    defaults: { warning: '1024', critical: '2048' },
    run: async (_o, thresholds) => {
      const base = gatewayBase(ctx);
      let health: HttpAnswer;
      try {
        health = await request(`${base.replace(/\/$/, '')}/health`, { timeoutMs: 5000 });
      } catch (err) {
        return {
          status: 'CRITICAL',
          text: `gateway at ${base} does not answer: ${(err as Error).message}`,
        };
      }
      if (health.status !== 200) {
        return { status: 'CRITICAL', text: `gateway /health answered ${health.status}` };
      }
      const [server, gateway] = await Promise.all([
        scrape(ctx, ctx.config.serverUrl),
        scrape(ctx, base),
      ]);
      const mb = (m: Map<string, MetricFamily>) =>
        (sampleValue(m, 'process_resident_memory_bytes') ?? 0) / 1024 / 1024;
      const memory = { gateway: mb(gateway), server: mb(server) };
      const status = worst(
        statusOf(memory.gateway, thresholds),
        statusOf(memory.server, thresholds),
      );
      return {
        status,
        text: `gateway alive; resident memory: gateway ${memory.gateway.toFixed(0)} MB, server ${memory.server.toFixed(0)} MB`,
        perfdata: [
          { label: 'gateway_memory', value: memory.gateway, uom: 'MB', thresholds, min: 0 },
          { label: 'server_memory', value: memory.server, uom: 'MB', thresholds, min: 0 },
        ],
      };
    },
  });

  registerCheck(program, ctx, {
    name: 'check-mail',
    description:
      'Outgoing mail: mails being handed to SMTP right now (the backlog); failures as perfdata',
    defaults: { warning: '10', critical: '50' },
    run: async (_o, thresholds) => {
      const server = await scrape(ctx, ctx.config.serverUrl);
      const backlog = sampleValue(server, 'mail_sending') ?? 0;
      const sent = sampleValue(server, 'mail_sent_total') ?? 0;
      const failures = sampleValue(server, 'mail_failures_total') ?? 0;
      return {
        status: statusOf(backlog, thresholds),
        text: `${backlog} mails waiting on SMTP; ${sent} sent and ${failures} failed since the server started`,
        perfdata: [
          { label: 'backlog', value: backlog, thresholds, min: 0 },
          { label: 'sent', value: sent, uom: 'c', min: 0 },
          { label: 'failures', value: failures, uom: 'c', min: 0 },
        ],
      };
    },
  });

  registerCheck(program, ctx, {
    name: 'check-search-index',
    description: 'Messages without a full-text search vector (they cannot be found by search)',
    defaults: { warning: '0', critical: '100' },
    run: async (_o, thresholds) => {
      const db = await ctx.get(Database);
      const [row] = await db.rows<{ missing: string; total: string }>(
        'SELECT count(*) FILTER (WHERE search_tsvector IS NULL) AS missing, count(*) AS total FROM messages',
      );
      const missing = Number(row.missing);
      return {
        status: statusOf(missing, thresholds),
        text: `${missing} of ${row.total} messages have no search vector`,
        perfdata: [{ label: 'unindexed', value: missing, thresholds, min: 0 }],
      };
    },
  });

  registerCheck<CheckOptions & { lagWarning?: string; lagCritical?: string }>(program, ctx, {
    name: 'check-database',
    description:
      'Database connections in use (% of max_connections), and replication lag in seconds when replicas stream from it',
    defaults: { warning: '80', critical: '95' },
    options: (c) =>
      c
        .option('--lag-warning <range>', 'WARNING threshold for replication lag (s)', '30')
        .option('--lag-critical <range>', 'CRITICAL threshold for replication lag (s)', '300')
        .option(
          '--replicas <n>',
          'replicas that should stream from this database: CRITICAL when fewer do',
          '0',
        ),
    run: async (o, thresholds) => databaseCheck(ctx, o, thresholds),
  });
}

async function databaseCheck(
  ctx: CliContext,
  o: { lagWarning?: string; lagCritical?: string; replicas?: string },
  thresholds: Thresholds,
): Promise<CheckResult> {
  const expected = Number(o.replicas ?? '0');
  if (!Number.isInteger(expected) || expected < 0)
    throw new CliError('--replicas takes a whole number of replicas');
  const db = await ctx.get(Database);
  const [usage] = await db.rows<{ used: string; max: string }>(
    "SELECT (SELECT count(*) FROM pg_stat_activity) AS used, current_setting('max_connections') AS max",
  );
  const used = Number(usage.used);
  const max = Number(usage.max);
  const percent = max > 0 ? (used / max) * 100 : 0;
  const replicas = await db.rows<{ name: string; lag: string | null }>(
    'SELECT application_name AS name, EXTRACT(EPOCH FROM replay_lag)::text AS lag FROM pg_stat_replication',
  );
  const lagThresholds = {
    warning: o.lagWarning ? parseThreshold(o.lagWarning) : undefined,
    critical: o.lagCritical ? parseThreshold(o.lagCritical) : undefined,
  };
  const lag = replicas.length > 0 ? Math.max(...replicas.map((r) => Number(r.lag ?? 0))) : null;
  const statuses: CheckStatusName[] = [statusOf(percent, thresholds)];
  if (lag !== null) statuses.push(statusOf(lag, lagThresholds));
  // A replica that stopped streaming leaves pg_stat_replication: only the expected count sees it.
  const missing = replicas.length < expected;
  if (missing) statuses.push('CRITICAL');
  return {
    status: worst(...statuses),
    text:
      `${used} of ${max} connections in use (${percent.toFixed(1)}%)` +
      (missing ? `; ${replicas.length} of ${expected} expected replicas streaming` : '') +
      (lag === null
        ? missing
          ? ''
          : '; no replicas'
        : `; ${replicas.length} replicas, lag ${seconds(lag)}`),
    perfdata: [
      { label: 'connections', value: used, min: 0, max },
      { label: 'connections_used', value: percent, uom: '%', thresholds, min: 0, max: 100 },
      ...(lag === null
        ? []
        : [{ label: 'replication_lag', value: lag, uom: 's', thresholds: lagThresholds, min: 0 }]),
    ],
  };
}

async function sendReceive(
  ctx: CliContext,
  o: { sender: string; receiver: string; realm?: string; timeout?: string },
  thresholds: Thresholds,
): Promise<CheckResult> {
  const realm = await ctx.realm(o.realm);
  const sender = await ctx.user(realm, o.sender);
  const receiver = await ctx.user(realm, o.receiver);
  const timeoutSeconds = Number(
    o.timeout ?? (Number.isFinite(thresholds.critical?.high) ? thresholds.critical?.high : 15),
  );
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0)
    throw new CliError('--timeout takes a positive number of seconds');
  const host = new URL((await ctx.get(RealmResolver)).realmUrl(realm)).host;
  const base = ctx.config.serverUrl.replace(/\/$/, '');
  const call = async (
    who: { email: string; api_key: string },
    method: string,
    path: string,
    form: Record<string, string>,
    timeoutMs = 10_000,
  ): Promise<Record<string, unknown>> => {
    const body = new URLSearchParams(form).toString();
    const query = method === 'GET' || method === 'DELETE' ? `?${body}` : '';
    const answer = await request(`${base}/api/v1${path}${query}`, {
      method,
      timeoutMs,
      headers: {
        host,
        authorization: `Basic ${Buffer.from(`${who.email}:${who.api_key}`).toString('base64')}`,
        ...(query ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: query ? undefined : body,
    });
    const parsed = JSON.parse(answer.body) as Record<string, unknown>;
    if (parsed.result !== 'success') throw new CliError(`${method} ${path}: ${String(parsed.msg)}`);
    return parsed;
  };
  const token = `check-send-receive ${randomBytes(8).toString('hex')}`;
  let queueId: string | undefined;
  try {
    const registered = await call(receiver, 'POST', '/register', { event_types: '["message"]' });
    queueId = String(registered.queue_id);
    let lastEventId = Number(registered.last_event_id);
    const started = performance.now();
    const deadline = started + timeoutSeconds * 1000;
    await call(sender, 'POST', '/messages', {
      type: 'direct',
      to: JSON.stringify([receiver.id]),
      content: token,
    });
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      let events: Array<{ id: number; type: string; message?: { content?: string } }>;
      try {
        const polled = await call(
          receiver,
          'GET',
          '/events',
          { queue_id: queueId, last_event_id: String(lastEventId) },
          left,
        );
        events = polled.events as typeof events;
      } catch (err) {
        if (performance.now() >= deadline) break;
        throw err;
      }
      for (const event of events) {
        lastEventId = Math.max(lastEventId, event.id);
        if (event.type === 'message' && event.message?.content?.includes(token)) {
          const took = (performance.now() - started) / 1000;
          return {
            status: statusOf(took, thresholds),
            text: `${receiver.email} got the message from ${sender.email} in ${seconds(took)}`,
            perfdata: [{ label: 'time', value: took, uom: 's', thresholds, min: 0 }],
          };
        }
      }
    }
    return {
      status: 'CRITICAL',
      text: `${receiver.email} did not get the message from ${sender.email} within ${timeoutSeconds} s`,
      perfdata: [{ label: 'time', value: timeoutSeconds, uom: 's', thresholds, min: 0 }],
    };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (
      code === 'ECONNREFUSED' ||
      code === 'ECONNRESET' ||
      /no answer/.test((err as Error).message)
    ) {
      return {
        status: 'CRITICAL',
        text: `the server at ${base} does not answer: ${(err as Error).message}`,
      };
    }
    throw err;
  } finally {
    if (queueId)
      await call(receiver, 'DELETE', '/events', { queue_id: queueId }).catch(() => undefined);
  }
}
