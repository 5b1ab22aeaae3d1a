import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { SessionAuthenticator } from './session-authenticator';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** Server-side web sessions (the browser client's `/json/` API and the sign-in pages). */
@Module({
  imports: [IdentityModule],
  providers: [SessionsRepository, SessionsService, SessionAuthenticator],
  exports: [SessionsService, SessionAuthenticator],
})
export class SessionsModule {}
