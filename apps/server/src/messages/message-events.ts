import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import type { DeleteResult, EditResult } from './message-edit.service';
import type { SentMessage } from './message-send.service';
import type { FlagChange } from './flags.service';
import type { ReactionChange } from './reactions.service';

/** What happened to messages, after the transaction committed. */
export interface MessageEventMap {
  sent: [SentMessage];
  edited: [EditResult];
  deleted: [DeleteResult];
  flags: [{ userId: number; change: FlagChange }];
  reaction: [ReactionChange];
}

/**
 * The messages module announces committed changes here; the events module subscribes and
 * publishes them to event queues. Listeners run synchronously and must not throw.
 */
@Injectable()
export class MessageEvents {
  private readonly emitter = new EventEmitter();

  on<K extends keyof MessageEventMap>(
    kind: K,
    listener: (...args: MessageEventMap[K]) => void,
  ): void {
    this.emitter.on(kind, listener as (...args: unknown[]) => void);
  }

  emit<K extends keyof MessageEventMap>(kind: K, ...args: MessageEventMap[K]): void {
    this.emitter.emit(kind, ...args);
  }
}
