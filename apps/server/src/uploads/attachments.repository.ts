import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { serverSecret } from '../database/server-secrets';
import { readsMessageSql } from '../streams/message-access-sql';

/** A row of `attachments`. */
export interface AttachmentRow {
  id: number;
  realm_id: number;
  owner_id: number;
  path_id: string;
  file_name: string;
  content_type: string;
  size: number;
  create_time: Date;
  unreferenced_since: Date | null;
}

/** An attachment with the messages that reference it (GET /attachments, `attachment` events). */
export interface AttachmentWithMessages extends AttachmentRow {
  messages: Array<{ id: number; date_sent: string }>;
}

export interface NewAttachment {
  realm_id: number;
  owner_id: number;
  path_id: string;
  file_name: string;
  content_type: string;
  size: number;
}

const WITH_MESSAGES = `
  SELECT a.*, COALESCE((
    SELECT json_agg(json_build_object('id', m.id, 'date_sent', m.date_sent) ORDER BY m.id)
    FROM message_attachments ma JOIN messages m ON m.id = ma.message_id
    WHERE ma.attachment_id = a.id), '[]'::json) AS messages
  FROM attachments a`;

@Injectable()
export class AttachmentsRepository {
  constructor(private readonly db: Database) {}

  async insert(a: NewAttachment): Promise<AttachmentRow> {
    const row = await this.db.one<AttachmentRow>(
      `INSERT INTO attachments (realm_id, owner_id, path_id, file_name, content_type, size)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [a.realm_id, a.owner_id, a.path_id, a.file_name, a.content_type, a.size],
    );
    if (!row) throw new Error('INSERT INTO attachments returned no row');
    return row;
  }

  /** The bytes a realm's uploads take. */
  async realmUsage(realmId: number): Promise<number> {
    const row = await this.db.one<{ total: string }>(
      'SELECT COALESCE(SUM(size), 0) AS total FROM attachments WHERE realm_id = $1',
      [realmId],
    );
    return Number(row?.total ?? 0);
  }

  /** Serializes uploads per realm inside a transaction, so two cannot both pass the quota. */
  async lockRealmUploads(realmId: number): Promise<void> {
    await this.db.one('SELECT pg_advisory_xact_lock(1765200000, $1)', [realmId]);
  }

  /** The attachment at `pathId` in `realmId` if `userId` may read it (owner or via a message). */
  findReadable(
    realmId: number,
    pathId: string,
    userId: number,
    isGuest: boolean,
  ): Promise<AttachmentRow | undefined> {
    return this.db.one<AttachmentRow>(
      `SELECT a.* FROM attachments a
       WHERE a.realm_id = $1 AND a.path_id = $2 AND (a.owner_id = $3 OR EXISTS (
         SELECT 1 FROM message_attachments ma JOIN messages m ON m.id = ma.message_id
         WHERE ma.attachment_id = a.id AND ${readsMessageSql('$3', '$4')}))`,
      [realmId, pathId, userId, isGuest],
    );
  }

  findByPath(pathId: string): Promise<AttachmentRow | undefined> {
    return this.db.one<AttachmentRow>('SELECT * FROM attachments WHERE path_id = $1', [pathId]);
  }

  listOwned(ownerId: number): Promise<AttachmentWithMessages[]> {
    return this.db.rows<AttachmentWithMessages>(
      `${WITH_MESSAGES} WHERE a.owner_id = $1 ORDER BY a.id`,
      [ownerId],
    );
  }

  withMessages(ids: number[]): Promise<AttachmentWithMessages[]> {
    return this.db.rows<AttachmentWithMessages>(
      `${WITH_MESSAGES} WHERE a.id = ANY($1::int[]) ORDER BY a.id`,
      [ids],
    );
  }

  /** The attachment, while its realm lets bridges link uploads for people without an account. */
  findBridgeable(id: number): Promise<AttachmentRow | undefined> {
    return this.db.one<AttachmentRow>(
      `SELECT a.* FROM attachments a JOIN realms r ON r.id = a.realm_id
       WHERE a.id = $1 AND r.allow_bridged_upload_links AND NOT r.deactivated`,
      [id],
    );
  }

  findOwned(ownerId: number, id: number): Promise<AttachmentRow | undefined> {
    return this.db.one<AttachmentRow>('SELECT * FROM attachments WHERE id = $1 AND owner_id = $2', [
      id,
      ownerId,
    ]);
  }

  async delete(id: number): Promise<void> {
    await this.db.execute('DELETE FROM attachments WHERE id = $1', [id]);
  }

  /**
   * Links message `messageId` to the uploads at `pathIds` that `userId` may reference (their own,
   * or ones they can already read): a leaked URL cannot make someone else's file public.
   * Returns the ids of the attachments newly linked.
   */
  async claim(
    realmId: number,
    messageId: number,
    pathIds: string[],
    userId: number,
    isGuest: boolean,
  ): Promise<number[]> {
    const rows = await this.db.rows<{ attachment_id: number }>(
      `WITH linked AS (
         INSERT INTO message_attachments (message_id, attachment_id)
         SELECT $2, a.id FROM attachments a
         WHERE a.realm_id = $1 AND a.path_id = ANY($3::text[]) AND (a.owner_id = $4 OR EXISTS (
           SELECT 1 FROM message_attachments ma JOIN messages m ON m.id = ma.message_id
           WHERE ma.attachment_id = a.id AND ${readsMessageSql('$4', '$5')}))
         ON CONFLICT DO NOTHING
         RETURNING attachment_id
       ), referenced AS (
         UPDATE attachments SET unreferenced_since = NULL
         WHERE id IN (SELECT attachment_id FROM linked)
       )
       SELECT attachment_id FROM linked`,
      [realmId, messageId, pathIds, userId, isGuest],
    );
    return rows.map((r) => r.attachment_id);
  }

  /** The attachments a message links to, with their path ids. */
  linkedTo(messageIds: readonly number[]): Promise<Array<{ id: number; path_id: string }>> {
    return this.db.rows(
      `SELECT DISTINCT a.id, a.path_id FROM message_attachments ma JOIN attachments a
         ON a.id = ma.attachment_id WHERE ma.message_id = ANY($1::bigint[])`,
      [messageIds],
    );
  }

  /** Unlinks a message from these attachments. */
  async unlink(messageId: number, attachmentIds: number[]): Promise<void> {
    await this.db.execute(
      'DELETE FROM message_attachments WHERE message_id = $1 AND attachment_id = ANY($2::int[])',
      [messageId, attachmentIds],
    );
  }

  /** Of these attachments, marks those no message references any more; returns their ids. */
  async markUnreferenced(ids: number[]): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      `UPDATE attachments a SET unreferenced_since = now()
       WHERE a.id = ANY($1::int[]) AND a.unreferenced_since IS NULL
         AND NOT EXISTS (SELECT 1 FROM message_attachments ma WHERE ma.attachment_id = a.id)
       RETURNING a.id`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Attachments no message has referenced since before `cutoff`. */
  unreferencedBefore(cutoff: Date, limit: number): Promise<AttachmentRow[]> {
    return this.db.rows<AttachmentRow>(
      `SELECT a.* FROM attachments a
       WHERE a.unreferenced_since < $1
         AND NOT EXISTS (SELECT 1 FROM message_attachments ma WHERE ma.attachment_id = a.id)
       ORDER BY a.unreferenced_since LIMIT $2`,
      [cutoff, limit],
    );
  }

  /** Deletes the row only if it is still unreferenced (a message may have claimed it since). */
  async deleteIfUnreferenced(id: number): Promise<boolean> {
    const count = await this.db.execute(
      `DELETE FROM attachments a WHERE a.id = $1 AND a.unreferenced_since IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM message_attachments ma WHERE ma.attachment_id = a.id)`,
      [id],
    );
    return count > 0;
  }

  /** A server-wide secret by name, created on first use (the same in every process). */
  secret(name: string, fresh: string): Promise<string> {
    return serverSecret(this.db, name, fresh);
  }
}
