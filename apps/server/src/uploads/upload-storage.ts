import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';

/**
 * The files under UPLOADS_DIR: `<path_id>` for uploads, `thumbnail/<path_id>/<size>.webp` for
 * their thumbnails, `avatars/<realm id>/...` for avatars and custom emoji (served at
 * `/user_avatars/`), and `.tmp/` where files are written before they are renamed into place, so
 * no reader ever sees half a file.
 */
@Injectable()
export class UploadStorage implements OnModuleInit {
  readonly root: string;
  readonly tmpDir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = config.uploads.dir;
    this.tmpDir = path.join(this.root, '.tmp');
  }

  /** Creates the folders; a temporary file left by a crash is deleted (it belongs to no row). */
  async onModuleInit(): Promise<void> {
    await fs.promises.mkdir(this.tmpDir, { recursive: true });
    const stale = Date.now() - 24 * 3600 * 1000;
    for (const name of await fs.promises.readdir(this.tmpDir)) {
      const file = path.join(this.tmpDir, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat && stat.mtimeMs < stale) await fs.promises.rm(file, { force: true });
    }
  }

  /** A fresh temporary file name. */
  tmpPath(): string {
    return path.join(this.tmpDir, randomBytes(16).toString('hex'));
  }

  /** Where an upload's file lives; refuses a path id that would leave the uploads folder. */
  uploadPath(pathId: string): string {
    return this.inside(this.root, pathId);
  }

  thumbnailPath(pathId: string, size: string): string {
    return this.inside(path.join(this.root, 'thumbnail'), `${pathId}/${size}`);
  }

  /** `/user_avatars/<rest>` on disk. */
  avatarPath(rest: string): string {
    return this.inside(path.join(this.root, 'avatars'), rest);
  }

  /** Moves a finished temporary file to `target` (atomic on one file system). */
  async moveIntoPlace(tmp: string, target: string): Promise<void> {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(tmp, target);
  }

  /** Writes `data` to `target` through a temporary file, so `target` is whole or absent. */
  async writeAtomically(target: string, data: Buffer): Promise<void> {
    const tmp = this.tmpPath();
    try {
      await fs.promises.writeFile(tmp, data);
      await this.moveIntoPlace(tmp, target);
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
  }

  async remove(file: string): Promise<void> {
    await fs.promises.rm(file, { force: true });
  }

  /** Deletes an upload's file, its thumbnails and the folders they leave empty. */
  async removeUpload(pathId: string): Promise<void> {
    const file = this.uploadPath(pathId);
    await fs.promises.rm(file, { force: true });
    await fs.promises.rm(path.join(this.root, 'thumbnail', pathId), {
      recursive: true,
      force: true,
    });
    await fs.promises.rmdir(path.dirname(file)).catch(() => undefined);
  }

  async exists(file: string): Promise<boolean> {
    return fs.promises
      .stat(file)
      .then((s) => s.isFile())
      .catch(() => false);
  }

  private inside(base: string, rest: string): string {
    const file = path.resolve(base, rest);
    if (!rest || path.isAbsolute(rest) || !file.startsWith(base + path.sep)) {
      throw new Error(`path "${rest}" leaves ${base}`);
    }
    return file;
  }
}
