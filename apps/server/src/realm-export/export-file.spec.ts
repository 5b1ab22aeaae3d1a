import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { EXPORT_FORMAT, ExportEntry, ExportWriter, openExport } from './export-file';

const header = {
  format: EXPORT_FORMAT,
  version: 1,
  exported_at: '2026-01-01T00:00:00.000Z',
  source: { realm_id: 4, subdomain: 'acme', name: 'Acme' },
};

async function collect(entries: AsyncGenerator<ExportEntry>): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const { value } of entries) values.push(value);
  return values;
}

describe('export file', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-export-file-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function write(name: string, entries: unknown[]): Promise<string> {
    const file = path.join(dir, name);
    const writer = await ExportWriter.open(file, header);
    for (const entry of entries) await writer.entry(entry);
    await writer.close();
    return file;
  }

  const entries = [
    { table: 'users', columns: ['id', 'email'] },
    [1, 'a@example.com'],
    [2, 'line\nbreak@example.com'],
    { end: true, counts: { users: 2 } },
  ];

  it('writes one JSON document that reads back entry by entry, plain or gzipped', async () => {
    const plain = await write('x.json', entries);
    expect(JSON.parse(fs.readFileSync(plain, 'utf8'))).toEqual({ ...header, sections: entries });
    const read = await openExport(plain);
    expect(read.header).toEqual(header);
    expect(await collect(read.entries)).toEqual(entries);

    const gz = await write('x.json.gz', entries);
    const unzipped = JSON.parse(zlib.gunzipSync(fs.readFileSync(gz)).toString('utf8'));
    expect(unzipped.sections).toEqual(entries);
    expect(await collect((await openExport(gz)).entries)).toEqual(entries);
  });

  it('leaves no file behind when an export is abandoned', async () => {
    const file = path.join(dir, 'gone.json');
    const writer = await ExportWriter.open(file, header);
    await writer.entry(entries[0]);
    await writer.abort();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses other files, newer versions, damaged and truncated exports', async () => {
    const file = await write('x.json', entries);
    const text = fs.readFileSync(file, 'utf8');
    const variant = (name: string, content: string) => {
      fs.writeFileSync(path.join(dir, name), content);
      return path.join(dir, name);
    };
    await expect(openExport(variant('other.json', '{"a":1}'))).rejects.toThrow(
      'This is not a realm export written by export-realm',
    );
    await expect(openExport(variant('empty.json', ''))).rejects.toThrow(/is empty/);
    await expect(
      openExport(variant('v2.json', text.replace('"version":1', '"version":2'))),
    ).rejects.toThrow('The export has format version 2; this server reads up to version 1');
    const cut = await openExport(variant('cut.json', text.split('\n').slice(0, 3).join('\n')));
    await expect(collect(cut.entries)).rejects.toThrow('The export is truncated');
    const broken = await openExport(variant('broken.json', text.replace('[1,', '[1,,')));
    await expect(collect(broken.entries)).rejects.toThrow('Line 3 is not valid JSON');
    await expect(openExport(path.join(dir, 'missing.json'))).rejects.toThrow(/Cannot read/);
  });
});
