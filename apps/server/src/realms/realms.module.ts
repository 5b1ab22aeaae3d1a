import { Global, Module } from '@nestjs/common';
import { RealmsController } from './realms.controller';
import { RealmAudienceRepository } from './realm-audience.repository';
import { RealmEvents } from './realm-events';
import { RealmResolver } from './realm-resolver.service';
import { RealmsRepository } from './realms.repository';
import { RealmsService } from './realms.service';

@Global()
@Module({
  controllers: [RealmsController],
  providers: [RealmsRepository, RealmResolver, RealmsService, RealmAudienceRepository, RealmEvents],
  exports: [RealmsRepository, RealmResolver, RealmsService, RealmEvents, RealmAudienceRepository],
})
export class RealmsModule {}
