import * as fs from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { ZulipError } from '../common/zulip-error';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database.service';
import type { Realm } from '../identity/realm.types';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportWriter } from './export-file';
import { checkCatalogue, EXPORT_TABLES, TableSpec } from './export-tables';
import { RealmExportRepository } from './realm-export.repository';
import type { ExportResult, TableCounts } from './realm-export.types';
import { uploadFilePath } from './uploads-dir';

/** Rows fetched per query while exporting. */
const PAGE_SIZE = 2000;

/** `manage export-realm`: every row of a realm, streamed into one JSON document. */
@Injectable()
export class RealmExportService {
  constructor(
    private readonly repo: RealmExportRepository,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses to run on a schema with tables or foreign keys the catalogue does not describe. */
  async assertSchemaCovered(): Promise<void> {
    const problems = checkCatalogue(await this.repo.tableNames(), await this.repo.foreignKeys());
    if (problems.length) {
      throw ZulipError.badRequest(
        `Realm export does not cover this database schema: ${problems.join('; ')} ` +
          '(describe it in apps/server/src/realm-export/export-tables.ts)',
      );
    }
  }

  async exportRealm(realm: Realm, file: string): Promise<ExportResult> {
    await this.assertSchemaCovered();
    let writer: ExportWriter;
    try {
      writer = await ExportWriter.open(file, {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exported_at: new Date().toISOString(),
        source: { realm_id: realm.id, subdomain: realm.string_id, name: realm.name },
      });
    } catch (err) {
      throw ZulipError.badRequest(`Cannot write ${file}: ${(err as Error).message}`);
    }
    try {
      const counts: TableCounts = {};
      const uploadPaths: string[] = [];
      // One snapshot: rows written while the export runs cannot leave it inconsistent.
      await this.db.transaction(async () => {
        await this.repo.snapshot();
        for (const spec of EXPORT_TABLES) {
          counts[spec.table] = await this.exportTable(writer, spec, realm.id, (row) => {
            if (spec.table === 'attachments') uploadPaths.push(String(row.path_id));
          });
        }
      });
      const { uploads, missing } = await this.exportUploads(writer, uploadPaths);
      await writer.entry({ end: true, counts, uploads });
      await writer.close();
      return {
        file,
        realm: { id: realm.id, subdomain: realm.string_id, name: realm.name },
        counts,
        uploads,
        missing_uploads: missing,
      };
    } catch (err) {
      await writer.abort();
      throw err;
    }
  }

  private async exportTable(
    writer: ExportWriter,
    spec: TableSpec,
    realmId: number,
    seen: (row: Record<string, unknown>) => void,
  ): Promise<number> {
    const columns = (await this.repo.columns(spec.table)).filter((c) => !spec.derived?.[c.name]);
    await writer.entry({ table: spec.table, columns: columns.map((c) => c.name) });
    let count = 0;
    let after: unknown[] | null = null;
    for (;;) {
      const rows = await this.repo.page(spec, columns, realmId, after, PAGE_SIZE);
      for (const row of rows) {
        seen(row);
        await writer.entry(columns.map((c) => row[c.name]));
      }
      count += rows.length;
      if (rows.length < PAGE_SIZE) return count;
      const last = rows[rows.length - 1];
      after = spec.key.map((k) => last[k]);
    }
  }

  /** Embeds the attachments' files that exist on disk, one per line, base64. */
  private async exportUploads(
    writer: ExportWriter,
    pathIds: string[],
  ): Promise<{ uploads: number; missing: number }> {
    await writer.entry({ uploads: true, columns: ['path_id', 'data_base64'] });
    let uploads = 0;
    let missing = 0;
    for (const pathId of pathIds) {
      const file = uploadFilePath(this.config.uploads.dir, pathId);
      if (!fs.existsSync(file)) {
        missing++;
        continue;
      }
      await writer.entry([pathId, (await fs.promises.readFile(file)).toString('base64')]);
      uploads++;
    }
    return { uploads, missing };
  }
}
