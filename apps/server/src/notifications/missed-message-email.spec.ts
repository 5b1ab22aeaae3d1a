import { composeMissedMessageEmail, MissedMessageEmail, subjectOf } from './missed-message-email';

const base: MissedMessageEmail = {
  to: 'bob@example.com',
  realmName: 'Acme',
  realmUrl: 'http://acme.example.com',
  includeRealmName: false,
  includeContent: true,
  conversation: { kind: 'stream', streamId: 7, streamName: 'design team', topic: 'logo' },
  messages: [
    { id: 1, senderName: 'Alice', content: 'what about @**Bob**?', trigger: 'mentioned' },
    { id: 2, senderName: 'Carol', content: 'yes', trigger: 'mentioned' },
  ],
};

describe('missed-message email', () => {
  it("uses Zulip's subjects", () => {
    expect(subjectOf(base.conversation)).toBe('#design team > logo');
    expect(subjectOf({ kind: 'direct', userIds: [1, 2], otherNames: ['Alice'] })).toBe(
      'DMs with Alice',
    );
    expect(
      subjectOf({ kind: 'direct', userIds: [1, 2, 3, 4], otherNames: ['Alice', 'Bob', 'Carol'] }),
    ).toBe('Group DMs with Alice, Bob and Carol');
  });

  it('lists each message with its sender and links the conversation', () => {
    const mail = composeMissedMessageEmail(base);
    expect(mail.to).toBe('bob@example.com');
    expect(mail.subject).toBe('#design team > logo');
    expect(mail.text).toContain('Alice:\nwhat about @**Bob**?');
    expect(mail.text).toContain('Carol:\nyes');
    expect(mail.text).toContain('http://acme.example.com/#narrow/channel/7-design-team/topic/logo');
    expect(mail.text).toContain('because you were mentioned');
  });

  it('leaves the content out when message_content_in_email_notifications is off', () => {
    const mail = composeMissedMessageEmail({ ...base, includeContent: false });
    expect(mail.text).not.toContain('what about');
    expect(mail.text).toContain('New messages from Alice, Carol.');
    expect(mail.text).toContain('does not include message content');
  });

  it('names the realm in the subject when asked to', () => {
    expect(composeMissedMessageEmail({ ...base, includeRealmName: true }).subject).toBe(
      '#design team > logo [Acme]',
    );
  });
});
