import { Module } from '@nestjs/common';
import { RateLimitModule } from '../common/rate-limit.module';
import { IdentityModule } from '../identity/identity.module';
import { MessagesModule } from '../messages/messages.module';
import { StreamsModule } from '../streams/streams.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { EmailGatewayController, EmailMirrorController } from './email-gateway.controller';
import { EmailGatewayRepository } from './email-gateway.repository';
import { EmailGatewayService } from './email-gateway.service';

/** The incoming email gateway: channel addresses and the intake of emails to them. */
@Module({
  imports: [
    IdentityModule,
    StreamsModule,
    UsersModule,
    UploadsModule,
    MessagesModule,
    RateLimitModule,
  ],
  controllers: [EmailGatewayController, EmailMirrorController],
  providers: [EmailGatewayRepository, EmailGatewayService],
  exports: [EmailGatewayService],
})
export class EmailGatewayModule {}
