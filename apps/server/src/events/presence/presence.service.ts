import { Injectable } from '@nestjs/common';
import { ZulipError } from '../../common/zulip-error';
import type { Realm } from '../../identity/realm.types';
import type { User } from '../../identity/user.types';
import { UsersService } from '../../users/users.service';
import { EventPublisher } from '../../event-publisher/event-publisher';
import { PresenceRepository } from './presence.repository';
import { formatPresences, presenceTimes } from './presence-format';

/** A ping more recent than this with the same status does not notify the realm again. */
const RENOTIFY_AFTER_MS = 50_000;
/** Zulip's OFFLINE_THRESHOLD_SECS: a user not heard from for longer is offline. */
export const OFFLINE_THRESHOLD_SECONDS = 140;

/** Presence: clients ping `POST /users/me/presence`; the realm hears about changes. */
@Injectable()
export class PresenceService {
  constructor(
    private readonly repo: PresenceRepository,
    private readonly events: EventPublisher,
    private readonly users: UsersService,
  ) {}

  async update(
    user: User,
    realm: Realm,
    status: 'active' | 'idle',
    client: string,
    options: { pingOnly: boolean; slim: boolean },
  ) {
    const before = await this.repo.presence(user.id);
    await this.repo.savePresence(user.id, status, client);
    const stale =
      !before ||
      before.status !== status ||
      Date.now() - new Date(before.last_connected_time).getTime() > RENOTIFY_AFTER_MS;
    if (stale) await this.announce(user);
    const serverTimestamp = Date.now() / 1000;
    if (options.pingOnly) return { server_timestamp: serverTimestamp };
    return {
      server_timestamp: serverTimestamp,
      presences: await this.realmPresences(user, realm, options.slim),
      presence_last_update_id: -1,
    };
  }

  /**
   * `GET /users/{user_id_or_email}/presence`: one user's presence per client plus `aggregated`,
   * which says `offline` once the user has not been heard from for the offline threshold.
   */
  async userPresence(viewer: User, realm: Realm, idOrEmail: string) {
    const target = await this.users.findVisible(viewer, realm, idOrEmail);
    if (target.is_bot) throw ZulipError.badRequest('Presence is not supported for bot users.');
    const row = await this.repo.presence(target.id);
    if (!row) throw ZulipError.badRequest(`No presence data for ${target.email}`);
    const { active, idle } = presenceTimes(row);
    const status = row.status === 'active' ? 'active' : 'idle';
    const timestamp = status === 'active' ? active : idle;
    const offline = Date.now() / 1000 - timestamp > OFFLINE_THRESHOLD_SECONDS;
    return {
      [row.client]: { status, timestamp },
      aggregated: { status: offline ? 'offline' : status, timestamp },
    };
  }

  /** The presence of every user of the realm `viewer` may see. */
  async realmPresences(viewer: User, realm: Realm, slim: boolean) {
    const [rows, visible] = await Promise.all([
      this.repo.realmPresence(realm.id),
      this.users.visibleUserIds(viewer, realm),
    ]);
    return formatPresences(visible ? rows.filter((r) => visible.has(r.user_id)) : rows, slim);
  }

  private async announce(user: User): Promise<void> {
    const row = await this.repo.presence(user.id);
    if (!row) return;
    const status: 'active' | 'idle' = row.status === 'active' ? 'active' : 'idle';
    const { active, idle } = presenceTimes(row);
    const info = { client: row.client, status, timestamp: status === 'active' ? active : idle };
    await this.events.toRealmSeeing(user.realm_id, user.id, {
      type: 'presence',
      user_id: user.id,
      email: user.email,
      server_timestamp: Date.now() / 1000,
      presence: { [row.client]: { ...info, pushable: false } },
    });
  }
}
