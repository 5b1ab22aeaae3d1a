import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import {
  SUBSCRIPTION_COLORS,
  type Stream,
  type Subscription,
  type SubscriptionSettingColumn,
} from './stream.types';

/** A user's active subscription joined with its stream. */
export interface SubscribedStream extends Stream {
  color: string;
  is_muted: boolean;
  pin_to_top: boolean;
  desktop_notifications: boolean | null;
  audible_notifications: boolean | null;
  push_notifications: boolean | null;
  email_notifications: boolean | null;
  wildcard_mentions_notify: boolean | null;
}

export interface NewSubscription {
  user_id: number;
  stream_id: number;
  color: string;
}

@Injectable()
export class SubscriptionsRepository {
  constructor(private readonly db: Database) {}

  async isSubscribed(userId: number, streamId: number): Promise<boolean> {
    const row = await this.db.one<{ yes: boolean }>(
      'SELECT true AS yes FROM subscriptions WHERE user_id = $1 AND stream_id = $2 AND active',
      [userId, streamId],
    );
    return row !== undefined;
  }

  /** Active subscribers of each stream, in one query. */
  async subscribersOf(streamIds: number[]): Promise<Map<number, number[]>> {
    const rows = await this.db.rows<{ stream_id: number; user_id: number }>(
      `SELECT sub.stream_id, sub.user_id FROM subscriptions sub JOIN users u ON u.id = sub.user_id
       WHERE sub.stream_id = ANY($1::int[]) AND sub.active AND u.is_active
       ORDER BY sub.stream_id, sub.user_id`,
      [streamIds],
    );
    const byStream = new Map<number, number[]>(streamIds.map((id) => [id, []]));
    for (const r of rows) byStream.get(r.stream_id)?.push(r.user_id);
    return byStream;
  }

  listForUser(userId: number): Promise<SubscribedStream[]> {
    return this.db.rows<SubscribedStream>(
      `SELECT s.*, sub.color, sub.is_muted, sub.pin_to_top, sub.desktop_notifications,
         sub.audible_notifications, sub.push_notifications, sub.email_notifications,
         sub.wildcard_mentions_notify
       FROM subscriptions sub JOIN streams s ON s.id = sub.stream_id
       WHERE sub.user_id = $1 AND sub.active AND NOT s.deactivated ORDER BY lower(s.name)`,
      [userId],
    );
  }

  /** Which (user, stream) pairs among these are already active subscriptions. */
  activePairs(userIds: number[], streamIds: number[]): Promise<Subscription[]> {
    return this.db.rows<Subscription>(
      `SELECT * FROM subscriptions
       WHERE user_id = ANY($1::int[]) AND stream_id = ANY($2::int[]) AND active`,
      [userIds, streamIds],
    );
  }

  /** The colours each user's active subscriptions already use. */
  async colorsInUse(userIds: number[]): Promise<Map<number, Set<string>>> {
    const rows = await this.db.rows<{ user_id: number; color: string }>(
      'SELECT user_id, color FROM subscriptions WHERE user_id = ANY($1::int[]) AND active',
      [userIds],
    );
    const byUser = new Map<number, Set<string>>(userIds.map((id) => [id, new Set()]));
    for (const r of rows) byUser.get(r.user_id)?.add(r.color);
    return byUser;
  }

  /** Subscribes in one statement; a returning subscriber keeps their earlier settings. */
  async upsert(subs: NewSubscription[]): Promise<void> {
    if (subs.length === 0) return;
    await this.db.execute(
      `INSERT INTO subscriptions (user_id, stream_id, color)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[])
       ON CONFLICT (user_id, stream_id) DO UPDATE SET active = true, date_subscribed = now()`,
      [subs.map((s) => s.user_id), subs.map((s) => s.stream_id), subs.map((s) => s.color)],
    );
  }

  /** Returns the stream ids the user was actually unsubscribed from. */
  async deactivate(userId: number, streamIds: number[]): Promise<number[]> {
    const rows = await this.db.rows<{ stream_id: number }>(
      `UPDATE subscriptions SET active = false
       WHERE user_id = $1 AND stream_id = ANY($2::int[]) AND active RETURNING stream_id`,
      [userId, streamIds],
    );
    return rows.map((r) => r.stream_id);
  }

  async updateSetting(
    userId: number,
    streamId: number,
    column: SubscriptionSettingColumn,
    value: string | boolean,
  ): Promise<void> {
    // The column comes from SUBSCRIPTION_PROPERTIES, never from a request.
    await this.db.execute(
      `UPDATE subscriptions SET ${column} = $3 WHERE user_id = $1 AND stream_id = $2 AND active`,
      [userId, streamId, value],
    );
  }

  /** One statement: a subscription to every default stream of the realm, each in its own colour. */
  async subscribeToDefaultStreams(userId: number, realmId: number): Promise<void> {
    await this.db.rows(
      `INSERT INTO subscriptions (user_id, stream_id, color)
       SELECT $1, d.stream_id, ($3::text[])[1 + (row_number() OVER (ORDER BY d.stream_id) - 1) % cardinality($3::text[])]
       FROM default_streams d JOIN streams s ON s.id = d.stream_id
       WHERE d.realm_id = $2 AND NOT s.deactivated
       ON CONFLICT (user_id, stream_id) DO UPDATE SET active = true`,
      [userId, realmId, SUBSCRIPTION_COLORS],
    );
  }
}
