import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '@hub/config';
import type { Attachment, UploadResult } from '@hub/api/upload.types';
import { RateLimiter } from '../common/rate-limiter';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import type { Realm } from '../identity/realm.types';
import { Role, User } from '../identity/user.types';
import {
  AttachmentRow,
  AttachmentsRepository,
  AttachmentWithMessages,
} from './attachments.repository';
import { contentTypeFor, isRasterImage, randomPathPart, sanitizeFileName } from './file-names';
import { ReceivedFile, receiveFile } from './upload-body';
import { UploadStorage } from './upload-storage';
import { Thumbnailer } from './thumbnailer';

/** How long a signed download URL (GET /api/v1/user_uploads/...) works: Zulip's 60 s. */
const SIGNED_URL_SECONDS = 60;

/** Attachments the cleanup job deletes per round (the next round takes the rest). */
const CLEANUP_BATCH = 500;

const notFound = (): ZulipError => ZulipError.notFound('File not found');

const millis = (d: Date | string): number => new Date(d).getTime();

export function presentAttachment(row: AttachmentWithMessages): Attachment {
  return {
    id: row.id,
    name: row.file_name,
    path_id: row.path_id,
    size: row.size,
    create_time: millis(row.create_time),
    messages: row.messages.map((m) => ({ id: Number(m.id), date_sent: millis(m.date_sent) })),
  };
}

/** What an edit or deletion did to the uploads a message referenced. */
export interface AttachmentChange {
  /** The editor's own uploads that no message references any more (Zulip's `detached_uploads`). */
  detached: Attachment[];
}

