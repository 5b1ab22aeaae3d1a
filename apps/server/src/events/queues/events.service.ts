import { runInBackground } from '../../database/query-counter';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
  Optional,
} from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import type { AppConfig } from '@hub/config';
import { ZulipError } from '../../common/zulip-error';
import { APP_CONFIG } from '../../config/config.module';
import { EventPublisher } from '../../event-publisher/event-publisher';
import { ServerMetrics } from '../../metrics/server-metrics';
import type { DeliveryTurn, EventSink, Publication } from '../../event-publisher/event-sink';
import { formKey, payloadOf, queueWants, renderForQueue } from './event-render';
import { ListenerRegistry } from './listener-registry';
import { LongPoll } from './long-poll';
import { badEventQueue, idOf, QueueListener } from './queue-listener';
import type { QueueSpec } from './queue-spec';
import { Delivery, FetchResult, QUEUE_STORE, QueueStore, QueueTarget } from './queue-store';

const NO_FLAGS: readonly string[] = [];
const HEARTBEAT = payloadOf({ type: 'heartbeat' });
/**
 * How long a delivery's lookup of its recipients' queues answers "who is in Zulip right now" for
 * the same users (a queue registered meanwhile may be missed: at worst one notification too many).
 */
const RECENT_LOOKUP_MS = 1000;
/** Heartbeat delays are whole multiples of this past the minimum (see heartbeatDelayMs). */
const HEARTBEAT_STEP_MS = 100;

export interface PollOptions {
  queueId: string;
  lastEventId: number;
  dontBlock: boolean;
  /** Registers a callback for when the client goes away before the answer. */
  onDisconnect?: (callback: () => void) => void;
}

/**
 * Event queues: delivery (the EventPublisher's sink), registration, long-polling and socket
 * streaming. The queue store decides where queues live (this process or Redis).
 */
