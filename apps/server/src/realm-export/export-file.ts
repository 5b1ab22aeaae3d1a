import { once } from 'node:events';
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { ZulipError } from '../common/zulip-error';

/**
 * The export file: ONE JSON document, laid out one entry per line so that neither writing nor
 * reading ever holds more than a line in memory:
 *
 *   {"format":"zulip-hub-realm-export","version":1,...,"sections":[
 *   {"table":"users","columns":["id","email",...]}
 *   ,[7,"iago@example.com",...]
 *   ,{"uploads":true,"columns":["path_id","data_base64"]}
 *   ,["2/ab/report.pdf","JVBERi0..."]
 *   ,{"end":true,"counts":{"users":12,...},"uploads":1}
 *   ]}
 *
 * A table header is followed by its rows (arrays in column order). Uploaded files are embedded,
 * base64, in the `uploads` section, so the export is a single file that gzips well.
 */
export const EXPORT_FORMAT = 'zulip-hub-realm-export';
export const EXPORT_VERSION = 1;

export interface ExportHeader {
  format: string;
  version: number;
  exported_at: string;
  source: { realm_id: number; subdomain: string; name: string };
}

export interface ExportEntry {
  line: number;
  value: unknown;
}

/** The file was not written by export-realm, or was damaged since. */
export class ExportFileError extends ZulipError {
  constructor(message: string) {
    super('BAD_REQUEST', message, 400);
  }
}

const SECTIONS_OPEN = ',"sections":[';
const DOCUMENT_CLOSE = ']}';

/** Writes an export, gzipped when the name ends in .gz; the file appears only once complete. */
export class ExportWriter {
  private entries = 0;

  private constructor(
    private readonly file: string,
    private readonly partial: string,
    private readonly input: Writable,
    private readonly done: Promise<void>,
  ) {}

  static async open(file: string, header: ExportHeader): Promise<ExportWriter> {
    const partial = `${file}.partial-${process.pid}`;
    // Readable by this account only: an export holds every public message and member address.
    const output = fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    await once(output, 'open');
    const input = /\.gz$/i.test(file) ? zlib.createGzip() : new PassThrough();
    const done = pipeline(input, output);
    // Observed by close()/abort(); this keeps an early failure from going unhandled meanwhile.
    done.catch(() => undefined);
    const writer = new ExportWriter(file, partial, input, done);
    const opening = JSON.stringify(header);
    await writer.write(`${opening.slice(0, -1)}${SECTIONS_OPEN}\n`);
    return writer;
  }

  /** Appends one entry (a section header, a row or the trailer) as its own line. */
  async entry(value: unknown): Promise<void> {
    await this.write(`${this.entries++ === 0 ? '' : ','}${JSON.stringify(value)}\n`);
  }

  async close(): Promise<void> {
    await this.write(`${DOCUMENT_CLOSE}\n`);
    this.input.end();
    await this.done;
    fs.renameSync(this.partial, this.file);
  }

  async abort(): Promise<void> {
    this.input.destroy();
    await this.done.catch(() => undefined);
    fs.rmSync(this.partial, { force: true });
  }

  private async write(chunk: string): Promise<void> {
    if (!this.input.write(chunk)) await Promise.race([once(this.input, 'drain'), this.done]);
  }
}

/** Opens an export (plain or gzipped, told apart by content), checks its header. */
export async function openExport(
  file: string,
): Promise<{ header: ExportHeader; entries: AsyncGenerator<ExportEntry> }> {
  const lines = readLines(file);
  const first = await lines.next();
  if (first.done) throw new ExportFileError(`${file} is empty`);
  const header = parseHeader(first.value);
  return { header, entries: parseEntries(lines) };
}

async function* readLines(file: string): AsyncGenerator<string> {
  let gzipped: boolean;
  try {
    gzipped = isGzip(file);
  } catch (err) {
    throw new ExportFileError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  const raw = fs.createReadStream(file);
  const source: Readable = gzipped ? raw.pipe(zlib.createGunzip()) : raw;
  if (gzipped) raw.on('error', (err) => source.destroy(err));
  const lines = readline.createInterface({ input: source, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } catch (err) {
    throw new ExportFileError(`Cannot read ${file}: ${(err as Error).message}`);
  } finally {
    lines.close();
    source.destroy();
    raw.destroy();
  }
}

function isGzip(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    const read = fs.readSync(fd, magic, 0, 2, 0);
    return read === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

function parseHeader(line: string): ExportHeader {
  let header: unknown;
  try {
    header = line.endsWith(SECTIONS_OPEN.slice(1)) ? JSON.parse(`${line}${DOCUMENT_CLOSE}`) : null;
  } catch {
    header = null;
  }
  if (!isRecord(header) || header.format !== EXPORT_FORMAT) {
    throw new ExportFileError('This is not a realm export written by export-realm');
  }
  if (typeof header.version !== 'number' || !Number.isInteger(header.version)) {
    throw new ExportFileError('The export header has no valid format version');
  }
  if (header.version > EXPORT_VERSION) {
    throw new ExportFileError(
      `The export has format version ${header.version}; this server reads up to version ${EXPORT_VERSION}`,
    );
  }
  const source = header.source;
  if (!isRecord(source) || typeof source.realm_id !== 'number') {
    throw new ExportFileError('The export header does not name its source realm');
  }
  return {
    format: EXPORT_FORMAT,
    version: header.version,
    exported_at: String(header.exported_at ?? ''),
    source: {
      realm_id: source.realm_id,
      subdomain: String(source.subdomain ?? ''),
      name: String(source.name ?? ''),
    },
  };
}

async function* parseEntries(lines: AsyncGenerator<string>): AsyncGenerator<ExportEntry> {
  let lineNo = 1;
  let closed = false;
  for await (const line of lines) {
    lineNo++;
    if (line === '') continue;
    if (closed) throw new ExportFileError(`Line ${lineNo}: data after the end of the document`);
    if (line === DOCUMENT_CLOSE) {
      closed = true;
      continue;
    }
    const first = lineNo === 2;
    if (!first && !line.startsWith(',')) {
      throw new ExportFileError(`Line ${lineNo}: expected one export entry per line`);
    }
    let value: unknown;
    try {
      value = JSON.parse(first ? line : line.slice(1));
    } catch {
      throw new ExportFileError(`Line ${lineNo} is not valid JSON: the file is damaged`);
    }
    yield { line: lineNo, value };
  }
  if (!closed) throw new ExportFileError('The export is truncated: the document never ends');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
