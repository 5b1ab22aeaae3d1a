import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import type { Stream } from '../streams/stream.types';

/** The channels' secret email tokens (channel_email_tokens). */
@Injectable()
export class EmailGatewayRepository {
  constructor(private readonly db: Database) {}

  /** The channel's token, made (once, whoever asks first) if it has none yet. */
  async tokenFor(streamId: number): Promise<string> {
    await this.db.execute(
      `INSERT INTO channel_email_tokens (stream_id, token) VALUES ($1, $2)
         ON CONFLICT (stream_id) DO NOTHING`,
      [streamId, randomBytes(16).toString('hex')],
    );
    const row = await this.db.one<{ token: string }>(
      'SELECT token FROM channel_email_tokens WHERE stream_id = $1',
      [streamId],
    );
    return row!.token;
  }

  /** The active channel a token belongs to, in any realm. */
  streamByToken(token: string): Promise<Stream | undefined> {
    return this.db.one<Stream>(
      `SELECT s.* FROM channel_email_tokens t JOIN streams s ON s.id = t.stream_id
         WHERE t.token = $1 AND NOT s.deactivated`,
      [token],
    );
  }
}
