import { Injectable, Logger } from '@nestjs/common';
import type { PublishableEvent } from '@hub/api/event.types';
import { Database } from '../database/database.service';
import { AudienceRepository } from './audience.repository';
import type { EventRecipients, EventSink, Publication } from './event-sink';

/**
 * The one way a change reaches clients. Services hand events over inside their transaction;
 * once it commits they are delivered together (dropped if it rolls back), and deliveries reach
 * the queues in the order they were handed over, so an edit never overtakes the message it edits
 * (a sink with `deliverInTurn` overlaps the rest of their work). The event queues attach
 * themselves as the sink when they start.
 */
@Injectable()
export class EventPublisher {
  private sink?: EventSink;
  private tail: Promise<void> = Promise.resolve();
  /** Resolves once the last delivery handed over is on its way (see `EventSink.deliverInTurn`). */
  private issued: Promise<void> = Promise.resolve();
  private readonly logger = new Logger('EventPublisher');

  constructor(
    private readonly audience: AudienceRepository,
    private readonly db: Database,
  ) {}

  /** Called once by the event queues at start. */
  attach(sink: EventSink): void {
    this.sink = sink;
  }

  /** To every active user of the realm. */
  async toRealm(realmId: number, event: PublishableEvent): Promise<void> {
    await this.toUsers(await this.audience.activeUserIds(realmId), event);
  }

  /** To every active user of the realm who may see user `subjectId` (guests may be limited). */
  async toRealmSeeing(realmId: number, subjectId: number, event: PublishableEvent): Promise<void> {
    await this.toUsers(await this.audience.activeUserIdsSeeing(realmId, subjectId), event);
  }

  /** To the realm's administrators plus `extra` (e.g. a bot's owner). */
  async toAdminsAnd(realmId: number, extra: number[], event: PublishableEvent): Promise<void> {
    const admins = await this.audience.activeAdminIds(realmId);
    await this.toUsers([...new Set([...admins, ...extra])], event);
  }

  /**
   * To every active user (only those who may see user `subjectId`, when given); administrators
   * get `forAdmins` (e.g. with `delivery_email`).
   */
  async toRealmSplit(
    realmId: number,
    forAdmins: PublishableEvent,
    forOthers: PublishableEvent,
    subjectId?: number,
  ): Promise<void> {
    const admins = new Set(await this.audience.activeAdminIds(realmId));
    const everyone =
      subjectId === undefined
        ? await this.audience.activeUserIds(realmId)
        : await this.audience.activeUserIdsSeeing(realmId, subjectId);
    await this.toUsers([...admins], forAdmins);
    await this.toUsers(
      everyone.filter((id) => !admins.has(id)),
      forOthers,
    );
  }

  /** To exactly these users; `publicStreamRealmId` only for events about a public stream. */
  async toUsers(
    userIds: readonly number[],
    event: PublishableEvent,
    publicStreamRealmId?: number,
  ): Promise<void> {
    if (userIds.length === 0 && publicStreamRealmId === undefined) return;
    await this.publish(event, { userIds, publicStreamRealmId });
  }

  /** The general form: recipients with per-user message flags. */
  async publish(event: PublishableEvent, recipients: EventRecipients): Promise<void> {
    const sink = this.sink;
    // A missing sink is a wiring mistake: fail the mutation rather than lose its event quietly.
    if (!sink) throw new Error('EventPublisher: no event sink is attached');
    await this.db.collectAfterCommit(this, { event, recipients }, (batch) =>
      this.deliver(sink, batch),
    );
  }

  /** Resolves once everything handed over so far has been delivered (tests, shutdown). */
  drain(): Promise<void> {
    return this.tail;
  }

  private deliver(sink: EventSink, batch: Publication[]): Promise<void> {
    // The change is committed: a failed delivery is logged, never reported as a failed request.
    const failed = (err: unknown) =>
      this.logger.error(
        `Delivering ${batch.map((p) => p.event.type).join(', ')} events failed: ` +
          (err as Error).message,
      );
    let done: Promise<void>;
    if (sink.deliverInTurn) {
      const turn = sink.deliverInTurn(batch, this.issued);
      this.issued = turn.issued;
      done = turn.done.catch(failed);
    } else {
      done = this.tail.then(() => sink.deliver(batch)).catch(failed);
    }
    const previous = this.tail;
    this.tail = done.then(() => previous);
    return done;
  }
}
