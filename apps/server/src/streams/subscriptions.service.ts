import { Injectable } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { UsersRepository } from '../identity/users.repository';
import { isAdmin, Role, User } from '../identity/user.types';
import { renderDescription, toApiSubscription } from './stream-format';
import { validateStreamDescription, validateStreamName } from './stream-rules';
import { StreamEvents, SubscriptionPair } from './stream-events';
import {
  Stream,
  StreamPostPolicy,
  SUBSCRIPTION_COLORS,
  SUBSCRIPTION_PROPERTIES,
  SubscriptionProperty,
} from './stream.types';
import { StreamsRepository } from './streams.repository';
import { StreamsService } from './streams.service';
import { NewSubscription, SubscriptionsRepository } from './subscriptions.repository';

export interface StreamRequest {
  name: string;
  description?: string;
}

export interface SubscribeInput {
  streams: StreamRequest[];
  /** User ids or emails; absent means the acting user. */
  principals?: Array<number | string>;
  inviteOnly?: boolean;
  historyPublicToSubscribers?: boolean;
  streamPostPolicy?: StreamPostPolicy;
  authorizationErrorsFatal?: boolean;
}

export interface SubscribeResult {
  subscribed: Record<string, string[]>;
  already_subscribed: Record<string, string[]>;
  unauthorized?: string[];
}

export interface UnsubscribeResult {
  removed: string[];
  not_removed: string[];
}

export interface PropertyChange {
  stream_id: number;
  property: string;
  value: unknown;
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

function insufficientPermission(): ZulipError {
  return ZulipError.badRequest('Insufficient permission');
}

/** Joining, leaving and per-user settings of streams, with the private-stream rules. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly streams: StreamsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly access: StreamsService,
    private readonly users: UsersRepository,
    private readonly db: Database,
    private readonly events: StreamEvents,
  ) {}

  /** A new user joins every default stream of the realm, each in its own colour. */
  async subscribeToDefaultStreams(userId: number, realmId: number): Promise<void> {
    await this.subscriptions.subscribeToDefaultStreams(userId, realmId);
  }

  async list(user: User, includeSubscribers: boolean) {
    const subs = await this.subscriptions.listForUser(user.id);
    const subscribers = includeSubscribers
      ? await this.subscriptions.subscribersOf(subs.map((s) => s.id))
      : undefined;
    return subs.map((s) => toApiSubscription(s, subscribers?.get(s.id)));
  }

  /**
   * Subscribes the principals (default: the actor) to the named streams, creating missing ones.
   * Private streams: only their subscribers may add anyone. Public: any non-guest member may join
   * or add others. Guests may neither create streams nor join streams they were not added to.
   */
  async subscribe(actor: User, input: SubscribeInput): Promise<SubscribeResult> {
    const { result, created, fresh } = await this.db.transaction(async () => {
      const targets = await this.resolvePrincipals(actor, input.principals);
      if (actor.role === Role.Guest && targets.some((t) => t.id !== actor.id)) {
        throw insufficientPermission();
      }
      const requests = this.dedupe(input.streams);
      const existing = await this.streams.findActiveByNames(
        actor.realm_id,
        requests.map((r) => r.name),
      );
      const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
      const pairs = await this.subscriptions.activePairs(
        [...new Set([actor.id, ...targets.map((t) => t.id)])],
        existing.map((s) => s.id),
      );
      const has = new Set(pairs.map((p) => `${p.user_id}:${p.stream_id}`));

      const allowed: Stream[] = [];
      const unauthorized: string[] = [];
      const missing: StreamRequest[] = [];
      for (const request of requests) {
        const stream = byName.get(request.name.toLowerCase());
        if (!stream) missing.push(request);
        else if (this.mayAddTo(actor, stream, has.has(`${actor.id}:${stream.id}`))) {
          allowed.push(stream);
        } else unauthorized.push(stream.name);
      }
      if (unauthorized.length > 0 && input.authorizationErrorsFatal !== false) {
        throw ZulipError.badRequest(`Unable to access channel (${unauthorized[0]}).`);
      }
      if (missing.length > 0 && actor.role === Role.Guest) {
        throw ZulipError.badRequest('You do not have permission to create channels.');
      }
      const created: Stream[] = [];
      for (const request of missing) {
        const { stream, isNew } = await this.createStream(actor, request, input);
        allowed.push(stream);
        if (isNew) created.push(stream);
      }
      const { result, fresh } = await this.addSubscriptions(targets, allowed, has);
      if (input.authorizationErrorsFatal === false) result.unauthorized = unauthorized;
      return { result, created, fresh };
    });
    // A new stream is announced before anyone's subscription to it.
    await this.events.created(created);
    await this.events.subscribed(fresh);
    return result;
  }

