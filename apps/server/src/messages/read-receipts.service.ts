import { Injectable } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import { Role, User } from '../identity/user.types';
import { invalidMessage } from './message-fetch.service';
import { MessagesRepository } from './messages.repository';
import { ReadReceiptsRepository } from './read-receipts.repository';

/** `GET /messages/{id}/read_receipts`: who has read a message the asking user can see. */
@Injectable()
export class ReadReceiptsService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly receipts: ReadReceiptsRepository,
  ) {}

  async readers(user: User, realm: Realm, messageId: number): Promise<number[]> {
    if (!realm.enable_read_receipts) {
      throw ZulipError.badRequest('Read receipts are disabled in this organization.');
    }
    const [message] = await this.messages.findAccessible(
      realm.id,
      user.id,
      user.role === Role.Guest,
      [messageId],
    );
    if (!message) throw invalidMessage();
    return this.receipts.readers(message.id, message.sender_id, user.id);
  }
}
