import { Injectable } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { AudienceRepository } from '../event-publisher/audience.repository';
import { RealmsRepository } from '../identity/realms.repository';
import type { Realm } from '../identity/realm.types';
import { isAdmin, Role, User } from '../identity/user.types';
import { renderDescription } from './stream-format';
import {
  adminRequired,
  invalidStreamName,
  validateStreamDescription,
  validateStreamName,
} from './stream-rules';
import { StreamEvents, StreamUpdateFields } from './stream-events';
import { Stream, StreamPostPolicy } from './stream.types';
import { StreamChanges, StreamsRepository, StreamWithFlags } from './streams.repository';
import { SubscriptionsRepository } from './subscriptions.repository';

/** Which streams `GET /streams` should list (Zulip's include_* flags). */
export interface StreamListOptions {
  includePublic: boolean;
  includeWebPublic: boolean;
  includeSubscribed: boolean;
  includeAllActive: boolean;
  includeDefault: boolean;
  includeOwnerSubscribed: boolean;
}

export interface StreamUpdate {
  newName?: string;
  description?: string;
  isPrivate?: boolean;
  historyPublicToSubscribers?: boolean;
  streamPostPolicy?: StreamPostPolicy;
}

/** A stream, possibly with the asking user's subscription already known. */
export type StreamForAccess = Stream & { is_subscribed?: boolean };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The one place that decides who may see, read and post to a stream, plus stream management.
 *
 * Access rules (ARCHITECTURE.md security model), used by every module that touches streams:
 * - `canRead(user, stream)`: a subscriber always; otherwise a public stream is readable by any
 *   non-guest member of its realm (bots included); a private stream by nobody else, admins
 *   included; guests only reach web-public streams they are not subscribed to.
 * - `canPost(user, stream, realm?)`: `canRead` plus the stream's `stream_post_policy`.
 * - `getStreamForUser(user, nameOrId)`: the stream if the user can read it, else the same
 *   "does not exist" error an unknown stream gets, so private streams never leak.
 * - `subscriberIds(streamId)`: active subscribers who are active users.
 * Each costs at most one query; `getStreamForUser` returns `is_subscribed`, so passing its result
 * to `canRead`/`canPost` costs none.
 */
@Injectable()
export class StreamsService {
  constructor(
    private readonly streams: StreamsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly realms: RealmsRepository,
    private readonly db: Database,
    private readonly events: StreamEvents,
    private readonly audience: AudienceRepository,
  ) {}

  async canRead(user: User, stream: StreamForAccess): Promise<boolean> {
    if (stream.realm_id !== user.realm_id || stream.deactivated) return false;
    if (!stream.invite_only && user.role !== Role.Guest) return true;
    const subscribed =
      stream.is_subscribed ?? (await this.subscriptions.isSubscribed(user.id, stream.id));
    if (subscribed) return true;
    return !stream.invite_only && stream.is_web_public;
  }

  async canPost(
    user: User,
    stream: StreamForAccess,
    realm?: Pick<Realm, 'waiting_period_threshold'>,
  ): Promise<boolean> {
    if (!(await this.canRead(user, stream))) return false;
    switch (stream.stream_post_policy) {
      case StreamPostPolicy.Admins:
        return isAdmin(user);
      case StreamPostPolicy.Moderators:
        return user.role <= Role.Moderator;
      case StreamPostPolicy.RestrictNewMembers: {
        if (isAdmin(user)) return true;
        if (user.role === Role.Guest) return false;
        const threshold =
          realm?.waiting_period_threshold ??
          (await this.realms.findById(user.realm_id))?.waiting_period_threshold ??
          0;
        return Date.now() - new Date(user.date_joined).getTime() >= threshold * DAY_MS;
      }
      default:
        return true;
    }
  }

  /**
   * The stream (by id or name) `user` is sending to, if they can read it: from the stream cache,
   * reading the user's subscription only where it matters (private streams, guests). Whether
   * they may post there is `canPost`'s to say.
   */
  async getStreamForSending(user: User, nameOrId: string | number): Promise<StreamForAccess> {
    const key = typeof nameOrId === 'number' ? { id: nameOrId } : { name: nameOrId.trim() };
    const stream = await this.streams.findActive(user.realm_id, key);
    if (!stream) throw ZulipError.streamDoesNotExist(nameOrId);
    const access: StreamForAccess =
      stream.invite_only || user.role === Role.Guest
        ? { ...stream, is_subscribed: await this.subscriptions.isSubscribed(user.id, stream.id) }
        : stream;
    if (!(await this.canRead(user, access))) throw ZulipError.streamDoesNotExist(nameOrId);
    return access;
  }

