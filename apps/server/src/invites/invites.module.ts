import { Module } from '@nestjs/common';
import { InvitesController } from './invites.controller';
import { InvitesRepository } from './invites.repository';
import { InvitesService } from './invites.service';
import { SignupController } from './signup.controller';
import { SignupService } from './signup.service';

@Module({
  controllers: [InvitesController, SignupController],
  providers: [InvitesRepository, InvitesService, SignupService],
  exports: [InvitesService, SignupService, InvitesRepository],
})
export class InvitesModule {}
