import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './basecamp.expectations';
import { basecampIntegration as basecamp } from './basecamp.handler';

describeFixtures('Basecamp on the captured fixtures in ../shared', SHARED_FIXTURES);

const recording = {
  title: 'Ship the gateway',
  app_url: 'https://3.basecamp.com/1/buckets/2/todos/3',
  bucket: { name: 'Hub' },
};

describe('Basecamp', () => {
  it("names events by Zulip's recording types, so only_events lists keep working", () => {
    const input = webhookInput({ kind: 'todo_completed', recording, creator: { name: 'Ada' } });
    expect(deliverWith(basecamp)(input)).toEqual({
      event: 'todo',
      message: {
        topic: 'Hub',
        body: 'Ada completed the todo task [Ship the gateway](https://3.basecamp.com/1/buckets/2/todos/3).',
      },
    });
  });

  it('answers other kinds as unsupported, by their own name', () => {
    const input = webhookInput({ kind: 'vault_created', recording, creator: { name: 'Ada' } });
    expect(dispatchWebhook(basecamp, input)).toEqual({
      kind: 'unsupported',
      event: 'vault_created',
    });
  });

  it('refuses a recording without its project as anomalous', () => {
    const input = webhookInput({
      kind: 'todo_created',
      recording: { ...recording, bucket: null },
      creator: { name: 'Ada' },
    });
    expect(() => deliverWith(basecamp)(input)).toThrow(AnomalousPayloadError);
  });

  it('checks a secret given in the webhook URL', () => {
    const check = (query: Record<string, string>) => () =>
      basecamp.verify!('shh', { rawBody: Buffer.from('{}'), headers: {}, query });
    expect(check({ secret: 'shh' })).not.toThrow();
    expect(check({})).toThrow();
  });
});