  /** An active stream of the realm (by id or name), whoever asks: for the server's own senders. */
  async getActiveStream(realmId: number, nameOrId: string | number): Promise<Stream> {
    const key = typeof nameOrId === 'number' ? { id: nameOrId } : { name: nameOrId.trim() };
    const stream = await this.streams.findActive(realmId, key);
    if (!stream) throw ZulipError.streamDoesNotExist(nameOrId);
    return stream;
  }

  /** The stream (by id or name) if `user` can read it, or undefined. One query. */
  async findForUser(user: User, nameOrId: string | number): Promise<StreamWithFlags | undefined> {
    const key = typeof nameOrId === 'number' ? { id: nameOrId } : { name: nameOrId.trim() };
    const stream = await this.streams.findWithFlags(user.realm_id, user.id, key);
    return stream && (await this.canRead(user, stream)) ? stream : undefined;
  }

  /**
   * Whether `user` may see the stream's whole history, not only the messages they received: a
   * public stream (web-public ones for guests), or a shared-history stream they are subscribed to.
   */
  historyVisible(user: User, stream: StreamWithFlags): boolean {
    return (
      (!stream.invite_only && (user.role !== Role.Guest || stream.is_web_public)) ||
      (stream.is_subscribed && stream.history_public_to_subscribers)
    );
  }

  async getStreamForUser(user: User, nameOrId: string | number): Promise<StreamWithFlags> {
    const stream = await this.findForUser(user, nameOrId);
    if (!stream) throw ZulipError.streamDoesNotExist(nameOrId);
    return stream;
  }

  subscriberIds(streamId: number): Promise<number[]> {
    return this.audience.subscriberIds(streamId);
  }

  /** The stream a new realm starts with, made a default stream (inside the realm's creation). */
  async createStartingStream(realmId: number, name: string, description: string): Promise<void> {
    await this.streams.createStartingStream(realmId, name, description);
  }

  async streamIdByName(user: User, name: string): Promise<number> {
    const stream = await this.findForUser(user, name);
    if (!stream) throw invalidStreamName(name);
    return stream.id;
  }

  /**
   * The streams `GET /streams` lists. Even `include_all_active` (admins) never lists a private
   * stream the admin is not subscribed to: non-subscribers cannot see private streams.
   */
  async listStreams(user: User, options: StreamListOptions): Promise<StreamWithFlags[]> {
    if (options.includeAllActive && !isAdmin(user)) throw ZulipError.unauthorizedQuery();
    const all = await this.streams.listWithFlags(user.realm_id, user.id, user.bot_owner_id);
    const listed: StreamWithFlags[] = [];
    for (const s of all) {
      // Never list what the user could not read, whatever the flags say.
      if (!(await this.canRead(user, s))) continue;
      const isPublic = !s.invite_only && user.role !== Role.Guest;
      const wanted =
        options.includeAllActive ||
        (options.includePublic && isPublic) ||
        (options.includeWebPublic && s.is_web_public) ||
        (options.includeSubscribed && s.is_subscribed) ||
        (options.includeDefault && s.is_default) ||
        (options.includeOwnerSubscribed && user.is_bot && s.owner_subscribed);
      if (wanted) listed.push(s);
    }
    return listed;
  }

  async members(user: User, streamId: number): Promise<number[]> {
    const stream = await this.getStreamForUser(user, streamId);
    return this.audience.subscriberIds(stream.id);
  }

