import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { MessageAnnouncer } from '../messages/message-announcer';
import { ServerMetrics } from '../metrics/server-metrics';
import type { SentMessage } from '../messages/message-changes';
import { BOT_JOB_QUEUE } from './bot-job-queue.provider';
import type { BotJobQueue } from './bot-job-queue';
import { BotRuntimesRepository } from './bot-runtimes.repository';
import { ServiceBotWorker } from './service-bot.worker';
import { candidateBotIds, triggerOf, type TriggerSource } from './service-triggers';

/**
 * Told of every committed send, queues an event for every outgoing-webhook or embedded bot the
 * message triggers (a mention in a stream, or a DM), as Zulip's service-bot queues do.
 */
@Injectable()
export class ServiceBotDispatcher
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('ServiceBots');
  private readonly enqueuing = new Set<Promise<void>>();

  constructor(
    private readonly announcer: MessageAnnouncer,
    private readonly repo: BotRuntimesRepository,
    @Inject(BOT_JOB_QUEUE) private readonly queue: BotJobQueue,
    private readonly worker: ServiceBotWorker,
    private readonly adapterHost: HttpAdapterHost,
    @Optional() metrics?: ServerMetrics,
  ) {
    const stats = () => this.queue.stats();
    metrics?.observe(
      'bot_job_queue_depth',
      'Service-bot jobs waiting, running or retrying',
      [],
      async (g) => g.set((await stats()).depth),
    );
    metrics?.observe(
      'bot_job_queue_oldest_age_seconds',
      'Age of the oldest service-bot job not yet done (0: none)',
      [],
      async (g) => g.set((await stats()).oldestAgeSeconds),
    );
    metrics?.observe(
      'bot_job_failures',
      'Service-bot jobs whose last attempt failed, since this process started',
      [],
      async (g) => g.set((await stats()).failed),
    );
  }

  onModuleInit(): void {
    this.announcer.onSent((sent) => this.track(this.enqueue(sent)));
  }

  /**
   * Only the server works the queue (not `npm run manage`, which boots the same modules without
   * HTTP); jobs left in Redis by an earlier run start once every service is ready.
   */
  onApplicationBootstrap(): void {
    if (!this.adapterHost.httpAdapter) return;
    this.queue.process(this.worker);
  }

  /** Resolves when every triggered bot event so far has been handled (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.enqueuing.size > 0) await Promise.all([...this.enqueuing]);
    await this.queue.idle();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }

  private track(work: Promise<void>): void {
    const safe = work.catch((error: unknown) => {
      this.logger.error(`Queueing service bot events failed: ${(error as Error).message}`);
    });
    this.enqueuing.add(safe);
    void safe.finally(() => this.enqueuing.delete(safe));
  }

  private async enqueue(sent: SentMessage): Promise<void> {
    const source: TriggerSource = {
      senderId: sent.sender.id,
      senderIsBot: sent.sender.is_bot,
      streamId: sent.message.stream_id,
      dmUserIds: sent.dmUserIds,
      renderedContent: sent.message.rendered_content,
      readerIds: sent.stream?.invite_only ? sent.recipients.map((r) => r.user_id) : null,
    };
    const candidates = candidateBotIds(source);
    if (candidates.length === 0) return;
    const bots = await this.repo.serviceBotsAmong(sent.message.realm_id, candidates);
    for (const bot of bots) {
      await this.queue.add({
        realmId: sent.message.realm_id,
        botId: bot.id,
        messageId: sent.message.id,
        senderId: sent.sender.id,
        trigger: triggerOf(source),
      });
    }
  }
}