@Injectable()
export class EventsService
  implements EventSink, OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown
{
  private sweeper: NodeJS.Timeout | undefined;
  /**
   * The queues of the last publication's recipients, looked up for its delivery: the
   * missed-message check of the same message asks about the same users a moment later.
   */
  private lastLookup?: { userIds: ReadonlySet<number>; targets: QueueTarget[]; at: number };
  private closing = false;
  private readonly logger = new Logger('Events');

  constructor(
    @Inject(QUEUE_STORE) private readonly store: QueueStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly listeners: ListenerRegistry,
    publisher: EventPublisher,
    @Optional() private readonly metrics?: ServerMetrics,
  ) {
    metrics?.observe('event_queues', 'Event queues (of every process with Redis)', [], async (g) =>
      g.set(await store.count()),
    );
    // At construction, not init: the first start creates the realm before the app is initialised.
    publisher.attach(this);
  }

  onModuleInit(): void {
    const idleMs = this.config.eventQueueIdleTimeoutSeconds * 1000;
    const every = Math.min(30_000, Math.max(200, Math.floor(idleMs / 4)));
    this.sweeper = setInterval(() => void runInBackground(() => this.sweep()), every);
    this.sweeper.unref();
  }

  /**
   * Appends each publication to the queues of its `recipients.userIds` (and, for public-stream
   * events, of the realm's `all_public_streams` queues), filtered by each queue's event types
   * and narrow: all in one append, so a poll sees a transaction's events together. Services
   * never call it: they hand events to the EventPublisher, which calls it after commit.
   */
  async deliver(publications: readonly Publication[]): Promise<void> {
    await this.deliverInTurn(publications, Promise.resolve()).done;
  }

  /**
   * `deliver`, overlapping earlier deliveries: the recipients' queues are looked up at once, and
   * the append is issued once the previous delivery's has been. The store applies appends in the
   * order they are issued (one connection, or this process's memory), so a busy stream's sends
   * wait on one another only for that, not for each other's round trips.
   */
  deliverInTurn(publications: readonly Publication[], previousIssued: Promise<void>): DeliveryTurn {
    const lookups = Promise.all(
      publications.map((p) =>
        this.store.targets(p.recipients.userIds, p.recipients.publicStreamRealmId),
      ),
    );
    let issue: () => void = () => undefined;
    const issued = new Promise<void>((resolve) => (issue = resolve));
    const done = (async () => {
      try {
        const targets = await lookups;
        const last = publications.length - 1;
        if (last >= 0) {
          const userIds = new Set(publications[last].recipients.userIds);
          this.lastLookup = { userIds, targets: targets[last], at: Date.now() };
        }
        await previousIssued;
        const deliveries = publications.flatMap((p, i) => this.groups(p, targets[i]));
        const appended = deliveries.length > 0 ? this.store.append(deliveries) : undefined;
        issue();
        this.metrics?.eventsPublished.inc(publications.length);
        await appended;
        this.metrics?.eventsQueued.inc(
          deliveries.reduce((sum, d) => sum + d.payloads.length * d.queueIds.length, 0),
        );
      } finally {
        // A failed lookup must still not let the next delivery overtake the previous one.
        void previousIssued.then(issue);
      }
    })();
    return { issued, done };
  }

  /** The queues wanting one publication, grouped by the form they get it in. */
  private groups({ event, recipients }: Publication, targets: QueueTarget[]): Delivery[] {
    const realm = recipients.publicStreamRealmId;
    // Without public-stream queues every target is a recipient's (what `targets` lists).
    const allowed = realm === undefined ? null : new Set(recipients.userIds);
    const groups = new Map<string, Delivery>();
    for (const { queueId, spec } of targets) {
      if (allowed && !allowed.has(spec.userId)) {
        const viaPublic = spec.allPublicStreams && spec.realmId === realm;
        if (!viaPublic) continue;
      }
      const flags = recipients.flags?.get(spec.userId) ?? NO_FLAGS;
      if (!queueWants(event, spec, flags)) continue;
      const key = formKey(spec, flags);
      let group = groups.get(key);
      if (!group) {
        group = { payloads: renderForQueue(event, spec, flags).map(payloadOf), queueIds: [] };
        groups.set(key, group);
      }
      group.queueIds.push(queueId);
    }
    return [...groups.values()];
  }

  /**
   * Of these users, those with an event queue that receives messages: Zulip's test for "the user
   * is in Zulip right now" (missed-message notifications go to the others).
   */
  async usersReceivingMessages(userIds: readonly number[]): Promise<Set<number>> {
    if (userIds.length === 0) return new Set();
    const recent = this.lastLookup;
    const asked = new Set(userIds);
    const targets =
      recent &&
      Date.now() - recent.at < RECENT_LOOKUP_MS &&
      userIds.every((id) => recent.userIds.has(id))
        ? recent.targets.filter(({ spec }) => asked.has(spec.userId))
        : await this.store.targets(userIds);
    return new Set(
      targets
        .filter(({ spec }) => spec.eventTypes === null || spec.eventTypes.includes('message'))
        .map(({ spec }) => spec.userId),
    );
  }

  /** Creates a queue. Register it BEFORE reading initial state so no event falls in between. */
  async createQueue(spec: QueueSpec): Promise<string> {
    const queueId = randomUUID();
    await this.store.create(queueId, spec);
    return queueId;
  }

  /**
   * `GET /events`: acknowledges, then answers at once or blocks until events or a heartbeat.
   * Resolves to the events' stored JSON texts, which go into the answer as they are.
   */
  poll(userId: number, options: PollOptions): Promise<string[]> {
    return new Promise((resolve, reject) =>
      this.pollThen(userId, options, (error, texts) => (error ? reject(error) : resolve(texts))),
    );
  }

  /**
   * `poll` with a callback, called once: with an error (`badEventQueue`), or with the events.
   * With the store in this process, a queue that has events is answered before this returns, and
   * a blocked poll is answered by the same synchronous pass that reads the queues a publication
   * woke: no promise per poll, and one message to a stream of a thousand readers answers all
   * their polls at once.
   */
  pollThen(
    userId: number,
    options: PollOptions,
    done: (error: unknown, texts: string[]) => void,
  ): void {
    const { queueId, lastEventId, dontBlock } = options;
    const startedAt = Date.now();
    const blocking = !dontBlock && !this.closing;
    const answer = (result: FetchResult) => {
      if (result.events.length > 0 || !blocking) return done(null, result.events);
      const poll = new LongPoll(queueId, lastEventId, (outcome) => {
        this.listeners.detach(poll);
        if (outcome === 'queue-gone') done(badEventQueue(queueId), []);
        else done(null, outcome);
      });
      poll.startTimer(this.heartbeatDelayMs(), () => void this.heartbeat(queueId));
      options.onDisconnect?.(() => {
        this.listeners.detach(poll);
        poll.end('disconnected');
      });
      this.listeners.attach(poll, startedAt);
    };
    let now: FetchResult | undefined;
    try {
      now = this.readNow(queueId, lastEventId, userId, blocking);
    } catch (err) {
      return done(err, []);
    }
    if (now) return answer(now);
    this.read(queueId, lastEventId, userId, blocking)
      .then(answer)
      .catch((err: unknown) => done(err, []));
  }

  /**
   * Attaches a streaming listener (a WebSocket) after sending it what the queue holds past
   * `lastEventId`. Returns the events to send first; the listener gets the rest as they come.
   */
  async resume<L extends QueueListener>(
    userId: number,
    queueId: string,
    lastEventId: number,
    makeListener: (after: number) => L,
  ): Promise<{ backlog: string[]; listener: L }> {
    if (this.closing) throw new ZulipError('BAD_REQUEST', 'The server is restarting', 503);
    const startedAt = Date.now();
    const result = await this.read(queueId, lastEventId, userId, true);
    const backlog = result.events;
    const after = backlog.length > 0 ? idOf(backlog[backlog.length - 1]) : lastEventId;
    const listener = makeListener(after);
    this.listeners.attach(listener, startedAt);
    return { backlog, listener };
  }

  detach(listener: QueueListener): void {
    this.listeners.detach(listener);
  }

  /** `DELETE /events`. */
  async deleteQueue(userId: number, queueId: string): Promise<void> {
    await this.read(queueId, -1, userId, false, Number.MAX_SAFE_INTEGER);
    await this.store.remove(queueId);
    await this.store.signal({ kind: 'events', queueIds: [queueId] });
  }

  /** Whether the queue store is shared between processes (Redis) or local to this one. */
  get storeKind(): QueueStore['kind'] {
    return this.store.kind;
  }

  beforeApplicationShutdown(): void {
    // Open long-polls answer with no events (clients poll again elsewhere); queued events stay.
    this.closing = true;
    clearInterval(this.sweeper);
    this.listeners.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }

  private async read(
    queueId: string,
    ack: number,
    owner: number,
    claim: boolean,
    after = ack,
  ): Promise<FetchResult> {
    const poller = claim ? this.listeners.processId : undefined;
    const [result] = await this.store.fetch([{ queueId, ack, after, owner, poller }]);
    if (!result) throw badEventQueue(queueId);
    if (result.events.length > 0) this.metrics?.eventsDelivered.inc(result.events.length);
    if (claim && result.previousPoller && result.previousPoller !== poller) {
      // A long-poll for this queue may be open in another process: it must step aside.
      await this.store.signal({ kind: 'supersede', queueId, pollerId: this.listeners.processId });
    }
    return result;
  }

  /**
   * `read` answered at once by a store in this process; undefined when it must be awaited (the
   * store is elsewhere, or another process may hold the queue's long-poll and must be told).
   */
  private readNow(
    queueId: string,
    ack: number,
    owner: number,
    claim: boolean,
  ): FetchResult | undefined {
    if (!this.store.fetchNow) return undefined;
    const poller = claim ? this.listeners.processId : undefined;
    const [result] = this.store.fetchNow([{ queueId, ack, after: ack, owner, poller }]);
    if (!result) throw badEventQueue(queueId);
    // Reading again is harmless (acknowledging is idempotent): `read` then signals the other.
    if (claim && result.previousPoller && result.previousPoller !== poller) return undefined;
    if (result.events.length > 0) this.metrics?.eventsDelivered.inc(result.events.length);
    return result;
  }

  /**
   * A random delay in [min, max], in steps of HEARTBEAT_STEP_MS: Node keeps one timer list per
   * distinct duration, so tens of thousands of parked polls share about a hundred lists (appends
   * in constant time) instead of one list and priority-queue entry per millisecond value.
   */
  private heartbeatDelayMs(): number {
    const min = this.config.eventHeartbeatMinSeconds * 1000;
    const max = this.config.eventHeartbeatMaxSeconds * 1000;
    if (max <= min) return min;
    return min + randomInt(Math.floor((max - min) / HEARTBEAT_STEP_MS) + 1) * HEARTBEAT_STEP_MS;
  }

  private async heartbeat(queueId: string): Promise<void> {
    try {
      await this.store.append([{ payloads: [HEARTBEAT], queueIds: [queueId] }]);
      this.listeners.wake([queueId]);
    } catch (err) {
      this.logger.error(`Heartbeat for ${queueId} failed: ${(err as Error).message}`);
    }
  }

  private async sweep(): Promise<void> {
    try {
      await this.store.keepAlive(this.listeners.queueIds());
      await this.store.sweep();
      this.listeners.prune(60_000);
    } catch (err) {
      this.logger.warn(`Event queue sweep failed: ${(err as Error).message}`);
    }
  }
}