/**
 * Uploaded files: storing them (size limit, realm quota, rate limit, atomic writes), the access
 * rule for reading them, the links between messages and the uploads they reference, and the
 * cleanup of files nothing references any more. Announces `attachment` events to the owner.
 */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger('Uploads');
  private signingKey?: Promise<Buffer>;

  constructor(
    private readonly repo: AttachmentsRepository,
    private readonly storage: UploadStorage,
    private readonly db: Database,
    private readonly publisher: EventPublisher,
    private readonly limiter: RateLimiter,
    private readonly thumbnailer: Thumbnailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts an upload against the user's per-minute budget (before the body is read). */
  async checkRate(user: User): Promise<void> {
    const verdict = await this.limiter.hit(`upload:${user.id}`, this.config.uploads.ratePerMinute);
    if (!verdict.allowed) throw ZulipError.rateLimited(verdict.resetIn);
  }

  /** POST /user_uploads: streams the one file to disk, then makes it visible with its row. */
  async upload(user: User, realm: Realm, req: Request, res: Response): Promise<UploadResult> {
    await this.checkRate(user);
    const received = await receiveFile(req, res, {
      tmpDir: this.storage.tmpDir,
      maxBytes: this.config.uploads.maxFileBytes,
      tmpName: () => this.storage.tmpPath(),
    });
    return this.storeReceived(user, realm, received);
  }

  /**
   * A file the server received some other way (an email's attachment) uploaded as `user`, under
   * the same size limit and realm quota as `POST /user_uploads`; its URL is linked by the caller.
   */
  async uploadBuffer(
    user: User,
    realm: Realm,
    file: { name: string; contentType: string; data: Buffer },
  ): Promise<UploadResult> {
    if (file.data.length > this.config.uploads.maxFileBytes) {
      throw new ZulipError(
        'BAD_REQUEST',
        `File "${file.name}" is larger than the upload limit`,
        413,
      );
    }
    const tmpPath = this.storage.tmpPath();
    await fs.promises.writeFile(tmpPath, file.data);
    return this.storeReceived(user, realm, {
      tmpPath,
      originalName: file.name,
      claimedType: file.contentType,
      size: file.data.length,
    });
  }

  /** Makes a file received to a temporary path visible: its row, then the file in place. */
  private async storeReceived(
    user: User,
    realm: Realm,
    received: ReceivedFile,
  ): Promise<UploadResult> {
    const fileName = sanitizeFileName(received.originalName);
    const pathId = `${realm.id}/${randomPathPart()}/${fileName}`;
    const target = this.storage.uploadPath(pathId);
    let row: AttachmentRow;
    try {
      row = await this.db.transaction(async () => {
        const quota = this.config.uploads.realmQuotaBytes;
        if (quota > 0) {
          await this.repo.lockRealmUploads(realm.id);
          const used = await this.repo.realmUsage(realm.id);
          if (used + received.size > quota) {
            throw new ZulipError(
              'REALM_UPLOAD_QUOTA',
              "Upload would exceed your organization's upload quota.",
            );
          }
        }
        const inserted = await this.repo.insert({
          realm_id: realm.id,
          owner_id: user.id,
          path_id: pathId,
          file_name: fileName,
          content_type: contentTypeFor(fileName, received.claimedType),
          size: received.size,
        });
        // The file goes into place last: if this fails the row rolls back; if the commit then
        // fails, the catch below removes the file again.
        await this.storage.moveIntoPlace(received.tmpPath, target);
        await this.announceToOwners([inserted.id], realm.id, 'add');
        return inserted;
      });
    } catch (err) {
      // Nothing was committed: neither the temporary file nor one already moved may stay.
      await this.storage.remove(received.tmpPath);
      await this.storage.removeUpload(pathId);
      throw err;
    }
    if (isRasterImage(row.content_type)) this.thumbnailer.enqueue(row.path_id, target);
    const url = `/user_uploads/${pathId.split('/').map(encodeURIComponent).join('/')}`;
    return { uri: url, url, filename: fileName };
  }

  /**
   * The upload `pathId` in the URL's realm `realmId`, if `user` may read it; a wrong realm, no
   * access and no such file all throw the same 404.
   */
  async readable(user: User, realmId: number, pathId: string): Promise<AttachmentRow> {
    if (realmId !== user.realm_id) throw notFound();
    const row = await this.repo.findReadable(
      user.realm_id,
      `${realmId}/${pathId}`,
      user.id,
      user.role === Role.Guest,
    );
    if (!row) throw notFound();
    return row;
  }

  /** GET /api/v1/user_uploads/...: a URL that serves the file without credentials for 60 s. */
  async signedUrl(user: User, realmId: number, pathId: string): Promise<string> {
    const row = await this.readable(user, realmId, pathId);
    const expires = Math.floor(Date.now() / 1000) + SIGNED_URL_SECONDS;
    const token = `${row.id}.${expires}.${await this.sign(`${row.id}.${expires}`)}`;
    return `/user_uploads/temporary/${token}/${encodeURIComponent(row.file_name)}`;
  }

  /**
   * A mirror bridge's link to an upload it relays to IRC/XMPP, whose people have no account: it
   * works without credentials while the realm allows such links (checked at every download, so
   * turning the setting off ends them all) and the file exists.
   */
  async bridgedUrl(user: User, realm: Realm, realmId: number, pathId: string): Promise<string> {
    if (!user.is_api_super_user) throw ZulipError.unauthorizedQuery();
    if (!realm.allow_bridged_upload_links) {
      throw ZulipError.badRequest(
        'This organization does not allow public links to bridged uploads.',
      );
    }
    const row = await this.readable(user, realmId, pathId);
    const token = `${row.id}.${await this.sign(`bridged.${row.id}`)}`;
    return `/user_uploads/bridged/${token}/${encodeURIComponent(row.file_name)}`;
  }

  /** The attachment a bridged link names, if its signature holds and its realm still allows it. */
  async fromBridgedToken(token: string): Promise<AttachmentRow> {
    const match = /^(\d{1,10})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) throw notFound();
    const [, id, signature] = match;
    const expected = Buffer.from(await this.sign(`bridged.${id}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw notFound();
    const row = await this.repo.findBridgeable(Number(id));
    if (!row) throw notFound();
    return row;
  }

  /** The attachment a signed URL names, if its signature holds and it has not expired. */
  async fromSignedToken(token: string): Promise<AttachmentRow> {
    const match = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) throw notFound();
    const [, id, expires, signature] = match;
    const expected = Buffer.from(await this.sign(`${id}.${expires}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw notFound();
    if (Number(expires) < Date.now() / 1000) throw notFound();
    const [row] = await this.repo.withMessages([Number(id)]);
    if (!row) throw notFound();
    return row;
  }

  /** Where an attachment's file is on disk. */
  fileOf(row: AttachmentRow): string {
    return this.storage.uploadPath(row.path_id);
  }

  /** A thumbnail of an image upload, if it has been made yet. */
  async thumbnailOf(row: AttachmentRow, size: string): Promise<string | null> {
    if (!this.thumbnailer.isSize(size)) return null;
    const file = this.storage.thumbnailPath(row.path_id, size);
    return (await this.storage.exists(file)) ? file : null;
  }

  /** GET /attachments. */
  async list(user: User): Promise<{ attachments: Attachment[]; upload_space_used: number }> {
    const [rows, used] = await Promise.all([
      this.repo.listOwned(user.id),
      this.repo.realmUsage(user.realm_id),
    ]);
    return { attachments: rows.map(presentAttachment), upload_space_used: used };
  }

  /** DELETE /attachments/{id}: only the owner; messages keep their (now dead) links. */
  async remove(user: User, id: number): Promise<void> {
    const row = await this.repo.findOwned(user.id, id);
    if (!row) throw ZulipError.badRequest('Invalid attachment');
    await this.db.transaction(async () => {
      await this.repo.delete(row.id);
      await this.publisher.toUsers([user.id], {
        type: 'attachment',
        op: 'remove',
        attachment: { id: row.id },
        upload_space_used: await this.repo.realmUsage(user.realm_id),
      });
    });
    await this.storage.removeUpload(row.path_id);
  }

  /**
   * A new message references the uploads at `pathIds`: links those `user` may reference.
   * Costs nothing for a message without upload links.
   */
  async claim(user: User, messageId: number, pathIds: readonly string[]): Promise<void> {
    if (pathIds.length === 0) return;
    const prefix = `${user.realm_id}/`;
    const own = pathIds.filter((p) => p.startsWith(prefix));
    if (own.length === 0) return;
    await this.db.transaction(async () => {
      const linked = await this.repo.claim(
        user.realm_id,
        messageId,
        own,
        user.id,
        user.role === Role.Guest,
      );
      await this.announceToOwners(linked, user.realm_id);
    });
  }

  /**
   * A message's content changed: links the uploads it now references and unlinks the rest.
   * Returns the editor's uploads that nothing references any more. Runs in the caller's
   * transaction.
   */
  async contentEdited(
    user: User,
    messageId: number,
    pathIds: readonly string[],
  ): Promise<AttachmentChange> {
    const before = await this.repo.linkedTo([messageId]);
    const wanted = new Set(pathIds);
    const dropped = before.filter((a) => !wanted.has(a.path_id)).map((a) => a.id);
    const added = pathIds.filter((p) => !before.some((a) => a.path_id === p));
    if (dropped.length > 0) await this.repo.unlink(messageId, dropped);
    const prefix = `${user.realm_id}/`;
    const claimable = added.filter((p) => p.startsWith(prefix));
    const linked =
      claimable.length > 0
        ? await this.repo.claim(
            user.realm_id,
            messageId,
            claimable,
            user.id,
            user.role === Role.Guest,
          )
        : [];
    const detached = dropped.length > 0 ? await this.repo.markUnreferenced(dropped) : [];
    await this.announceToOwners([...linked, ...dropped], user.realm_id);
    return this.detachedOf(user, detached);
  }

  /** The uploads messages about to be deleted reference (call before deleting them). */
  async linkedTo(messageIds: readonly number[]): Promise<number[]> {
    return (await this.repo.linkedTo(messageIds)).map((a) => a.id);
  }

  /** After a message was deleted: its uploads that nothing references any more, for the reply. */
  async messageDeleted(user: User, attachmentIds: number[]): Promise<AttachmentChange> {
    if (attachmentIds.length === 0) return { detached: [] };
    const detached = await this.repo.markUnreferenced(attachmentIds);
    await this.announceToOwners(attachmentIds, user.realm_id);
    return this.detachedOf(user, detached);
  }

  /**
   * Deletes the uploads no message has referenced for the retention period (`now` is the
   * clock). Returns how many were deleted.
   */
  async cleanup(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(
      now.getTime() - this.config.uploads.unreferencedRetentionSeconds * 1000,
    );
    const rows = await this.repo.unreferencedBefore(cutoff, CLEANUP_BATCH);
    let deleted = 0;
    for (const row of rows) {
      const gone = await this.db.transaction(async () => {
        if (!(await this.repo.deleteIfUnreferenced(row.id))) return false;
        await this.publisher.toUsers([row.owner_id], {
          type: 'attachment',
          op: 'remove',
          attachment: { id: row.id },
          upload_space_used: await this.repo.realmUsage(row.realm_id),
        });
        return true;
      });
      if (!gone) continue;
      await this.storage.removeUpload(row.path_id);
      deleted++;
    }
    if (deleted > 0) this.logger.log(`Deleted ${deleted} unreferenced upload(s)`);
    return deleted;
  }

  private async detachedOf(user: User, ids: number[]): Promise<AttachmentChange> {
    if (ids.length === 0) return { detached: [] };
    const rows = await this.repo.withMessages(ids);
    return { detached: rows.filter((r) => r.owner_id === user.id).map(presentAttachment) };
  }

  /** `attachment` update events to the owners of these attachments (their messages changed). */
  private async announceToOwners(
    ids: number[],
    realmId: number,
    op: 'add' | 'update' = 'update',
  ): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.repo.withMessages(ids);
    const used = await this.repo.realmUsage(realmId);
    for (const row of rows) {
      await this.publisher.toUsers([row.owner_id], {
        type: 'attachment',
        op,
        attachment: presentAttachment(row),
        upload_space_used: used,
      });
    }
  }

  private async sign(text: string): Promise<string> {
    this.signingKey ??= this.repo
      .secret('upload_url_signing_key', randomBytes(32).toString('hex'))
      .then((hex) => Buffer.from(hex, 'hex'));
    return createHmac('sha256', await this.signingKey)
      .update(text)
      .digest('base64url');
  }
}
