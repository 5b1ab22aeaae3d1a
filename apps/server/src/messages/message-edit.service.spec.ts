import type { Database } from '../database/database.service';
import { realm, user } from '../identity/identity.fixture';
import type { Realm } from '../identity/realm.types';
import { Role, type User } from '../identity/user.types';
import type { UsersRepository } from '../identity/users.repository';
import type { StreamsService } from '../streams/streams.service';
import type { UploadsService } from '../uploads/uploads.service';
import type { ContentRenderer } from './content-renderer.service';
import type { EditsRepository } from './edits.repository';
import type { MessageAnnouncer } from './message-announcer';
import type { DeleteResult, EditResult } from './message-changes';
import { MessageEditService } from './message-edit.service';
import { NO_TOPIC, type MessageRow } from './message.types';
import type { MessagesRepository } from './messages.repository';

/** Who may edit, move and delete which message: the rules, with the repositories faked. */

const message = (sender: User, changes: Partial<MessageRow> = {}): MessageRow => ({
  id: 100,
  realm_id: 1,
  sender_id: sender.id,
  stream_id: 5,
  dm_group_id: null,
  topic: 'plans',
  content: 'hello',
  rendered_content: '<p>hello</p>',
  date_sent: new Date(),
  sending_client: 'test',
  last_edit_time: null,
  has_link: false,
  has_image: false,
  has_attachment: false,
  ...changes,
});

/** The service over in-memory fakes holding one message; records what it announces. */
function serviceWith(row: MessageRow, people: User[] = []) {
  const announced: { edited: EditResult[]; deleted: DeleteResult[] } = { edited: [], deleted: [] };
  const db = { transaction: <T>(work: () => Promise<T>) => work() };
  const messages = {
    findAccessible: async (_realmId: number, _userId: number, _guest: boolean, ids: number[]) =>
      ids.includes(row.id) ? [row] : [],
    recipientFlags: async () => [],
    recipientsOf: async () => [],
  };
  const edits = {
    propagationTargets: async () => [row.id],
    recordEdits: async () => undefined,
    updateContent: async () => undefined,
    updateMentions: async () => undefined,
    move: async () => undefined,
    reassignRecipients: async () => undefined,
    delete: async () => undefined,
  };
  const users = { findById: async (id: number) => people.find((p) => p.id === id) ?? null };
  const renderer = {
    render: async (_realm: Realm, _sender: number, content: string) => ({
      html: `<p>${content}</p>`,
      hasLink: false,
      hasImage: false,
      hasAttachment: false,
      isMeMessage: false,
      uploadPathIds: [],
    }),

    // Nobody here mentions a group.
    assertGroupMentionsAllowed: async () => undefined,
  };
  const uploads = {
    contentEdited: async () => ({ detached: [] }),
    linkedTo: async () => [],
    messageDeleted: async () => ({ detached: [] }),
  };
  const announcer = {
    edited: async (result: EditResult) => void announced.edited.push(result),
    deleted: async (result: DeleteResult) => void announced.deleted.push(result),
  };
  const service = new MessageEditService(
    db as unknown as Database,
    messages as unknown as MessagesRepository,
    edits as unknown as EditsRepository,
    {} as StreamsService,
    renderer as unknown as ContentRenderer,
    users as unknown as UsersRepository,
    announcer as unknown as MessageAnnouncer,
    uploads as unknown as UploadsService,
  );
  return { service, announced };
}

