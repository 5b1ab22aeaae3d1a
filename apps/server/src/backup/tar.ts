import * as fs from 'node:fs';
import type { Readable, Writable } from 'node:stream';

/**
 * The POSIX tar format (ustar, with pax records for long or non-ASCII names and large sizes),
 * just what backups need: regular files written one after another and read back as a stream.
 */
const BLOCK = 512;
const USTAR_MAX_SIZE = 8 ** 11 - 1;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, type: '0' | 'x', mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(Math.floor(mtime), 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write(type, 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148, 'ascii');
  return block;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length++;
  return `${length}${body}`;
}

function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** Writes entries to `out` (a gzip stream, say), honouring its back-pressure. */
export class TarWriter {
  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer): Promise<void> {
    if (this.out.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.out.once('error', onError);
      this.out.once('drain', () => {
        this.out.off('error', onError);
        resolve();
      });
    });
  }

  private async writeHeader(name: string, size: number, mtime: number): Promise<void> {
    const pax: string[] = [];
    if (Buffer.byteLength(name) > 99 || /[^\x20-\x7e]/.test(name))
      pax.push(paxRecord('path', name));
    if (size > USTAR_MAX_SIZE) pax.push(paxRecord('size', String(size)));
    if (pax.length > 0) {
      const body = Buffer.from(pax.join(''), 'utf8');
      await this.write(header('PaxHeader', body.length, 'x', mtime));
      await this.write(body);
      await this.write(padding(body.length));
    }
    const shortName = name.replace(/[^\x20-\x7e]/g, '_').slice(0, 99);
    await this.write(header(shortName, Math.min(size, USTAR_MAX_SIZE), '0', mtime));
  }

  async addBuffer(name: string, data: Buffer): Promise<void> {
    await this.writeHeader(name, data.length, Date.now() / 1000);
    await this.write(data);
    await this.write(padding(data.length));
  }

  /** Copies the file at `file`, which must still be `size` bytes long. */
  async addFile(name: string, file: string, size: number, mtime: number): Promise<void> {
    await this.writeHeader(name, size, mtime);
    let written = 0;
    for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
      if (written + chunk.length > size) throw new Error(`${file} grew while it was archived`);
      await this.write(chunk);
      written += chunk.length;
    }
    if (written !== size) throw new Error(`${file} shrank while it was archived`);
    await this.write(padding(size));
  }

  /** The end-of-archive marker; the caller ends `out`. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
  }
}

export interface TarEntry {
  name: string;
  size: number;
}

/** Where an entry's bytes go: `write` per chunk, then `end`; null skips the entry. */
export interface TarSink {
  write(chunk: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
}

function parseOctal(block: Buffer, offset: number, width: number): number {
  const text = block
    .subarray(offset, offset + width)
    .toString('ascii')
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]*$/.test(text)) throw new Error('Not a tar archive (bad number in a header)');
  return text ? parseInt(text, 8) : 0;
}

function verifyChecksum(block: Buffer): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  if (sum !== parseOctal(block, 148, 8)) throw new Error('Not a tar archive (bad header checksum)');
}

function parsePax(body: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    const length = Number(body.subarray(offset, space).toString('ascii'));
    if (!Number.isInteger(length) || length <= 0) throw new Error('Bad pax record in archive');
    const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    records[record.slice(0, eq)] = record.slice(eq + 1);
    offset += length;
  }
  return records;
}

/**
 * Reads the regular-file entries of a tar stream in order, handing each to `open`'s sink.
 * Throws when the archive is truncated or damaged.
 */
export async function readTar(
  input: Readable,
  open: (entry: TarEntry) => Promise<TarSink | null> | TarSink | null,
): Promise<void> {
  let buffer: Buffer = Buffer.alloc(0);
  // What the parser is in the middle of (an object: the helpers below change it).
  const at: {
    state: 'header' | 'body' | 'done';
    remaining: number;
    pad: number;
    sink: TarSink | null;
    collecting: Buffer[] | null;
    pax: Record<string, string>;
    type: string;
  } = { state: 'header', remaining: 0, pad: 0, sink: null, collecting: null, pax: {}, type: '0' };

  /** Reads an entry's header; true when the entry is empty (nothing to read for it). */
  const startEntry = async (block: Buffer): Promise<boolean> => {
    verifyChecksum(block);
    const type = String.fromCharCode(block[156] || 0x30);
    const prefix = block.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const rawName = block.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const name = at.pax.path ?? (prefix ? `${prefix}/${rawName}` : rawName);
    const size = at.pax.size !== undefined ? Number(at.pax.size) : parseOctal(block, 124, 12);
    at.type = type;
    at.remaining = size;
    at.pad = (BLOCK - (size % BLOCK)) % BLOCK;
    at.sink = null;
    at.collecting = null;
    if (type === 'x') at.collecting = [];
    else {
      at.pax = {};
      if (type === '0' || type === '\0') at.sink = await open({ name, size });
    }
    at.state = 'body';
    return size === 0;
  };

  const finishEntry = async () => {
    if (at.type === 'x' && at.collecting) at.pax = parsePax(Buffer.concat(at.collecting));
    else await at.sink?.end();
    at.state = 'header';
  };

  for await (const chunk of input as AsyncIterable<Buffer>) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    while (at.state !== 'done') {
      if (at.state === 'header') {
        if (buffer.length < BLOCK) break;
        const block = buffer.subarray(0, BLOCK);
        buffer = buffer.subarray(BLOCK);
        if (block.every((b) => b === 0)) at.state = 'done';
        else if (await startEntry(block)) await finishEntry();
        continue;
      }
      if (at.remaining > 0) {
        if (buffer.length === 0) break;
        const part = buffer.subarray(0, Math.min(at.remaining, buffer.length));
        buffer = buffer.subarray(part.length);
        at.remaining -= part.length;
        if (at.collecting) at.collecting.push(part);
        else if (at.sink) await at.sink.write(part);
        if (at.remaining > 0) continue;
      }
      if (buffer.length < at.pad) break;
      buffer = buffer.subarray(at.pad);
      at.pad = 0;
      await finishEntry();
    }
  }
  if (at.state !== 'done') throw new Error('The archive is truncated');
}
