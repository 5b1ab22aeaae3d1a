import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

/** `/webhooks/deliveries`: the webhook gateway's delivery history, listed and replayed. */
@Module({
  imports: [IdentityModule],
  controllers: [WebhookDeliveriesController],
  providers: [WebhookDeliveriesRepository, WebhookDeliveriesService],
})
export class WebhookDeliveriesModule {}
