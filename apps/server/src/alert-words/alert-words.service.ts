import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { EventPublisher } from '../event-publisher/event-publisher';
import type { User } from '../identity/user.types';
import { AlertWordsRepository } from './alert-words.repository';

/** Words that flag a message `has_alert_word` for this user; each change is announced to them. */
@Injectable()
export class AlertWordsService {
  constructor(
    private readonly words: AlertWordsRepository,
    private readonly events: EventPublisher,
    private readonly db: Database,
  ) {}

  list(user: User): Promise<string[]> {
    return this.words.list(user.id);
  }

  add(user: User, words: string[]): Promise<string[]> {
    return this.change(user, () => this.words.add(user.id, clean(words)));
  }

  remove(user: User, words: string[]): Promise<string[]> {
    return this.change(user, () => this.words.remove(user.id, clean(words)));
  }

  private change(user: User, write: () => Promise<void>): Promise<string[]> {
    return this.db.transaction(async () => {
      await write();
      const alertWords = await this.words.list(user.id);
      await this.events.toUsers([user.id], { type: 'alert_words', alert_words: alertWords });
      return alertWords;
    });
  }
}

/** As Zulip: surrounding spaces do not count, and an empty word is no word. */
function clean(words: string[]): string[] {
  return words.map((w) => w.trim()).filter((w) => w !== '');
}
