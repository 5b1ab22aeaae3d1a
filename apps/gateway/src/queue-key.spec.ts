import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { QUEUE_KEY_FILE, QueueSealer, SealError } from './queue-key';

describe('QueueSealer', () => {
  it('seals a key so that it does not appear in the stored text, and opens it again', () => {
    const sealer = QueueSealer.ephemeral();
    const sealed = sealer.seal('abcdefghijklmnopqrstuvwxyz012345');
    expect(sealed).not.toContain('abcdefghijklmnopqrstuvwxyz012345');
    expect(sealer.seal('abcdefghijklmnopqrstuvwxyz012345')).not.toBe(sealed);
    expect(sealer.open(sealed)).toBe('abcdefghijklmnopqrstuvwxyz012345');
  });

  it('refuses a value sealed with another key, altered, or never sealed', () => {
    const sealed = QueueSealer.ephemeral().seal('secret');
    expect(() => QueueSealer.ephemeral().open(sealed)).toThrow(SealError);
    expect(() => QueueSealer.ephemeral().open('secret')).toThrow(SealError);
    const sealer = QueueSealer.ephemeral();
    const altered = sealer.seal('secret').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(() => sealer.open(altered)).toThrow(SealError);
  });

  it('keeps its key in DATA_DIR, mode 0600, the same for every process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-queue-key-'));
    try {
      const sealed = QueueSealer.fromDataDir(dir).seal('secret');
      expect(QueueSealer.fromDataDir(dir).open(sealed)).toBe('secret');
      expect(fs.statSync(path.join(dir, QUEUE_KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(fs.readdirSync(dir)).toEqual([QUEUE_KEY_FILE]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
