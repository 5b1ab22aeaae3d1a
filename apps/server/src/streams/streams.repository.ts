import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { LookupCaches } from '../database/lookup-caches';
import { renderDescription } from './stream-format';
import type { Stream, StreamPostPolicy } from './stream.types';

/** A stream with the asking user's relation to it, from one query. */
export interface StreamWithFlags extends Stream {
  is_subscribed: boolean;
  is_default: boolean;
  owner_subscribed: boolean;
}

export interface NewStream {
  realm_id: number;
  name: string;
  description: string;
  rendered_description: string;
  invite_only: boolean;
  history_public_to_subscribers: boolean;
  stream_post_policy?: StreamPostPolicy;
  message_retention_days?: number | null;
  creator_id: number | null;
}

export type StreamChanges = Partial<
  Pick<
    Stream,
    | 'name'
    | 'description'
    | 'rendered_description'
    | 'invite_only'
    | 'history_public_to_subscribers'
    | 'stream_post_policy'
  >
>;

const UNIQUE_VIOLATION = '23505';
const ACTIVE_STREAMS = 'active-streams';

/** The flags a user's view of a stream needs, as SQL selecting from `streams s`. */
const FLAGS = `
  EXISTS (SELECT 1 FROM subscriptions x WHERE x.stream_id = s.id AND x.user_id = $2 AND x.active)
    AS is_subscribed,
  EXISTS (SELECT 1 FROM default_streams d WHERE d.stream_id = s.id) AS is_default,
  ($3::int IS NOT NULL AND EXISTS (SELECT 1 FROM subscriptions o
     WHERE o.stream_id = s.id AND o.user_id = $3 AND o.active)) AS owner_subscribed`;

@Injectable()
export class StreamsRepository {
  constructor(
    private readonly db: Database,
    private readonly caches: LookupCaches,
  ) {}

  /** An active stream of the realm by id or name; cached, as every stream message needs one. */
  findActive(realmId: number, key: { id: number } | { name: string }): Promise<Stream | undefined> {
    const byId = 'id' in key;
    const cacheKey = byId ? `${realmId}#${key.id}` : `${realmId}:${key.name.toLowerCase()}`;
    return this.caches.get(ACTIVE_STREAMS, cacheKey, () =>
      this.db.one<Stream>(
        `SELECT * FROM streams WHERE realm_id = $1 AND NOT deactivated
           AND ${byId ? 'id = $2' : 'lower(name) = lower($2)'}`,
        [realmId, byId ? key.id : key.name],
      ),
    );
  }

  /** An active stream by id, whatever its realm (for event audiences). */
  findById(id: number): Promise<Stream | undefined> {
    return this.db.one<Stream>('SELECT * FROM streams WHERE id = $1 AND NOT deactivated', [id]);
  }

  /** Active streams of the realm with the user's flags, by id or by case-insensitive name. */
  findWithFlags(
    realmId: number,
    userId: number,
    key: { id: number } | { name: string },
  ): Promise<StreamWithFlags | undefined> {
    const byId = 'id' in key;
    return this.db.one<StreamWithFlags>(
      `SELECT s.*, ${FLAGS} FROM streams s
       WHERE s.realm_id = $1 AND NOT s.deactivated AND ${byId ? 's.id = $4' : 'lower(s.name) = lower($4)'}`,
      [realmId, userId, null, byId ? key.id : key.name],
    );
  }

  /** Every active stream of the realm with the user's (and their bot owner's) flags. */
  listWithFlags(
    realmId: number,
    userId: number,
    botOwnerId: number | null,
  ): Promise<StreamWithFlags[]> {
    return this.db.rows<StreamWithFlags>(
      `SELECT s.*, ${FLAGS} FROM streams s
       WHERE s.realm_id = $1 AND NOT s.deactivated ORDER BY lower(s.name)`,
      [realmId, userId, botOwnerId],
    );
  }

  /** Active streams with these names (case-insensitive), with the user's flags. */
  findManyWithFlags(realmId: number, userId: number, names: string[]): Promise<StreamWithFlags[]> {
    return this.db.rows<StreamWithFlags>(
      `SELECT s.*, ${FLAGS} FROM streams s
       WHERE s.realm_id = $1 AND NOT s.deactivated AND lower(s.name) = ANY($4::text[])`,
      [realmId, userId, null, names.map((n) => n.toLowerCase())],
    );
  }

