import { Global, Module } from '@nestjs/common';
import { RealmsController } from './realms.controller';
import { RealmResolver } from './realm-resolver.service';
import { RealmsRepository } from './realms.repository';
import { RealmsService } from './realms.service';

@Global()
@Module({
  controllers: [RealmsController],
  providers: [RealmsRepository, RealmResolver, RealmsService],
  exports: [RealmsRepository, RealmResolver, RealmsService],
})
export class RealmsModule {}
