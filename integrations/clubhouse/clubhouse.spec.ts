import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { describeFixtures, itAppliesEventFilters, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './clubhouse.expectations';
import { clubhouseIntegration as clubhouse } from './clubhouse.handler';

describeFixtures('Clubhouse on the captured fixtures in ../shared', SHARED_FIXTURES);

const story = {
  id: 7,
  entity_type: 'story',
  name: 'Ship it',
  app_url: 'https://app.shortcut.com/a/story/7',
};
const update = (changes: object) =>
  webhookInput({ primary_id: 7, actions: [{ ...story, action: 'update', changes }] });

describe('Clubhouse', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'story_update_change_state.json');
  itAppliesEventFilters(SHARED_FIXTURES, 'story_task_create.json');

  it('answers a story update it cannot describe as unsupported, by its entity and action', () => {
    expect(
      dispatchWebhook(clubhouse, update({ deadline: { new: '2021-04-12T16:00:00Z' } })),
    ).toEqual({
      kind: 'unsupported',
      event: 'story_update',
    });
  });

  it('posts nothing for an empty delivery (Shortcut sends some)', () => {
    expect(dispatchWebhook(clubhouse, webhookInput({}))).toEqual({
      kind: 'ignored',
      event: 'empty',
    });
    expect(dispatchWebhook(clubhouse, webhookInput(null))).toEqual({
      kind: 'ignored',
      event: 'empty',
    });
  });

  it('says "1 point" for an estimate of one', () => {
    const outcome = dispatchWebhook(clubhouse, update({ estimate: { new: 1 } }));
    expect(outcome).toEqual({
      kind: 'message',
      event: 'story_update_estimate',
      message: {
        topic: 'Ship it',
        body: 'The estimate for the story [Ship it](https://app.shortcut.com/a/story/7) was set to 1 point.',
      },
    });
  });

  it('refuses a delivery whose primary_id names none of its actions as anomalous', () => {
    const input = webhookInput({ primary_id: 8, actions: [{ ...story, action: 'delete' }] });
    expect(() => dispatchWebhook(clubhouse, input)).toThrow(AnomalousPayloadError);
  });

  it("checks Shortcut's Payload-Signature (or the older Clubhouse-Signature)", () => {
    const rawBody = Buffer.from('{"primary_id":7}');
    const digest = createHmac('sha256', 'shh').update(rawBody).digest('hex');
    const check = (headers: Record<string, string>) => () =>
      clubhouse.verify!('shh', { rawBody, headers, query: {} });
    expect(check({ 'payload-signature': digest })).not.toThrow();
    expect(check({ 'clubhouse-signature': digest })).not.toThrow();
    expect(check({ 'payload-signature': 'f00d' })).toThrow();
    expect(check({})).toThrow();
  });
});
