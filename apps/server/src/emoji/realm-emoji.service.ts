import * as fs from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '@hub/config';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { isAdmin, Role, User } from '../identity/user.types';
import { randomPathPart } from '../uploads/file-names';
import { emojiImage, imageSize } from '../uploads/images';
import { receiveFile } from '../uploads/upload-body';
import { UploadStorage } from '../uploads/upload-storage';
import { UploadsService } from '../uploads/uploads.service';
import { RealmEmojiRepository, RealmEmojiRow } from './realm-emoji.repository';

/** Where an uploaded emoji image is served (Zulip's layout under /user_avatars). */
export function realmEmojiUrl(realmId: number, fileName: string): string {
  return `/user_avatars/${realmId}/emoji/images/${encodeURIComponent(fileName)}`;
}

/** Images wider or taller than this are refused before resizing. */
const MAX_EMOJI_SIDE = 4096;

const MAX_NAME_LENGTH = 60;

/** Zulip's `check_valid_emoji_name`: lower-case letters, digits, `-` and `_`, ending alphanumeric. */
export function checkEmojiName(name: string): void {
  if (name === '') throw ZulipError.badRequest('Emoji name is missing');
  if (name.length > MAX_NAME_LENGTH) throw ZulipError.badRequest('Emoji name is too long');
  if (!/^[0-9a-z_-]+$/.test(name)) throw ZulipError.badRequest('Invalid characters in emoji name');
  if (/[-_]$/.test(name)) {
    throw ZulipError.badRequest('Emoji names must end with either a letter or digit.');
  }
}

export interface RealmEmojiObject {
  id: string;
  name: string;
  source_url: string;
  deactivated: boolean;
  author_id: number | null;
}

/**
 * Custom emoji: uploads (name rules, size and dimension limits, resized to 64 px), deactivation
 * by their author or an administrator, and the `realm_emoji` event with the realm's full set.
 */
@Injectable()
export class RealmEmojiService {
  constructor(
    private readonly repo: RealmEmojiRepository,
    private readonly storage: UploadStorage,
    private readonly uploads: UploadsService,
    private readonly publisher: EventPublisher,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(realmId: number): Promise<Record<string, RealmEmojiObject>> {
    return this.present(await this.repo.list(realmId));
  }

  async add(user: User, name: string, req: Request, res: Response): Promise<void> {
    checkEmojiName(name);
    if (user.role === Role.Guest) {
      throw ZulipError.badRequest('Insufficient permission');
    }
    if (await this.repo.findActive(user.realm_id, name)) {
      throw ZulipError.badRequest('A custom emoji with this name already exists.');
    }
    await this.uploads.checkRate(user);
    const received = await receiveFile(req, res, {
      tmpDir: this.storage.tmpDir,
      maxBytes: this.config.uploads.maxEmojiBytes,
      tmpName: () => this.storage.tmpPath(),
    });
    let input: Buffer;
    try {
      input = await fs.promises.readFile(received.tmpPath);
    } finally {
      await this.storage.remove(received.tmpPath);
    }
    const { width, height } = await imageSize(input);
    if (width > MAX_EMOJI_SIDE || height > MAX_EMOJI_SIDE) {
      throw new ZulipError(
        'BAD_IMAGE',
        `Emoji images may be at most ${MAX_EMOJI_SIDE}×${MAX_EMOJI_SIDE} pixels`,
      );
    }
    const image = await emojiImage(input);
    const fileName = `${randomPathPart().slice(0, 16)}.${image.ext}`;
    const file = this.storage.avatarPath(`${user.realm_id}/emoji/images/${fileName}`);
    await this.storage.writeAtomically(file, image.data);
    try {
      await this.db.transaction(async () => {
        const added = await this.repo.insert(user.realm_id, name, fileName, user.id);
        if (!added) throw ZulipError.badRequest('A custom emoji with this name already exists.');
        await this.announce(user.realm_id);
      });
    } catch (err) {
      await this.storage.remove(file);
      throw err;
    }
  }

  async deactivate(user: User, name: string): Promise<void> {
    const emoji = await this.repo.findActive(user.realm_id, name);
    if (!emoji) throw ZulipError.badRequest(`Emoji '${name}' does not exist`);
    if (!isAdmin(user) && emoji.author_id !== user.id) {
      throw ZulipError.badRequest('Must be an organization administrator or emoji author');
    }
    await this.db.transaction(async () => {
      await this.repo.deactivate(emoji.id);
      await this.announce(user.realm_id);
    });
  }

  private async announce(realmId: number): Promise<void> {
    await this.publisher.toRealm(realmId, {
      type: 'realm_emoji',
      op: 'update',
      realm_emoji: this.present(await this.repo.list(realmId)),
    });
  }

  private present(rows: RealmEmojiRow[]): Record<string, RealmEmojiObject> {
    return Object.fromEntries(
      rows.map((r) => [
        String(r.id),
        {
          id: String(r.id),
          name: r.name,
          source_url: realmEmojiUrl(r.realm_id, r.file_name),
          deactivated: r.deactivated,
          author_id: r.author_id,
        },
      ]),
    );
  }
}
