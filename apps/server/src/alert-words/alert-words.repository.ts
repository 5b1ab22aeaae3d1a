import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';

/** A user's alert words (the send path matches them in SQL: messages.repository.ts). */
@Injectable()
export class AlertWordsRepository {
  constructor(private readonly db: Database) {}

  async list(userId: number): Promise<string[]> {
    const rows = await this.db.rows<{ word: string }>(
      'SELECT word FROM alert_words WHERE user_id = $1 ORDER BY id',
      [userId],
    );
    return rows.map((r) => r.word);
  }

  /** Adds the words the user has in no letter case yet, in order; keeps the first spelling. */
  async add(userId: number, words: string[]): Promise<void> {
    await this.db.execute(
      `INSERT INTO alert_words (user_id, word)
       SELECT $1, word FROM (
         SELECT DISTINCT ON (lower(w.word)) w.word, w.n
         FROM unnest($2::text[]) WITH ORDINALITY AS w(word, n)
         WHERE NOT EXISTS (SELECT 1 FROM alert_words a
                           WHERE a.user_id = $1 AND lower(a.word) = lower(w.word))
         ORDER BY lower(w.word), w.n
       ) fresh
       ORDER BY n
       ON CONFLICT DO NOTHING`,
      [userId, words],
    );
  }

  /** Removes the words in any letter case. */
  async remove(userId: number, words: string[]): Promise<void> {
    await this.db.execute(
      'DELETE FROM alert_words WHERE user_id = $1 AND lower(word) = ANY($2::text[])',
      [userId, words.map((w) => w.toLowerCase())],
    );
  }
}
