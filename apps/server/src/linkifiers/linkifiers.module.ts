import { Module } from '@nestjs/common';
import { LinkifiersController } from './linkifiers.controller';
import { LinkifiersRepository } from './linkifiers.repository';
import { LinkifiersService } from './linkifiers.service';

/** Realm filters (linkifiers); exports the service for the CLI and the Markdown renderer. */
@Module({
  controllers: [LinkifiersController],
  providers: [LinkifiersRepository, LinkifiersService],
  exports: [LinkifiersService],
})
export class LinkifiersModule {}
