import { normalizeSubdomain } from '../realms/realms.service';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import { RealmsRepository } from '../identity/realms.repository';
import { openExport } from './export-file';
import { RealmExportRepository } from './realm-export.repository';
import { RealmExportService } from './realm-export.service';
import type { ImportResult } from './realm-export.types';
import { RealmImportRun } from './realm-import';

/** The rule create-realm applies: letters, digits and inner hyphens; "" is the root domain. */

/** `manage import-realm`: a new realm from an export, all or nothing. */
@Injectable()
export class RealmImportService {
  constructor(
    private readonly repo: RealmExportRepository,
    private readonly realms: RealmsRepository,
    private readonly exporter: RealmExportService,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async importRealm(file: string, subdomain: string, name?: string): Promise<ImportResult> {
    const stringId = normalizeSubdomain(subdomain);
    if (name !== undefined && !name.trim()) {
      throw ZulipError.badRequest('The organization needs a name.');
    }
    await this.assertFree(stringId);
    await this.exporter.assertSchemaCovered();
    const { header, entries } = await openExport(file);
    const run = new RealmImportRun(this.repo, {
      subdomain: stringId,
      name: name?.trim(),
      sourceRealmId: header.source.realm_id,
      uploadsDir: this.config.uploads.dir,
    });
    try {
      await this.db.transaction(async () => {
        await this.assertFree(stringId);
        await run.run(entries);
      });
    } catch (err) {
      run.discardFiles();
      await entries.return(undefined);
      throw err;
    }
    return {
      realm: { id: run.realmId, subdomain: stringId, name: run.realmName },
      counts: run.counts,
      uploads: run.uploads,
      api_keys_regenerated: run.apiKeysRegenerated,
    };
  }

  private async assertFree(subdomain: string): Promise<void> {
    if (await this.realms.findBySubdomain(subdomain)) {
      throw ZulipError.badRequest(
        `Subdomain "${subdomain}" is already in use; import into a new subdomain`,
      );
    }
  }
}
