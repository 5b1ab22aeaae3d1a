import type { RenderContext } from './types';

/** A realm with a few users, groups, streams, emoji and a linkifier, shared by the specs. */
export const testContext: RenderContext = {
  realmUrl: 'https://chat.example.com',
  users: [
    { id: 5, fullName: 'Ada Lovelace' },
    { id: 6, fullName: 'Alan Turing' },
    { id: 7, fullName: 'Sam' },
    { id: 8, fullName: 'Sam' },
  ],
  userGroups: [{ id: 3, name: 'backend' }],
  streams: [
    { id: 3, name: 'general chat' },
    { id: 9, name: 'design' },
  ],
  realmEmoji: [
    { id: 1, name: 'green_tick', sourceUrl: '/user_avatars/2/emoji/images/1.png' },
    { id: 2, name: 'old_logo', sourceUrl: '/user_avatars/2/emoji/images/2.png', deactivated: true },
  ],
  linkifiers: [
    {
      pattern: '#(?P<id>[0-9]+)',
      urlTemplate: 'https://github.com/zulip/zulip/issues/{id}',
    },
  ],
  inlineImagePreview: true,
};
