import type { MessagePublication } from '@hub/api/event.types';
import { formKey, payloadOf, queueWants, renderForQueue, withId } from './event-render';
import { plainQueueSpec } from './queue-spec.fixture';

const spec = plainQueueSpec(11);

const publication: MessagePublication = {
  type: 'message',
  raw_content: 'hi **there**',
  gravatar_avatar: true,
  message: {
    id: 7,
    sender_id: 10,
    sender_email: 'a@example.com',
    sender_full_name: 'A',
    sender_realm_str: '',
    content: '<p>hi <strong>there</strong></p>',
    content_type: 'text/html',
    timestamp: 0,
    client: 'test',
    type: 'stream',
    recipient_id: 1,
    subject: 't',
    topic_links: [],
    is_me_message: false,
    reactions: [],
    submessages: [],
    avatar_url: 'https://secure.gravatar.com/avatar/x',
    display_recipient: 's',
    stream_id: 1,
  },
};

describe('rendering events per queue', () => {
  it('gives HTML or Markdown as the queue registered, with the reader’s flags', () => {
    const [html] = renderForQueue(publication, spec, ['mentioned']);
    expect(html).toMatchObject({
      type: 'message',
      flags: ['mentioned'],
      message: { content: '<p>hi <strong>there</strong></p>', content_type: 'text/html' },
    });
    const [raw] = renderForQueue(publication, { ...spec, applyMarkdown: false }, []);
    expect(raw).toMatchObject({
      message: { content: 'hi **there**', content_type: 'text/x-markdown' },
    });
    const [gravatar] = renderForQueue(publication, { ...spec, clientGravatar: true }, []);
    expect(gravatar).toMatchObject({ message: { avatar_url: null } });
  });

  it('splits bulk deletions for clients without bulk_message_deletion', () => {
    const del = {
      type: 'delete_message' as const,
      message_type: 'stream' as const,
      message_ids: [1, 2],
    };
    expect(renderForQueue(del, spec, [])).toEqual([
      { type: 'delete_message', message_type: 'stream', message_id: 1 },
      { type: 'delete_message', message_type: 'stream', message_id: 2 },
    ]);
    expect(renderForQueue(del, { ...spec, bulkMessageDeletion: true }, [])).toEqual([del]);
  });

  it('filters by event type, narrow and stream-typing capability', () => {
    expect(queueWants(publication, { ...spec, eventTypes: ['typing'] }, [])).toBe(false);
    expect(
      queueWants(
        publication,
        { ...spec, narrow: [{ operator: 'is', operand: 'dm', negated: false }] },
        [],
      ),
    ).toBe(false);
    const typing = {
      type: 'typing' as const,
      op: 'start' as const,
      message_type: 'stream' as const,
      sender: { user_id: 10, email: 'a@example.com' },
      stream_id: 1,
      topic: 't',
    };
    expect(queueWants(typing, spec, [])).toBe(false);
    expect(queueWants(typing, { ...spec, streamTypingNotifications: true }, [])).toBe(true);
  });

  it('keys forms so equal queues share one payload, and rebuilds JSON with ids', () => {
    expect(formKey(spec, ['read'])).toBe(formKey({ ...spec, userId: 99 }, ['read']));
    expect(formKey(spec, ['read'])).not.toBe(formKey(spec, []));
    expect(formKey(spec, [])).not.toBe(formKey({ ...spec, applyMarkdown: false }, []));
    const json = withId(3, payloadOf({ type: 'heartbeat' }));
    expect(JSON.parse(json)).toEqual({ id: 3, type: 'heartbeat' });
  });
});
