import { Global, Module } from '@nestjs/common';
import { SessionAuthenticator } from './session-authenticator';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** Server-side web sessions (the browser client's `/json/` API and the sign-in pages). */
@Global()
@Module({
  providers: [SessionsRepository, SessionsService, SessionAuthenticator],
  exports: [SessionsService, SessionAuthenticator],
})
export class SessionsModule {}
