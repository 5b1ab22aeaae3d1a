import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { isAdmin, User } from '../identity/user.types';
import { adminRequired } from '../streams/stream-rules';
import { StreamsService } from '../streams/streams.service';
import { UploadsService } from '../uploads/uploads.service';
import { MessageAnnouncer } from './message-announcer';
import { NO_TOPIC } from './message.types';
import { MessagesRepository } from './messages.repository';
import { TopicRow, TopicsRepository } from './topics.repository';

/** Messages deleted per transaction (and per `delete_message` event) when a topic goes. */
export const TOPIC_DELETE_BATCH = 1000;
/** Past this, `delete_topic` stops between batches and answers `complete: false`; clients retry. */
const TOPIC_DELETE_BUDGET_MS = 30_000;

/** A stream's topics: listing them under the stream's history rules, and deleting one. */
@Injectable()
export class TopicsService {
  constructor(
    private readonly db: Database,
    private readonly streams: StreamsService,
    private readonly topics: TopicsRepository,
    private readonly messages: MessagesRepository,
    private readonly announcer: MessageAnnouncer,
    private readonly uploads: UploadsService,
  ) {}

  /**
   * The topics of a stream the user can read, newest first. Where the user may not see the
   * stream's whole history (a private stream with protected history), only the topics of
   * messages they received.
   */
  async list(user: User, streamId: number): Promise<TopicRow[]> {
    const stream = await this.streams.getStreamForUser(user, streamId);
    return this.topics.list(stream.id, this.streams.historyVisible(user, stream) ? null : user.id);
  }

  /**
   * Deletes a topic's messages (admins only; only those the admin may see), a batch per
   * transaction, each announced as one `delete_message` event. `complete` is false when the time
   * budget ran out first: calling again deletes the rest.
   */
  async deleteTopic(
    user: User,
    streamId: number,
    topicName: string,
  ): Promise<{ complete: boolean }> {
    if (!isAdmin(user)) throw adminRequired();
    const stream = await this.streams.getStreamForUser(user, streamId);
    const fullHistory = this.streams.historyVisible(user, stream);
    const topic = topicName.trim() === '' ? NO_TOPIC : topicName.trim();
    const started = Date.now();
    for (;;) {
      const batch = await this.topics.topicMessages(
        stream.id,
        topic,
        fullHistory ? null : user.id,
        TOPIC_DELETE_BATCH,
      );
      const ids = batch.map((m) => m.id);
      if (ids.length === 0) return { complete: true };
      await this.db.transaction(async () => {
        // Subscribers may have read shared history without holding rows of their own.
        const [holders, subscribers] = await Promise.all([
          this.messages.recipientsOf(ids),
          fullHistory ? this.streams.subscriberIds(stream.id) : Promise.resolve([]),
        ]);
        const linked = await this.uploads.linkedTo(ids);
        await this.topics.deleteMessages(ids);
        // Their uploads start the cleanup clock; Zulip's answer names no detached uploads.
        await this.uploads.messageDeleted(user, linked);
        await this.announcer.deleted({
          messageIds: ids,
          messageType: 'stream',
          streamId: stream.id,
          topic: batch[0].topic,
          recipientUserIds: [...new Set([...holders, ...subscribers])],
          detachedUploads: [],
        });
      });
      if (ids.length < TOPIC_DELETE_BATCH) return { complete: true };
      if (Date.now() - started > TOPIC_DELETE_BUDGET_MS) return { complete: false };
    }
  }
}
