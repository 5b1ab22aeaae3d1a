import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateApiKey } from '../identity/api-key';
import { ExportEntry, ExportFileError, isRecord } from './export-file';
import { EXPORT_TABLES, TableSpec, tableSpec } from './export-tables';
import { RealmExportRepository } from './realm-export.repository';
import type { ColumnInfo, Row, TableCounts } from './realm-export.types';
import { ReferenceKind, rewriteReferences } from './reference-rewriter';
import { importedPathId, uploadFilePath } from './uploads-dir';

/** Rows per multi-row INSERT (fewer when a table has many columns). */
const INSERT_BATCH = 1000;

export interface ImportTarget {
  subdomain: string;
  name?: string;
  sourceRealmId: number;
  uploadsDir: string;
}

interface Section {
  spec: TableSpec;
  /** The live columns, in the file's column order. */
  columns: ColumnInfo[];
  batch: Array<{ line: number; row: Row }>;
  count: number;
}

interface Deferred {
  table: string;
  column: string;
  target: string;
  pairs: Array<[id: number, oldRef: number]>;
}

/** Message text columns whose ids and upload links are rewritten. */
const TEXT_COLUMNS: Record<string, string[]> = {
  messages: ['content', 'rendered_content'],
  message_edits: ['prev_content', 'prev_rendered_content'],
};

/**
 * One import: reads the entries of an export in order and inserts them batch by batch, giving
 * every serial row a new id and rewriting each reference through the old → new maps. Runs inside
 * the caller's transaction; `discardFiles` undoes the one side effect outside it.
 */
export class RealmImportRun {
  readonly counts: TableCounts = {};
  apiKeysRegenerated = 0;
  uploads = 0;
  realmId = 0;
  realmName = '';

  private readonly ids = new Map<string, Map<number, number>>();
  private readonly uploadPaths = new Map<string, string>();
  private readonly deferred: Deferred[] = [];
  private readonly writtenFiles: string[] = [];
  private section: Section | null = null;
  private lastTable = -1;
  private inUploads = false;
  private ended = false;

  constructor(
    private readonly repo: RealmExportRepository,
    private readonly target: ImportTarget,
  ) {}

  async run(entries: AsyncGenerator<ExportEntry>): Promise<void> {
    for await (const { line, value } of entries) {
      if (this.ended) throw new ExportFileError(`Line ${line}: data after the end marker`);
      if (Array.isArray(value)) await this.row(line, value);
      else if (isRecord(value) && typeof value.table === 'string')
        await this.openTable(line, value);
      else if (isRecord(value) && value.uploads === true) await this.openUploads(line, value);
      else if (isRecord(value) && value.end === true) await this.end(line, value);
      else throw new ExportFileError(`Line ${line}: not a table header, row or end marker`);
    }
    if (!this.ended) throw new ExportFileError('The export is truncated: it has no end marker');
    await this.applyDeferred();
    await this.rewriteStreamDescriptions();
  }

  /** Removes the uploads this run wrote (the transaction rolled back). */
  discardFiles(): void {
    const root = path.resolve(this.target.uploadsDir);
    for (const file of this.writtenFiles) {
      fs.rmSync(file, { force: true });
      // And the folders made for it, now empty.
      for (let dir = path.dirname(file); dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
        if (fs.readdirSync(dir).length) break;
        fs.rmdirSync(dir);
      }
    }
  }

  private async openTable(line: number, header: Record<string, unknown>): Promise<void> {
    await this.flush();
    if (this.inUploads) throw new ExportFileError(`Line ${line}: a table after the uploads`);
    const name = String(header.table);
    const spec = tableSpec(name);
    if (!spec) throw new ExportFileError(`Line ${line}: unknown table "${name}"`);
    const index = EXPORT_TABLES.indexOf(spec);
    if (index <= this.lastTable) {
      throw new ExportFileError(`Line ${line}: table "${name}" is repeated or out of order`);
    }
    if (index > 0 && this.lastTable < 0) {
      throw new ExportFileError(`Line ${line}: the export must start with the realm`);
    }
    this.lastTable = index;
    const live = new Map((await this.repo.columns(name)).map((c) => [c.name, c]));
    const names = header.columns;
    if (!Array.isArray(names) || !names.every((c): c is string => typeof c === 'string')) {
      throw new ExportFileError(`Line ${line}: the "${name}" header has no column list`);
    }
    const columns = names.map((column) => {
      const info = live.get(column);
      if (!info || spec.derived?.[column]) {
        throw new ExportFileError(
          `Line ${line}: column ${name}.${column} does not exist on this server`,
        );
      }
      return info;
    });
    if (new Set(names).size !== names.length) {
      throw new ExportFileError(`Line ${line}: the "${name}" header repeats a column`);
    }
    for (const key of spec.key) {
      if (!names.includes(key)) {
        throw new ExportFileError(`Line ${line}: the "${name}" rows lack their key ${key}`);
      }
    }
    this.section = { spec, columns, batch: [], count: 0 };
  }

