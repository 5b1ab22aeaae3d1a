import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { thumbnail, THUMBNAIL_SIZES } from './images';
import { UploadStorage } from './upload-storage';

/**
 * Makes thumbnails of uploaded images after the upload has answered, one image at a time, so a
 * burst of uploads never competes with requests for both cores. The original is kept as it is.
 */
@Injectable()
export class Thumbnailer implements OnModuleDestroy {
  private readonly logger = new Logger('Thumbnailer');
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly storage: UploadStorage) {}

  isSize(size: string): size is keyof typeof THUMBNAIL_SIZES {
    return Object.prototype.hasOwnProperty.call(THUMBNAIL_SIZES, size);
  }

  enqueue(pathId: string, file: string): void {
    this.tail = this.tail.then(() => this.make(pathId, file));
  }

  /** Resolves once every thumbnail asked for so far is written (tests, shutdown). */
  drain(): Promise<void> {
    return this.tail;
  }

  async onModuleDestroy(): Promise<void> {
    await this.tail;
  }

  private async make(pathId: string, file: string): Promise<void> {
    for (const size of Object.keys(THUMBNAIL_SIZES)) {
      try {
        const data = await thumbnail(file, size);
        await this.storage.writeAtomically(this.storage.thumbnailPath(pathId, size), data);
      } catch (err) {
        // An image the library cannot read simply has no thumbnail; the original still serves.
        this.logger.warn(`No ${size} thumbnail for ${pathId}: ${(err as Error).message}`);
        return;
      }
    }
  }
}
