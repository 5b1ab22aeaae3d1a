import { Global, Module } from '@nestjs/common';
import { RealmResolver } from './realm-resolver.service';
import { RealmsRepository } from './realms.repository';
import { RealmsService } from './realms.service';

@Global()
@Module({
  providers: [RealmsRepository, RealmResolver, RealmsService],
  exports: [RealmsRepository, RealmResolver, RealmsService],
})
export class RealmsModule {}
