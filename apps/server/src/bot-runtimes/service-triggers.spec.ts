import { candidateBotIds, explicitlyMentionedUserIds, triggerOf } from './service-triggers';

const stream = (html: string, senderIsBot = false) => ({
  senderId: 1,
  senderIsBot,
  streamId: 5,
  dmUserIds: null,
  renderedContent: html,
  readerIds: null,
});

describe('service bot triggers', () => {
  it('finds named mentions and ignores silent and wildcard ones', () => {
    const html =
      '<p><span class="user-mention" data-user-id="7">@Bot</span> ' +
      '<span class="user-mention silent" data-user-id="8">Quiet</span> ' +
      '<span class="user-mention" data-user-id="*">@all</span> ' +
      '<span class="user-mention" data-user-id="7">@Bot</span></p>';
    expect(explicitlyMentionedUserIds(html)).toEqual([7]);
  });

  it('offers mentioned users of a stream message, never the sender', () => {
    const html =
      '<p><span class="user-mention" data-user-id="1">@Me</span> ' +
      '<span class="user-mention" data-user-id="9">@Bot</span></p>';
    expect(candidateBotIds(stream(html))).toEqual([9]);
    expect(triggerOf(stream(html))).toBe('mention');
  });

  it('offers the other participants of a direct message', () => {
    const dm = {
      senderId: 1,
      senderIsBot: false,
      streamId: null,
      dmUserIds: [1, 4, 9],
      renderedContent: '<p>hi</p>',
      readerIds: null,
    };
    expect(candidateBotIds(dm)).toEqual([4, 9]);
    expect(triggerOf(dm)).toBe('direct_message');
  });

  it('tells only subscribers about a message in a private stream', () => {
    const html =
      '<p><span class="user-mention" data-user-id="9">@Bot</span> ' +
      '<span class="user-mention" data-user-id="10">@Other</span></p>';
    expect(candidateBotIds({ ...stream(html), readerIds: [1, 10] })).toEqual([10]);
  });

  it('lets nothing a bot sends trigger another bot', () => {
    const html = '<p><span class="user-mention" data-user-id="9">@Bot</span></p>';
    expect(candidateBotIds(stream(html, true))).toEqual([]);
  });
});
