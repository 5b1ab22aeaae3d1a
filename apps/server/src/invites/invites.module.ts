import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { RateLimitModule } from '../common/rate-limit.module';
import { IdentityModule } from '../identity/identity.module';
import { MailModule } from '../mail/mail.module';
import { RealmsModule } from '../realms/realms.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { InvitesController } from './invites.controller';
import { InvitesRepository } from './invites.repository';
import { InvitesService } from './invites.service';
import { SignupService } from './signup.service';

@Module({
  imports: [
    IdentityModule,
    EventPublisherModule,
    RealmsModule,
    UsersModule,
    MailModule,
    RateLimitModule,
    SessionsModule,
  ],
  controllers: [InvitesController],
  providers: [InvitesRepository, InvitesService, SignupService],
  exports: [InvitesService, SignupService, InvitesRepository],
})
export class InvitesModule {}
