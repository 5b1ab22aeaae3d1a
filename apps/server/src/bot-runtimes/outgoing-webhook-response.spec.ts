import { ServiceInterface } from '../bots/bot.types';
import { parseWebhookAnswer } from './outgoing-webhook-response';

const zulip = (body: string) => parseWebhookAnswer(body, ServiceInterface.Zulip);
const slack = (body: string) => parseWebhookAnswer(body, ServiceInterface.SlackCompatible);

describe('outgoing webhook answers', () => {
  it('posts the content of a Zulip-format answer', () => {
    expect(zulip('{"content": "pong"}')).toEqual({ kind: 'reply', content: 'pong' });
    expect(zulip('{"response_string": "legacy"}')).toEqual({ kind: 'reply', content: 'legacy' });
  });

  it('posts nothing when no response is required or none is given', () => {
    expect(zulip('{"response_not_required": true}')).toEqual({ kind: 'silent' });
    expect(zulip('{}')).toEqual({ kind: 'silent' });
    expect(zulip('')).toEqual({ kind: 'silent' });
  });

  it('reads "text" from a Slack-format answer', () => {
    expect(slack('{"text": "hi"}')).toEqual({ kind: 'reply', content: 'hi' });
    expect(slack('{"content": "ignored"}')).toEqual({ kind: 'silent' });
  });

  it('calls a body that is not a JSON object invalid', () => {
    expect(zulip('<html>oops</html>')).toEqual({
      kind: 'invalid',
      reason: 'the response is not valid JSON',
    });
    expect(zulip('[1, 2]').kind).toBe('invalid');
    expect(zulip('{"content": {"nested": true}}')).toEqual({
      kind: 'invalid',
      reason: '"content" in the response is not a string',
    });
  });
});