  findActiveByNames(realmId: number, names: string[]): Promise<Stream[]> {
    return this.db.rows<Stream>(
      `SELECT * FROM streams WHERE realm_id = $1 AND NOT deactivated AND lower(name) = ANY($2::text[])`,
      [realmId, names.map((n) => n.toLowerCase())],
    );
  }

  /** Undefined when an active stream of that name appeared meanwhile (a concurrent create). */
  async create(s: NewStream): Promise<Stream | undefined> {
    const rows = await this.db.rows<Stream>(
      `INSERT INTO streams (realm_id, name, description, rendered_description, invite_only,
         history_public_to_subscribers, stream_post_policy, message_retention_days, creator_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT DO NOTHING RETURNING *`,
      [
        s.realm_id,
        s.name,
        s.description,
        s.rendered_description,
        s.invite_only,
        s.history_public_to_subscribers,
        s.stream_post_policy ?? 1,
        s.message_retention_days ?? null,
        s.creator_id,
      ],
    );
    await this.forgetCachedStreams();
    return rows[0];
  }

  /** False when a rename collided with another active stream's name. */
  async update(id: number, changes: StreamChanges): Promise<boolean> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return true;
    // Column names come from the StreamChanges type, never from a request.
    const sets = entries.map(([column], i) => `${column} = $${i + 2}`).join(', ');
    try {
      await this.db.execute(`UPDATE streams SET ${sets} WHERE id = $1`, [
        id,
        ...entries.map(([, v]) => v),
      ]);
      await this.forgetCachedStreams();
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) return false;
      throw e;
    }
  }

  /** Archives the stream: it leaves listings, default streams and everyone's subscriptions. */
  async deactivate(id: number): Promise<void> {
    await this.db.execute('UPDATE streams SET deactivated = true WHERE id = $1', [id]);
    await this.forgetCachedStreams();
    await this.db.execute('DELETE FROM default_streams WHERE stream_id = $1', [id]);
    await this.db.execute('UPDATE subscriptions SET active = false WHERE stream_id = $1', [id]);
  }

  /** Cached stream rows must not outlive a rename, a setting change or an archive. */
  private forgetCachedStreams(): Promise<void> {
    return this.caches.invalidate(ACTIVE_STREAMS);
  }

  listDefaults(realmId: number): Promise<Stream[]> {
    return this.db.rows<Stream>(
      `SELECT s.* FROM default_streams d JOIN streams s ON s.id = d.stream_id
       WHERE d.realm_id = $1 AND NOT s.deactivated ORDER BY lower(s.name)`,
      [realmId],
    );
  }

  async addDefault(realmId: number, streamId: number): Promise<void> {
    await this.db.execute(
      `INSERT INTO default_streams (realm_id, stream_id) VALUES ($1, $2)
       ON CONFLICT (realm_id, stream_id) DO NOTHING`,
      [realmId, streamId],
    );
  }

  /** Returns whether the stream was a default stream. */
  async removeDefault(realmId: number, streamId: number): Promise<boolean> {
    const n = await this.db.execute(
      'DELETE FROM default_streams WHERE realm_id = $1 AND stream_id = $2',
      [realmId, streamId],
    );
    return n > 0;
  }

  async replaceDefaults(realmId: number, streamIds: number[]): Promise<void> {
    await this.db.execute('DELETE FROM default_streams WHERE realm_id = $1', [realmId]);
    await this.db.execute(
      `INSERT INTO default_streams (realm_id, stream_id) SELECT $1, unnest($2::int[])`,
      [realmId, streamIds],
    );
  }

  /** The stream every new realm starts with, made a default stream. */
  async createStartingStream(realmId: number, name: string, description: string): Promise<void> {
    await this.db.rows(
      `WITH s AS (
         INSERT INTO streams (realm_id, name, description, rendered_description)
         VALUES ($1, $2, $3, $4) RETURNING id
       )
       INSERT INTO default_streams (realm_id, stream_id) SELECT $1, id FROM s`,
      [realmId, name, description, renderDescription(description)],
    );
  }
}
