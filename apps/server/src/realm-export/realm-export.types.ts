/** A column of a live table, as information_schema describes it. */
export interface ColumnInfo {
  name: string;
  /** PostgreSQL's type name, e.g. int4, int8, text, _int4, jsonb, bytea, tsvector. */
  udt: string;
}

/** One exported row, column name → value as the pg driver returns it (or JSON gives it back). */
export type Row = Record<string, unknown>;

/** Rows per table in an export or an import. */
export type TableCounts = Record<string, number>;

export interface ExportResult {
  file: string;
  realm: { id: number; subdomain: string; name: string };
  counts: TableCounts;
  uploads: number;
  missing_uploads: number;
}

export interface ImportResult {
  realm: { id: number; subdomain: string; name: string };
  counts: TableCounts;
  uploads: number;
  api_keys_regenerated: number;
}
