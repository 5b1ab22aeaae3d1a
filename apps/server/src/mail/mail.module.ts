import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { MailService } from './mail.service';

@Module({ imports: [MetricsModule], providers: [MailService], exports: [MailService] })
export class MailModule {}
