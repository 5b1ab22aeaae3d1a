import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Database } from '../database/database.service';
import { EventsService } from '../events/events.service';
import type { PublishableEvent } from '../events/event.types';
import { RealmAudienceRepository } from './realm-audience.repository';

/**
 * Publishes mutation events for the realm-level modules. EventsService is looked up at runtime:
 * EventsModule imports MessagesModule, which imports StreamsModule, so a static import of
 * EventsModule here would close a module cycle.
 */
@Injectable()
export class RealmEvents {
  private events?: EventsService;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly audience: RealmAudienceRepository,
    private readonly db: Database,
  ) {}

  /** To every active user of the realm. */
  async toRealm(realmId: number, event: PublishableEvent): Promise<void> {
    await this.toUsers(await this.audience.activeUserIds(realmId), event);
  }

  /** To the realm's administrators plus `extra` (e.g. a bot's owner). */
  async toAdminsAnd(realmId: number, extra: number[], event: PublishableEvent): Promise<void> {
    const admins = await this.audience.activeAdminIds(realmId);
    await this.toUsers([...new Set([...admins, ...extra])], event);
  }

  /** To every active user; administrators get `forAdmins` (e.g. with `delivery_email`). */
  async toRealmSplit(
    realmId: number,
    forAdmins: PublishableEvent,
    forOthers: PublishableEvent,
  ): Promise<void> {
    const admins = new Set(await this.audience.activeAdminIds(realmId));
    const everyone = await this.audience.activeUserIds(realmId);
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
    this.events ??= this.moduleRef.get(EventsService, { strict: false });
    const events = this.events;
    await this.db.afterCommit(() => events.publish(event, { userIds, publicStreamRealmId }));
  }
}