describe('MessageEditService: editing content', () => {
  it('lets the sender edit their message and announces the new content', async () => {
    const sender = user();
    const { service, announced } = serviceWith(message(sender));
    await service.edit(sender, realm(), 100, {
      content: 'hello again',
      propagateMode: 'change_one',
    });
    expect(announced.edited).toHaveLength(1);
    expect(announced.edited[0]).toMatchObject({
      messageId: 100,
      content: 'hello again',
      origContent: 'hello',
      renderedContent: '<p>hello again</p>',
    });
  });

  it("refuses anyone else's content edit, administrators included", async () => {
    const sender = user();
    const { service, announced } = serviceWith(message(sender));
    for (const editor of [user(), user({ role: Role.Administrator })]) {
      await expect(
        service.edit(editor, realm(), 100, { content: 'mine now', propagateMode: 'change_one' }),
      ).rejects.toThrow("You don't have permission to edit this message");
    }
    expect(announced.edited).toEqual([]);
  });

  it('refuses edits when the organization turned editing off', async () => {
    const sender = user();
    const { service } = serviceWith(message(sender));
    await expect(
      service.edit(sender, realm({ allow_message_editing: false }), 100, {
        content: 'late fix',
        propagateMode: 'change_one',
      }),
    ).rejects.toThrow('Your organization has turned off message editing');
  });

  it('refuses a content edit after the time limit (and its grace period)', async () => {
    const sender = user();
    const old = message(sender, { date_sent: new Date(Date.now() - 3600_000) });
    const { service } = serviceWith(old);
    await expect(
      service.edit(sender, realm({ message_content_edit_limit_seconds: 600 }), 100, {
        content: 'too late',
        propagateMode: 'change_one',
      }),
    ).rejects.toThrow('The time limit for editing this message has past');
  });

  it('lets a mirror bridge edit a message of the remote person it mirrors', async () => {
    const remote = user({ is_mirror_dummy: true });
    const bridge = user({ is_bot: true, is_api_super_user: true });
    const { service, announced } = serviceWith(message(remote), [remote]);
    await service.edit(bridge, realm(), 100, { content: 'relayed', propagateMode: 'change_one' });
    expect(announced.edited[0]).toMatchObject({ content: 'relayed', userId: bridge.id });
  });

  it('answers "Invalid message(s)" for a message the user cannot read', async () => {
    const sender = user();
    const { service } = serviceWith(message(sender));
    await expect(
      service.edit(sender, realm(), 999, { content: 'x', propagateMode: 'change_one' }),
    ).rejects.toThrow('Invalid message(s)');
  });
});

describe('MessageEditService: moving topics', () => {
  it("lets an administrator retopic anyone's message", async () => {
    const sender = user();
    const { service, announced } = serviceWith(message(sender));
    const admin = user({ role: Role.Administrator });
    await service.edit(admin, realm(), 100, { topic: 'decisions', propagateMode: 'change_one' });
    expect(announced.edited[0]).toMatchObject({ origTopic: 'plans', topic: 'decisions' });
  });

  it('lets any member name a message that has no topic, but not retopic a named one', async () => {
    const sender = user();
    const member = user();
    const untitled = serviceWith(message(sender, { topic: NO_TOPIC }));
    await untitled.service.edit(member, realm(), 100, {
      topic: 'found one',
      propagateMode: 'change_one',
    });
    expect(untitled.announced.edited[0]).toMatchObject({ topic: 'found one' });

    const named = serviceWith(message(sender));
    await expect(
      named.service.edit(member, realm(), 100, { topic: 'mine', propagateMode: 'change_one' }),
    ).rejects.toThrow("You don't have permission to edit this message");
  });

  it('refuses topics on direct messages', async () => {
    const sender = user();
    const { service } = serviceWith(message(sender, { stream_id: null, dm_group_id: 3 }));
    await expect(
      service.edit(sender, realm(), 100, { topic: 'dm topic', propagateMode: 'change_one' }),
    ).rejects.toThrow('Direct messages cannot have topics.');
  });
});

describe('MessageEditService: deleting', () => {
  it('lets the sender delete their own message when the organization allows it', async () => {
    const sender = user();
    const { service, announced } = serviceWith(message(sender));
    await service.delete(sender, realm(), 100);
    expect(announced.deleted).toMatchObject([{ messageIds: [100], topic: 'plans' }]);
    const off = serviceWith(message(sender));
    await expect(
      off.service.delete(sender, realm({ allow_message_deleting: false }), 100),
    ).rejects.toThrow("You don't have permission to delete this message");
  });

  it("refuses a member deleting someone else's message; an administrator may", async () => {
    const sender = user();
    const { service, announced } = serviceWith(message(sender));
    await expect(service.delete(user(), realm(), 100)).rejects.toThrow(
      "You don't have permission to delete this message",
    );
    expect(announced.deleted).toEqual([]);
    await service.delete(user({ role: Role.Administrator }), realm(), 100);
    expect(announced.deleted).toHaveLength(1);
  });
});
