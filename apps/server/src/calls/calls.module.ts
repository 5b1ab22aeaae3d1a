import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';

/** Video calls: Zulip's BigBlueButton integration. */
@Module({
  imports: [IdentityModule, SessionsModule],
  controllers: [CallsController],
  providers: [CallsService],
})
export class CallsModule {}
