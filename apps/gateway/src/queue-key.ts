import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The key file's name under DATA_DIR: every gateway process sharing one Redis reads the same. */
export const QUEUE_KEY_FILE = 'gateway-queue.key';

/** A sealed secret that this key cannot open: sealed with another key, or altered. */
export class SealError extends Error {}

const ALGORITHM = 'aes-256-gcm';
const PREFIX = 'sealed:v1:';

/**
 * Seals bot API keys before they enter the durable delivery queue, so that whoever reads Redis
 * (a backup of it, a shared instance, a monitoring tool) finds no credential in it. AES-256-GCM
 * with a key kept in DATA_DIR, never in Redis.
 */
export class QueueSealer {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The queue key must be 32 bytes');
  }

  /** A key for this process only: the in-process queue dies with it. */
  static ephemeral(): QueueSealer {
    return new QueueSealer(randomBytes(32));
  }

  /** The key of DATA_DIR/gateway-queue.key, created (mode 0600) by the first process to need it. */
  static fromDataDir(dataDir: string): QueueSealer {
    const file = path.join(dataDir, QUEUE_KEY_FILE);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      // Written aside then linked into place: a concurrent first start never reads half a key.
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      fs.writeFileSync(partial, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
      try {
        fs.linkSync(partial, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        fs.rmSync(partial, { force: true });
      }
    }
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return new QueueSealer(key);
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return PREFIX + [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
  }

  /** The secret; throws when it was sealed with another key or altered. */
  open(sealed: string): string {
    const parts = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length).split('.') : [];
    if (parts.length !== 3) throw new SealError('The bot key in this job is not sealed');
    const [iv, tag, data] = parts.map((p) => Buffer.from(p, 'base64url'));
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    } catch {
      throw new SealError(
        `The bot key in this job was sealed with another ${QUEUE_KEY_FILE} than this gateway's`,
      );
    }
  }
}
