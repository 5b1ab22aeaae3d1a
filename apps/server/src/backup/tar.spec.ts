import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { readTar, TarWriter } from './tar';

async function archive(entries: Array<[string, Buffer]>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = new TarWriter(out);
  for (const [name, data] of entries) await writer.addBuffer(name, data);
  await writer.finish();
  out.end();
  return Buffer.concat(chunks);
}

async function entries(tar: Buffer, chunkSize: number): Promise<Array<[string, string]>> {
  const found: Array<[string, string]> = [];
  const parts: Buffer[] = [];
  for (let i = 0; i < tar.length; i += chunkSize) parts.push(tar.subarray(i, i + chunkSize));
  await readTar(Readable.from(parts), ({ name }) => {
    const data: Buffer[] = [];
    return {
      write: (c) => void data.push(c),
      end: () => void found.push([name, Buffer.concat(data).toString('utf8')]),
    };
  });
  return found;
}

describe('tar archives of backups', () => {
  const longName = `uploads/2/${'a'.repeat(40)}/${'b'.repeat(40)}/Grüße résumé ${'c'.repeat(30)}.txt`;
  const files: Array<[string, Buffer]> = [
    ['manifest.json', Buffer.from('{"a":1}')],
    ['empty', Buffer.alloc(0)],
    [longName, Buffer.from('x'.repeat(1500))],
    ['exact', Buffer.from('y'.repeat(512))],
  ];

  it('reads back what it wrote, whatever the chunking of the stream', async () => {
    const tar = await archive(files);
    for (const size of [1, 7, 512, 100000]) {
      expect(await entries(tar, size)).toEqual(files.map(([n, d]) => [n, d.toString('utf8')]));
    }
  });

  it('writes archives the system tar lists with their full names', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-tar-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.tar'), await archive(files));
      const listed = execFileSync('tar', ['-tf', path.join(dir, 'a.tar')], { encoding: 'utf8' });
      expect(listed.trim().split('\n')).toEqual(files.map(([n]) => n));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a truncated or damaged archive', async () => {
    const tar = await archive(files);
    await expect(entries(tar.subarray(0, 1700), 512)).rejects.toThrow('truncated');
    const damaged = Buffer.from(tar);
    damaged[3] ^= 0xff;
    await expect(entries(damaged, 512)).rejects.toThrow('checksum');
  });
});
