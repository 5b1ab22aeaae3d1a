import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './wekan.expectations';
import { wekanIntegration as wekan } from './wekan.handler';

describeFixtures('Wekan on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Wekan', () => {
  it('posts a sentence without a link as it is', () => {
    const input = webhookInput({
      text: 'Ada uncheckedItem Tests',
      description: 'act-uncheckedItem',
    });
    expect(deliverWith(wekan)(input).message).toEqual({
      topic: 'Wekan Notification',
      body: 'Ada uncheckedItem Tests.',
    });
  });

  it('answers an activity it does not know as unsupported', () => {
    const input = webhookInput({ text: 'Ada did\nhttp://w/b/1', description: 'act-newThing' });
    expect(dispatchWebhook(wekan, input)).toEqual({ kind: 'unsupported', event: 'act-newThing' });
  });

  it('refuses an activity without its text as anomalous', () => {
    const input = webhookInput({ description: 'act-createCard' });
    expect(() => deliverWith(wekan)(input)).toThrow(AnomalousPayloadError);
  });

  it('checks a secret given in the webhook URL', () => {
    const check = (query: Record<string, string>) => () =>
      wekan.verify!('shh', { rawBody: Buffer.from('{}'), headers: {}, query });
    expect(check({ secret: 'shh' })).not.toThrow();
    expect(check({})).toThrow();
  });
});