  private async row(line: number, values: unknown[]): Promise<void> {
    if (this.inUploads) return this.upload(line, values);
    const section = this.section;
    if (!section) throw new ExportFileError(`Line ${line}: a row before any table header`);
    if (values.length !== section.columns.length) {
      throw new ExportFileError(
        `Line ${line}: ${values.length} values for ${section.columns.length} ${section.spec.table} columns`,
      );
    }
    const row: Row = {};
    section.columns.forEach((c, i) => (row[c.name] = values[i]));
    section.batch.push({ line, row });
    if (section.batch.length >= this.repo.batchSize(section.columns.length, INSERT_BATCH)) {
      await this.insertBatch(section);
    }
  }

  private async flush(): Promise<void> {
    const section = this.section;
    if (!section) return;
    await this.insertBatch(section);
    this.counts[section.spec.table] = section.count;
    if (section.spec.table === 'realms' && this.idMap('realms').size !== 1) {
      throw new ExportFileError(`The export must hold exactly one realm, not ${section.count}`);
    }
    this.section = null;
  }

  private async insertBatch(section: Section): Promise<void> {
    const { spec, columns, batch } = section;
    if (!batch.length) return;
    const table = spec.table;
    const newIds = spec.serialId ? await this.assignIds(table, batch) : [];
    if (table === 'realms') this.realmId = newIds[0];
    for (const { line, row } of batch) {
      this.prepareRow(table, row);
      this.remap(spec, line, row);
      issueSecrets(spec, row);
    }
    if (table === 'users') await this.keepUniqueApiKeys(batch.map((b) => b.row));
    try {
      await this.repo.insertRows(
        table,
        columns,
        batch.map(({ row }) => columns.map((c) => row[c.name])),
      );
    } catch (err) {
      throw new ExportFileError(
        `The ${table} rows of lines ${batch[0].line}–${batch[batch.length - 1].line} ` +
          `do not fit this server: ${(err as Error).message}`,
      );
    }
    for (const [column, expression] of Object.entries(spec.derived ?? {})) {
      await this.repo.recompute(table, column, expression, newIds);
    }
    section.count += batch.length;
    section.batch = [];
  }

  /** Draws new ids for the batch and records old → new. */
  private async assignIds(table: string, batch: Section['batch']): Promise<number[]> {
    const fresh = await this.repo.allocateIds(table, batch.length);
    const map = this.idMap(table);
    batch.forEach(({ line, row }, i) => {
      const old = this.integer(table, 'id', line, row.id);
      if (map.has(old)) throw new ExportFileError(`Line ${line}: ${table} id ${old} repeats`);
      map.set(old, fresh[i]);
      row.id = fresh[i];
    });
    return fresh;
  }

  /** Rules particular to a table, applied before references are remapped. */
  private prepareRow(table: string, row: Row): void {
    if (table === 'realms') {
      row.string_id = this.target.subdomain;
      if (this.target.name) row.name = this.target.name;
      this.realmName = String(row.name);
    } else if (table === 'attachments') {
      const old = String(row.path_id);
      const renamed = importedPathId(old, this.target.sourceRealmId, this.realmId);
      uploadFilePath(this.target.uploadsDir, renamed);
      this.uploadPaths.set(old, renamed);
      row.path_id = renamed;
    } else if (table === 'reactions' && row.reaction_type === 'realm_emoji') {
      // A custom emoji reaction names the realm emoji by id in emoji_code.
      const emoji = this.idMap('realm_emoji').get(Number(row.emoji_code));
      if (emoji !== undefined) row.emoji_code = String(emoji);
    }
    for (const column of TEXT_COLUMNS[table] ?? []) {
      if (typeof row[column] === 'string') row[column] = this.rewriteText(row[column]);
    }
  }

  private remap(spec: TableSpec, line: number, row: Row): void {
    for (const [column, target] of Object.entries(spec.refs)) {
      const old = row[column];
      if (old === null || old === undefined) continue;
      const mapped = this.idMap(target).get(this.integer(spec.table, column, line, old));
      if (mapped === undefined) {
        throw new ExportFileError(
          `Line ${line}: ${spec.table}.${column} refers to ${target} ${String(old)}, which is not in the export`,
        );
      }
      row[column] = mapped;
    }
    for (const [column, target] of Object.entries(spec.arrayRefs ?? {})) {
      const old = row[column];
      if (old === undefined) continue;
      if (!Array.isArray(old)) {
        throw new ExportFileError(`Line ${line}: ${spec.table}.${column} is not a list of ids`);
      }
      const map = this.idMap(target);
      row[column] = old
        .map((id) => map.get(this.integer(spec.table, column, line, id)))
        .filter((id): id is number => id !== undefined)
        .sort((a, b) => a - b);
    }
    for (const [column, target] of Object.entries(spec.deferred ?? {})) {
      const old = row[column];
      if (old === null || old === undefined) continue;
      this.deferredFor(spec.table, column, target).pairs.push([
        Number(row.id),
        this.integer(spec.table, column, line, old),
      ]);
      row[column] = null;
    }
  }

