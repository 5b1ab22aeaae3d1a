import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { RealmExportRepository } from './realm-export.repository';
import { RealmExportService } from './realm-export.service';
import { RealmImportService } from './realm-import.service';

/** Realm export and import (`manage export-realm`, `manage import-realm`). */
@Module({
  imports: [IdentityModule],
  providers: [RealmExportRepository, RealmExportService, RealmImportService],
  exports: [RealmExportService, RealmImportService],
})
export class RealmExportModule {}
