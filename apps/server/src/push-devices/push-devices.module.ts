import { Module } from '@nestjs/common';
import { PushDevicesController } from './push-devices.controller';
import { PushDevicesRepository } from './push-devices.repository';
import { PushDevicesService } from './push-devices.service';

/** Mobile devices registered for push notifications (stored; this server has no push service). */
@Module({
  controllers: [PushDevicesController],
  providers: [PushDevicesRepository, PushDevicesService],
})
export class PushDevicesModule {}
