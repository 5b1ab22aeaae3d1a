import * as fs from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import { avatarUrl, uploadedAvatarPath } from '../identity/user-presenter';
import type { User } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';
import { AVATAR_SIZES, squareAvatar } from './images';
import { receiveFile } from './upload-body';
import { UploadStorage } from './upload-storage';
import { UploadsService } from './uploads.service';

/** `/user_avatars/<rest>` → `<rest>`. */
const avatarRest = (url: string): string => url.slice('/user_avatars/'.length);

/**
 * Uploaded avatars: the image becomes two squares (100 and 500 px PNG, metadata dropped) whose
 * names carry the avatar version, so every change is a new URL. Deleting returns to Gravatar.
 * Announced to the realm as a `realm_user` update.
 */
@Injectable()
export class AvatarsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly storage: UploadStorage,
    private readonly uploads: UploadsService,
    private readonly publisher: EventPublisher,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(user: User, req: Request, res: Response): Promise<{ avatar_url: string }> {
    await this.uploads.checkRate(user);
    const received = await receiveFile(req, res, {
      tmpDir: this.storage.tmpDir,
      maxBytes: this.config.uploads.maxAvatarBytes,
      tmpName: () => this.storage.tmpPath(),
    });
    let input: Buffer;
    try {
      input = await fs.promises.readFile(received.tmpPath);
    } finally {
      await this.storage.remove(received.tmpPath);
    }
    const [small, medium] = await Promise.all([
      squareAvatar(input, AVATAR_SIZES.small),
      squareAvatar(input, AVATAR_SIZES.medium),
    ]);
    const next = { ...user, avatar_source: 'U', avatar_version: user.avatar_version + 1 };
    const files = [uploadedAvatarPath(next), uploadedAvatarPath(next, true)].map((url) =>
      this.storage.avatarPath(avatarRest(url)),
    );
    await this.storage.writeAtomically(files[0], small);
    await this.storage.writeAtomically(files[1], medium);
    try {
      const updated = await this.change(user, 'U');
      return { avatar_url: avatarUrl(updated) };
    } catch (err) {
      await Promise.all(files.map((f) => this.storage.remove(f)));
      throw err;
    }
  }

  async remove(user: User): Promise<{ avatar_url: string; avatar_version: number }> {
    const updated = await this.change(user, 'G');
    return { avatar_url: avatarUrl(updated), avatar_version: updated.avatar_version };
  }

  private async change(user: User, source: 'U' | 'G'): Promise<User> {
    const updated = await this.db.transaction(async () => {
      const row = await this.users.update(user.id, {
        avatar_source: source,
        avatar_version: user.avatar_version + 1,
      });
      await this.publisher.toRealm(user.realm_id, {
        type: 'realm_user',
        op: 'update',
        person: {
          user_id: row.id,
          avatar_source: row.avatar_source,
          avatar_url: avatarUrl(row),
          avatar_url_medium: avatarUrl(row, true),
          avatar_version: row.avatar_version,
        },
      });
      return row;
    });
    if (user.avatar_source === 'U') {
      for (const medium of [false, true]) {
        await this.storage.remove(
          this.storage.avatarPath(avatarRest(uploadedAvatarPath(user, medium))),
        );
      }
    }
    return updated;
  }
}
