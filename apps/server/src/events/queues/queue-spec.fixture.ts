import type { QueueSpec } from './queue-spec';

/** For specs: the queue a plain `register` makes (every event type, no narrow). */
export function plainQueueSpec(userId: number, overrides: Partial<QueueSpec> = {}): QueueSpec {
  return {
    userId,
    realmId: 1,
    eventTypes: null,
    narrow: [],
    allPublicStreams: false,
    applyMarkdown: true,
    clientGravatar: false,
    bulkMessageDeletion: false,
    streamTypingNotifications: false,
    ...overrides,
  };
}