  /**
   * Unsubscribes the principals (default: the actor). Removing someone else takes an admin, or
   * the owner of the bot being removed; either way the actor must be able to see the stream.
   */
  async unsubscribe(
    actor: User,
    names: string[],
    principals?: Array<number | string>,
  ): Promise<UnsubscribeResult> {
    const { result, removedPairs, streams } = await this.db.transaction(async () => {
      const targets = await this.resolvePrincipals(actor, principals);
      for (const target of targets) {
        const mayRemove =
          target.id === actor.id || isAdmin(actor) || target.bot_owner_id === actor.id;
        if (!mayRemove) throw insufficientPermission();
      }
      const wanted = [...new Set(names.map((n) => n.trim()))];
      const found = await this.streams.findManyWithFlags(actor.realm_id, actor.id, wanted);
      const byName = new Map(found.map((s) => [s.name.toLowerCase(), s]));
      const streams: Stream[] = [];
      for (const name of wanted) {
        const stream = byName.get(name.toLowerCase());
        // Streams the actor cannot see are reported exactly like missing ones.
        if (!stream || !(await this.access.canRead(actor, stream))) {
          throw ZulipError.streamDoesNotExist(name);
        }
        if (!streams.includes(stream)) streams.push(stream);
      }
      const result: UnsubscribeResult = { removed: [], not_removed: [] };
      const removedPairs: SubscriptionPair[] = [];
      for (const target of targets) {
        const removed = new Set(
          await this.subscriptions.deactivate(
            target.id,
            streams.map((s) => s.id),
          ),
        );
        for (const s of streams)
          (removed.has(s.id) ? result.removed : result.not_removed).push(s.name);
        for (const id of removed) removedPairs.push({ user_id: target.id, stream_id: id });
      }
      return { result, removedPairs, streams };
    });
    await this.events.unsubscribed(removedPairs, streams);
    return result;
  }

  /** Changes the actor's own settings on streams they are subscribed to. */
  async updateProperties(actor: User, changes: PropertyChange[]): Promise<PropertyChange[]> {
    const applied = await this.db.transaction(async () => {
      const pairs = await this.subscriptions.activePairs(
        [actor.id],
        changes.map((c) => c.stream_id),
      );
      const subscribed = new Set(pairs.map((p) => p.stream_id));
      for (const change of changes) {
        if (!subscribed.has(change.stream_id)) {
          throw ZulipError.badRequest(`Not subscribed to channel ID ${change.stream_id}`);
        }
        const property = change.property as SubscriptionProperty;
        if (!SUBSCRIPTION_PROPERTIES.includes(property)) {
          throw ZulipError.badRequest(`Unknown subscription property: ${change.property}`);
        }
        if (property === 'color') {
          if (typeof change.value !== 'string' || !HEX_COLOR.test(change.value)) {
            throw ZulipError.badRequest('color is not a valid hex color code');
          }
          await this.subscriptions.updateSetting(actor.id, change.stream_id, 'color', change.value);
          continue;
        }
        if (typeof change.value !== 'boolean') {
          throw ZulipError.badRequest(`${property} is not a boolean`);
        }
        if (property === 'in_home_view') {
          await this.subscriptions.updateSetting(
            actor.id,
            change.stream_id,
            'is_muted',
            !change.value,
          );
        } else {
          await this.subscriptions.updateSetting(
            actor.id,
            change.stream_id,
            property,
            change.value,
          );
        }
      }
      return changes;
    });
    for (const change of applied) {
      const value = change.value as string | boolean; // validated above
      await this.events.propertyChanged(actor.id, change.stream_id, change.property, value);
    }
    return applied;
  }