  /** Admins only; a private stream only by an admin subscribed to it. */
  async updateStream(user: User, streamId: number, update: StreamUpdate): Promise<void> {
    const { before, audience, changes } = await this.db.transaction(async () => {
      const stream = await this.getStreamForUser(user, streamId);
      if (!isAdmin(user)) throw adminRequired();
      const changes: StreamChanges = {};
      if (update.newName !== undefined) {
        const name = validateStreamName(update.newName);
        const clash = await this.streams.findWithFlags(user.realm_id, user.id, { name });
        if (clash && clash.id !== stream.id) {
          throw ZulipError.badRequest(`Channel '${name}' already exists`);
        }
        changes.name = name;
      }
      if (update.description !== undefined) {
        changes.description = validateStreamDescription(update.description);
        changes.rendered_description = renderDescription(changes.description);
      }
      if (update.isPrivate !== undefined) {
        if (update.isPrivate && stream.is_default) {
          throw ZulipError.badRequest('A default channel cannot be private.');
        }
        changes.invite_only = update.isPrivate;
      }
      const invite = changes.invite_only ?? stream.invite_only;
      if (update.historyPublicToSubscribers !== undefined) {
        changes.history_public_to_subscribers = update.historyPublicToSubscribers;
      }
      // Zulip: the history of a public stream is always readable by its subscribers.
      if (!invite) changes.history_public_to_subscribers = true;
      if (update.streamPostPolicy !== undefined)
        changes.stream_post_policy = update.streamPostPolicy;
      if (!(await this.streams.update(stream.id, changes))) {
        throw ZulipError.badRequest(`Channel '${changes.name}' already exists`);
      }
      return { before: stream, audience: await this.events.audienceOf(stream), changes };
    });
    await this.events.updated(before, audience, updateEvents(before, changes));
  }

  async deleteStream(user: User, streamId: number): Promise<void> {
    const stream = await this.getStreamForUser(user, streamId);
    if (!isAdmin(user)) throw adminRequired();
    const audience = await this.events.audienceOf(stream);
    await this.db.transaction(() => this.streams.deactivate(stream.id));
    await this.events.deleted(stream, audience);
    if (stream.is_default) await this.events.defaultStreamsChanged(stream.realm_id);
  }

  listDefaultStreams(realmId: number): Promise<Stream[]> {
    return this.streams.listDefaults(realmId);
  }

  async addDefaultStream(user: User, streamId: number): Promise<void> {
    if (!isAdmin(user)) throw adminRequired();
    const stream = await this.getStreamForUser(user, streamId);
    if (stream.invite_only) throw ZulipError.badRequest('Private channels cannot be made default.');
    await this.streams.addDefault(user.realm_id, stream.id);
    await this.events.defaultStreamsChanged(user.realm_id);
  }

  async removeDefaultStream(user: User, streamId: number): Promise<void> {
    if (!isAdmin(user)) throw adminRequired();
    const stream = await this.getStreamForUser(user, streamId);
    if (!(await this.streams.removeDefault(user.realm_id, stream.id))) {
      throw ZulipError.badRequest(`Channel '${stream.name}' is not a default channel`);
    }
    await this.events.defaultStreamsChanged(user.realm_id);
  }

  /** For `manage set-default-streams`: the realm's default streams become exactly `names`. */
  async setDefaultStreams(realm: Realm, names: string[]): Promise<Stream[]> {
    const wanted = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];
    const streams = await this.db.transaction(async () => {
      const found = await this.streams.findActiveByNames(realm.id, wanted);
      const byName = new Map(found.map((s) => [s.name.toLowerCase(), s]));
      const streams = wanted.map((name) => {
        const stream = byName.get(name.toLowerCase());
        if (!stream) throw ZulipError.streamDoesNotExist(name);
        if (stream.invite_only) {
          throw ZulipError.badRequest(`Private channel '${stream.name}' cannot be made default.`);
        }
        return stream;
      });
      await this.streams.replaceDefaults(
        realm.id,
        streams.map((s) => s.id),
      );
      return streams;
    });
    await this.events.defaultStreamsChanged(realm.id);
    return streams;
  }
}

/** Zulip's `stream` update events for the columns that changed, one per property. */
function updateEvents(before: Stream, changes: StreamChanges): StreamUpdateFields[] {
  const out: StreamUpdateFields[] = [];
  if (changes.name !== undefined && changes.name !== before.name) {
    out.push({ property: 'name', value: changes.name });
  }
  if (changes.description !== undefined && changes.description !== before.description) {
    out.push({
      property: 'description',
      value: changes.description,
      rendered_description: changes.rendered_description ?? '',
    });
  }
  const history = changes.history_public_to_subscribers ?? before.history_public_to_subscribers;
  if (changes.invite_only !== undefined && changes.invite_only !== before.invite_only) {
    out.push({
      property: 'invite_only',
      value: changes.invite_only,
      history_public_to_subscribers: history,
      is_web_public: before.is_web_public,
    });
  } else if (history !== before.history_public_to_subscribers) {
    out.push({ property: 'history_public_to_subscribers', value: history });
  }
  const policy = changes.stream_post_policy;
  if (policy !== undefined && policy !== before.stream_post_policy) {
    out.push({ property: 'stream_post_policy', value: policy });
  }
  return out;
}
