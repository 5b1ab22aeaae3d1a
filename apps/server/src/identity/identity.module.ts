import { Module } from '@nestjs/common';
import { PasswordPolicy } from './password-policy';
import { RealmResolver } from './realm-resolver.service';
import { RealmsRepository } from './realms.repository';
import { UsersRepository } from './users.repository';

/**
 * The ground floor: who a user is and which realm they belong to. Every feature module may
 * import it; it imports no feature module.
 */
@Module({
  providers: [UsersRepository, RealmsRepository, RealmResolver, PasswordPolicy],
  exports: [UsersRepository, RealmsRepository, RealmResolver, PasswordPolicy],
})
export class IdentityModule {}
