import { Module } from '@nestjs/common';
import { RealmExportRepository } from './realm-export.repository';
import { RealmExportService } from './realm-export.service';
import { RealmImportService } from './realm-import.service';

/** Realm export and import (`manage export-realm`, `manage import-realm`). */
@Module({
  providers: [RealmExportRepository, RealmExportService, RealmImportService],
  exports: [RealmExportService, RealmImportService],
})
export class RealmExportModule {}