  /** Keeps each API key unless another user of this server already holds it. */
  private async keepUniqueApiKeys(rows: Row[]): Promise<void> {
    const keys = rows.map((r) => r.api_key).filter((k): k is string => typeof k === 'string');
    const taken = await this.repo.apiKeysInUse(keys);
    for (const row of rows) {
      if (typeof row.api_key === 'string' && !taken.has(row.api_key)) continue;
      row.api_key = generateApiKey();
      this.apiKeysRegenerated++;
    }
  }

  private async openUploads(line: number, header: Record<string, unknown>): Promise<void> {
    await this.flush();
    if (this.inUploads) throw new ExportFileError(`Line ${line}: the uploads section repeats`);
    const columns = header.columns;
    if (!Array.isArray(columns) || columns.join() !== 'path_id,data_base64') {
      throw new ExportFileError(`Line ${line}: the uploads header has unknown columns`);
    }
    this.inUploads = true;
  }

  private async upload(line: number, values: unknown[]): Promise<void> {
    const [pathId, data] = values;
    if (values.length !== 2 || typeof pathId !== 'string' || typeof data !== 'string') {
      throw new ExportFileError(`Line ${line}: an upload must be [path_id, base64 data]`);
    }
    const renamed = this.uploadPaths.get(pathId);
    if (!renamed) {
      throw new ExportFileError(`Line ${line}: upload "${pathId}" belongs to no attachment`);
    }
    const file = uploadFilePath(this.target.uploadsDir, renamed);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(file, Buffer.from(data, 'base64'), { flag: 'wx' });
    this.writtenFiles.push(file);
    this.uploads++;
  }

  /** Checks the trailer's counts against what was read: a cut or spliced file fails here. */
  private async end(line: number, trailer: Record<string, unknown>): Promise<void> {
    await this.flush();
    const announced = trailer.counts;
    if (!isRecord(announced))
      throw new ExportFileError(`Line ${line}: the end marker has no counts`);
    for (const spec of EXPORT_TABLES) {
      const expected = announced[spec.table] ?? 0;
      const read = this.counts[spec.table] ?? 0;
      if (expected !== read) {
        throw new ExportFileError(
          `The export is damaged: it announces ${String(expected)} ${spec.table} rows but holds ${read}`,
        );
      }
    }
    if ((trailer.uploads ?? 0) !== this.uploads) {
      throw new ExportFileError(
        `The export is damaged: it announces ${String(trailer.uploads)} uploads but holds ${this.uploads}`,
      );
    }
    if (!this.realmId) throw new ExportFileError('The export holds no realm');
    this.ended = true;
  }

  /** Sets the forward and self references once every table is in. */
  private async applyDeferred(): Promise<void> {
    for (const { table, column, target, pairs } of this.deferred) {
      const map = this.idMap(target);
      await this.repo.setColumn(
        table,
        column,
        pairs.map(([id, old]) => [id, map.get(old) ?? null]),
        'bigint',
      );
    }
  }

  /** Stream descriptions may link to streams imported after them, so they are fixed last. */
  private async rewriteStreamDescriptions(): Promise<void> {
    const changed: Array<[number, string]> = [];
    for (const { id, html } of await this.repo.streamDescriptions(this.realmId)) {
      const rewritten = this.rewriteText(html);
      if (rewritten !== html) changed.push([id, rewritten]);
    }
    await this.repo.setColumn('streams', 'rendered_description', changed, 'text');
  }

  private rewriteText(text: string): string {
    return rewriteReferences(text, (kind: ReferenceKind, old: string) => {
      if (kind === 'uploads') return this.uploadPaths.get(old);
      const id = this.ids.get(kind)?.get(Number(old));
      return id === undefined ? undefined : String(id);
    });
  }

  private idMap(table: string): Map<number, number> {
    let map = this.ids.get(table);
    if (!map) this.ids.set(table, (map = new Map()));
    return map;
  }

  private deferredFor(table: string, column: string, target: string): Deferred {
    let entry = this.deferred.find((d) => d.table === table && d.column === column);
    if (!entry) this.deferred.push((entry = { table, column, target, pairs: [] }));
    return entry;
  }

  private integer(table: string, column: string, line: number, value: unknown): number {
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
      throw new ExportFileError(`Line ${line}: ${table}.${column} is not an id: ${String(value)}`);
    }
    return n;
  }
}

/** Fills the credentials an export leaves out (null) with new ones (export-tables `secrets`). */
function issueSecrets(spec: TableSpec, row: Row): void {
  for (const [column, fill] of Object.entries(spec.secrets ?? {})) {
    if (row[column] !== null && row[column] !== undefined) continue;
    row[column] = fill === 'new-key' ? generateApiKey() : fill;
  }
}