  /** Whether `userId` is subscribed to a stream the actor can see. */
  async isUserSubscribed(actor: User, userId: number, streamId: number): Promise<boolean> {
    const target = await this.users.findInRealm(actor.realm_id, userId);
    if (!target) throw ZulipError.badRequest('No such user');
    const stream = await this.access.getStreamForUser(actor, streamId);
    return target.id === actor.id
      ? stream.is_subscribed
      : this.subscriptions.isSubscribed(target.id, stream.id);
  }

  /** Subscribes every target to every stream, reporting who was already subscribed. */
  private async addSubscriptions(
    targets: User[],
    streams: Stream[],
    has: Set<string>,
  ): Promise<{ result: SubscribeResult; fresh: NewSubscription[] }> {
    const result: SubscribeResult = { subscribed: {}, already_subscribed: {} };
    const colors = await this.subscriptions.colorsInUse(targets.map((t) => t.id));
    const fresh: NewSubscription[] = [];
    for (const target of targets) {
      for (const stream of streams) {
        if (has.has(`${target.id}:${stream.id}`)) {
          (result.already_subscribed[target.email] ??= []).push(stream.name);
          continue;
        }
        const used = colors.get(target.id) ?? new Set<string>();
        const color = pickColor(used);
        used.add(color);
        fresh.push({ user_id: target.id, stream_id: stream.id, color });
        (result.subscribed[target.email] ??= []).push(stream.name);
      }
    }
    await this.subscriptions.upsert(fresh);
    return { result, fresh };
  }

  private mayAddTo(actor: User, stream: Stream, actorSubscribed: boolean): boolean {
    if (stream.invite_only) return actorSubscribed;
    return actor.role !== Role.Guest || actorSubscribed;
  }

  /** Creates the stream, or returns the one a concurrent request created under that name. */
  private async createStream(
    actor: User,
    request: StreamRequest,
    input: SubscribeInput,
  ): Promise<{ stream: Stream; isNew: boolean }> {
    const description = validateStreamDescription(request.description ?? '');
    const inviteOnly = input.inviteOnly ?? false;
    const created = await this.streams.create({
      realm_id: actor.realm_id,
      name: request.name,
      description,
      rendered_description: renderDescription(description),
      invite_only: inviteOnly,
      // Zulip's defaults: public history is always readable; private history only when asked.
      history_public_to_subscribers: inviteOnly
        ? (input.historyPublicToSubscribers ?? false)
        : true,
      stream_post_policy: input.streamPostPolicy,
      creator_id: actor.id,
    });
    if (created) return { stream: created, isNew: true };
    // Someone created it meanwhile: it gets the same access check as any existing stream.
    const [existing] = await this.streams.findActiveByNames(actor.realm_id, [request.name]);
    if (!existing || !this.mayAddTo(actor, existing, false)) {
      throw ZulipError.badRequest(`Unable to access channel (${request.name}).`);
    }
    return { stream: existing, isNew: false };
  }

  private dedupe(streams: StreamRequest[]): StreamRequest[] {
    const seen = new Map<string, StreamRequest>();
    for (const s of streams) {
      const name = validateStreamName(s.name);
      if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), { ...s, name });
    }
    return [...seen.values()];
  }

  private async resolvePrincipals(
    actor: User,
    principals: Array<number | string> | undefined,
  ): Promise<User[]> {
    if (principals === undefined || principals.length === 0) return [actor];
    const ids = principals.filter((p): p is number => typeof p === 'number');
    const emails = principals.filter((p): p is string => typeof p === 'string');
    const found = [
      ...(ids.length ? await this.users.findManyByIds(actor.realm_id, ids) : []),
      ...(emails.length ? await this.users.findManyByEmails(actor.realm_id, emails) : []),
    ].filter((u) => u.is_active);
    for (const p of principals) {
      const match = found.some((u) =>
        typeof p === 'number' ? u.id === p : u.email.toLowerCase() === p.toLowerCase(),
      );
      if (!match) throw ZulipError.badRequest(`No such user: ${p}`);
    }
    return [...new Map(found.map((u) => [u.id, u])).values()];
  }
}

/** The first palette colour the user does not use yet; past that, cycle by count. */
function pickColor(used: Set<string>): string {
  return (
    SUBSCRIPTION_COLORS.find((c) => !used.has(c)) ??
    SUBSCRIPTION_COLORS[used.size % SUBSCRIPTION_COLORS.length]
  );
}
