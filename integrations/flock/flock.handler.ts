import { defineIntegration, post } from '../core/define';
import { AnomalousPayloadError } from '../core/payload';

/**
 * Flock's outgoing webhook: each message of the channel, its `text` (or, for app messages such
 * as pins, reminders and to-dos, its `notification`). Topic "Flock notifications", as Zulip does.
 */
export const flockIntegration = defineIntegration({
  name: 'flock',
  displayName: 'Flock',
  category: 'other',
  eventName: () => 'message',
  events: {
    message: post(
      () => 'Flock notifications',
      'message',
      (e) => {
        const text = e.payload.optStr('text') || e.payload.optStr('notification');
        if (!text) throw new AnomalousPayloadError('text', 'a message text or notification');
        return { text };
      },
    ),
  },
});
