import { realm, user } from '../identity/identity.fixture';
import type { User } from '../identity/user.types';
import type { UsersRepository } from '../identity/users.repository';
import type { StreamsService } from '../streams/streams.service';
import type { UploadsService } from '../uploads/uploads.service';
import type { ContentRenderer } from './content-renderer.service';
import type { MessageAnnouncer } from './message-announcer';
import type { SentMessage } from './message-changes';
import { MessageSendService, type SendInput } from './message-send.service';
import type { MessagesRepository, NewMessage, RecipientSpec } from './messages.repository';
import type { MirrorUsers } from './mirror-users';

/** Who may send what where: the rules, with the repositories faked. */

const lobby = { id: 5, name: 'lobby', invite_only: false };

/** The service over in-memory `people`; `mayPost` decides the stream's posting permission. */
function serviceFor(people: User[], mayPost = true) {
  const stored: Array<{ message: NewMessage; spec: RecipientSpec }> = [];
  const sent: SentMessage[] = [];
  const messages = {
    insertWithRecipients: async (message: NewMessage, spec: RecipientSpec) => {
      stored.push({ message, spec });
      return { message: { ...message, id: 100 + stored.length }, recipients: [] };
    },
  };
  const streams = {
    getStreamForSending: async () => lobby,
    canPost: async () => mayPost,
  };
  const users = {
    findManyByIds: async (_realm: number, ids: number[]) =>
      people.filter((p) => ids.includes(p.id)),
    findManyByEmails: async (_realm: number, emails: string[]) =>
      people.filter((p) => emails.includes(p.email)),
  };
  const mirrored: string[] = [];
  const mirrors = {
    findOrCreate: async (_realm: number, emails: string[]) => {
      mirrored.push(...emails);
      return emails.map((email) => user({ email, is_mirror_dummy: true }));
    },
  };
  const renderer = {
    render: async (_realm: unknown, _sender: number, content: string) => ({
      html: `<p>${content}</p>`,
      hasLink: false,
      hasImage: false,
      hasAttachment: false,
      isMeMessage: false,
      uploadPathIds: [],
      mentionedUserIds: [],
      mentionedGroupIds: [],
      streamWildcardMentioned: false,
      topicWildcardMentioned: false,
    }),

    // Nobody here mentions a group.
    assertGroupMentionsAllowed: async () => undefined,
  };
  const announcer = { sent: async (message: SentMessage) => void sent.push(message) };
  const uploads = { claim: async () => undefined };
  const service = new MessageSendService(
    messages as unknown as MessagesRepository,
    streams as unknown as StreamsService,
    users as unknown as UsersRepository,
    mirrors as unknown as MirrorUsers,
    renderer as unknown as ContentRenderer,
    announcer as unknown as MessageAnnouncer,
    uploads as unknown as UploadsService,
  );
  return { service, stored, sent, mirrored };
}

const toStream = (changes: Partial<SendInput> = {}): SendInput => ({
  type: 'stream',
  to: 'lobby',
  topic: 'greetings',
  content: 'hello',
  client: 'test',
  ...changes,
});

describe('MessageSendService: streams', () => {
  it('stores and announces a stream message from a member who may post', async () => {
    const member = user();
    const { service, stored, sent } = serviceFor([member]);
    await service.send(member, realm(), toStream());
    expect(stored[0].message).toMatchObject({ stream_id: 5, topic: 'greetings', content: 'hello' });
    expect(sent).toMatchObject([{ stream: lobby, sender: { id: member.id }, dmUserIds: null }]);
  });

  it('refuses a stream the sender may not post in, storing nothing', async () => {
    const member = user();
    const { service, stored, sent } = serviceFor([member], false);
    await expect(service.send(member, realm(), toStream())).rejects.toThrow(
      'You do not have permission to post in this channel.',
    );
    expect([stored, sent]).toEqual([[], []]);
  });

  it('requires a topic where the organization makes topics mandatory', async () => {
    const member = user();
    const { service } = serviceFor([member]);
    await expect(
      service.send(member, realm({ mandatory_topics: true }), toStream({ topic: '' })),
    ).rejects.toThrow('Topics are required in this organization');
  });
});

describe('MessageSendService: direct messages', () => {
  it('sends to the named users and the sender, in id order', async () => {
    const [alice, bob, carol] = [user(), user(), user()];
    const { service, sent } = serviceFor([alice, bob, carol]);
    await service.send(alice, realm(), {
      type: 'direct',
      to: [carol.id, bob.id],
      content: 'hi both',
      client: 'test',
    });
    expect(sent[0].dmUserIds).toEqual([alice.id, bob.id, carol.id]);
  });

  it('refuses a deactivated recipient and an unknown one', async () => {
    const [alice, gone] = [user(), user({ is_active: false })];
    const { service, stored } = serviceFor([alice, gone]);
    const dm = (to: unknown): SendInput => ({ type: 'direct', to, content: 'hi', client: 'test' });
    await expect(service.send(alice, realm(), dm([gone.id]))).rejects.toThrow(
      `'${gone.email}' is no longer using Zulip.`,
    );
    await expect(service.send(alice, realm(), dm([99_999]))).rejects.toThrow(
      'Invalid user ID 99999',
    );
    expect(stored).toEqual([]);
  });
});

describe('MessageSendService: forged and mirrored messages', () => {
  it('lets only API super users forge a message or speak for a remote person', async () => {
    const member = user();
    const bridge = user({ is_bot: true, is_api_super_user: true });
    const { service, stored, mirrored } = serviceFor([member, bridge]);
    await expect(
      service.send(member, realm(), toStream({ forged: true, time: 1_700_000_000 })),
    ).rejects.toThrow('User not authorized for this query');
    const relay = toStream({ client: 'irc_mirror', sender: 'nick@irc.example' });
    await expect(service.send(member, realm(), relay)).rejects.toThrow(
      'User not authorized for this query',
    );
    expect(stored).toEqual([]);

    await service.send(bridge, realm(), relay);
    expect(mirrored).toEqual(['nick@irc.example']);
    expect(stored).toHaveLength(1);
  });

  it('refuses a sender field from a client that is not a mirror', async () => {
    const member = user();
    const { service } = serviceFor([member]);
    await expect(service.send(member, realm(), toStream({ sender: member.email }))).rejects.toThrow(
      'Invalid mirrored message',
    );
  });
});
