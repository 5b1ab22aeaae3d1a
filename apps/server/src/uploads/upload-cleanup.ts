import { runInBackground } from '../database/query-counter';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { UploadsService } from './uploads.service';

/** Runs the cleanup of unreferenced uploads every UPLOAD_CLEANUP_INTERVAL_SECONDS. */
@Injectable()
export class UploadCleanup implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('UploadCleanup');
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly uploads: UploadsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.uploads.cleanupIntervalSeconds;
    if (seconds === 0) return;
    this.timer = setInterval(() => {
      this.running = runInBackground(() => this.uploads.cleanup()).catch((err: unknown) =>
        this.logger.error(`Upload cleanup failed: ${(err as Error).message}`),
      );
    }, seconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
