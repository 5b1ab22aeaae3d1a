import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import type { ForeignKey, TableSpec } from './export-tables';
import type { ColumnInfo, Row } from './realm-export.types';

/** PostgreSQL caps a statement at 65535 parameters; stay well below. */
const MAX_PARAMS = 30000;

/** Double-quotes an identifier (names come from the live schema, never from a file). */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** How a value of this column type travels in the file (JSON) and back. */
function selectExpression(column: ColumnInfo): string {
  const name = `t.${ident(column.name)}`;
  if (column.udt === 'bytea') return `encode(${name}, 'base64') AS ${ident(column.name)}`;
  return name;
}

function insertExpression(column: ColumnInfo, param: number): string {
  if (column.udt === 'bytea') return `decode($${param}, 'base64')`;
  if (column.udt === 'json' || column.udt === 'jsonb') return `$${param}::${column.udt}`;
  return `$${param}`;
}

/** Raw SQL for moving a realm's rows out of and into the database, table by table. */
@Injectable()
export class RealmExportRepository {
  constructor(private readonly db: Database) {}

  /** Makes the rest of the current transaction one consistent, read-only snapshot. */
  async snapshot(): Promise<void> {
    await this.db.execute('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  }

  async tableNames(): Promise<string[]> {
    const rows = await this.db.rows<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        ORDER BY table_name`,
    );
    return rows.map((r) => r.name);
  }

  async foreignKeys(): Promise<ForeignKey[]> {
    return this.db.rows<ForeignKey>(
      `SELECT cl.relname AS "table", att.attname AS "column", ref.relname AS "refTable"
         FROM pg_constraint c
         JOIN pg_class cl ON cl.oid = c.conrelid
         JOIN pg_namespace n ON n.oid = cl.relnamespace
         JOIN pg_class ref ON ref.oid = c.confrelid
         CROSS JOIN LATERAL unnest(c.conkey) AS k(attnum)
         JOIN pg_attribute att ON att.attrelid = c.conrelid AND att.attnum = k.attnum
        WHERE c.contype = 'f' AND n.nspname = current_schema()
        ORDER BY 1, 2`,
    );
  }

  async columns(table: string): Promise<ColumnInfo[]> {
    return this.db.rows<ColumnInfo>(
      `SELECT column_name AS name, udt_name AS udt FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1
        ORDER BY ordinal_position`,
      [table],
    );
  }

  /**
   * The realm's next `limit` rows of a table after the key `after` (keyset paging: every page is an
   * index range scan, however deep into a million rows it is).
   */
  async page(
    spec: TableSpec,
    columns: ColumnInfo[],
    realmId: number,
    after: unknown[] | null,
    limit: number,
  ): Promise<Row[]> {
    const key = spec.key.map((k) => `t.${ident(k)}`).join(', ');
    const params: unknown[] = [realmId];
    let range = '';
    if (after) {
      const placeholders = after.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      range = ` AND (${key}) > (${placeholders.join(', ')})`;
    }
    params.push(limit);
    // Credentials never leave: the column stays (imports issue new ones), its values do not.
    const select = columns.map((c) =>
      spec.secrets && c.name in spec.secrets ? `NULL AS ${ident(c.name)}` : selectExpression(c),
    );
    return this.db.rows<Row>(
      `SELECT ${select.join(', ')}
         FROM ${ident(spec.table)} t
        WHERE (${spec.scope})${range}
        ORDER BY ${key}
        LIMIT $${params.length}`,
      params,
    );
  }

  /** How many rows fit in one multi-row INSERT of this many columns. */
  batchSize(columnCount: number, wanted: number): number {
    return Math.max(1, Math.min(wanted, Math.floor(MAX_PARAMS / Math.max(1, columnCount))));
  }

  /** Draws `count` fresh ids from the table's `id` sequence. */
  async allocateIds(table: string, count: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2)`,
      [ident(table), count],
    );
    return rows.map((r) => r.id);
  }

  /** One multi-row INSERT; `rows` hold values in `columns` order. */
  async insertRows(table: string, columns: ColumnInfo[], rows: unknown[][]): Promise<void> {
    if (!rows.length) return;
    const params: unknown[] = [];
    const tuples = rows.map((row) => {
      const cells = columns.map((column, i) => {
        const value = row[i];
        const isJson = column.udt === 'json' || column.udt === 'jsonb';
        params.push(isJson && value !== null ? JSON.stringify(value) : value);
        return insertExpression(column, params.length);
      });
      return `(${cells.join(', ')})`;
    });
    await this.db.execute(
      `INSERT INTO ${ident(table)} (${columns.map((c) => ident(c.name)).join(', ')})
       VALUES ${tuples.join(', ')}`,
      params,
    );
  }

  /** Sets one column of many rows, matched by id, in one statement. */
  async setColumn(
    table: string,
    column: string,
    pairs: Array<[id: number, value: unknown]>,
    valueType: string,
  ): Promise<void> {
    if (!pairs.length) return;
    await this.db.execute(
      `UPDATE ${ident(table)} t SET ${ident(column)} = v.value
         FROM unnest($1::bigint[], $2::${valueType}[]) AS v(id, value)
        WHERE t.id = v.id`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
  }

  /** Recomputes a derived column (e.g. the search vector) of the given rows. */
  async recompute(table: string, column: string, expression: string, ids: number[]): Promise<void> {
    if (!ids.length) return;
    await this.db.execute(
      `UPDATE ${ident(table)} SET ${ident(column)} = ${expression} WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }

  /** Those of `keys` that some user of this server already has. */
  async apiKeysInUse(keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await this.db.rows<{ api_key: string }>(
      'SELECT api_key FROM users WHERE api_key = ANY($1::text[])',
      [keys],
    );
    return new Set(rows.map((r) => r.api_key));
  }

  async streamDescriptions(realmId: number): Promise<Array<{ id: number; html: string }>> {
    return this.db.rows<{ id: number; html: string }>(
      `SELECT id, rendered_description AS html FROM streams
        WHERE realm_id = $1 AND rendered_description <> '' ORDER BY id`,
      [realmId],
    );
  }
}
