import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { BridgesController } from './bridges.controller';
import { BridgesRepository } from './bridges.repository';
import { BridgesService } from './bridges.service';

/** `/bridges`: health reports of the running mirror bridges (IRC, XMPP...). */
@Module({
  imports: [IdentityModule],
  controllers: [BridgesController],
  providers: [BridgesRepository, BridgesService],
})
export class BridgesModule {}
