import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './taiga.expectations';
import { taigaIntegration as taiga } from './taiga.handler';

describeFixtures('Taiga on the captured fixtures in ../shared', SHARED_FIXTURES);

const by = { full_name: 'Ada', permalink: 'https://tree.taiga.io/profile/ada' };
const change = (diff: object, comment = '') =>
  webhookInput({
    type: 'task',
    action: 'change',
    by,
    data: { subject: 'Retry', permalink: 'https://tree.taiga.io/project/hub/task/3' },
    change: { diff, comment },
  });

describe('Taiga', () => {
  it('posts nothing for a change of order or notes only', () => {
    const input = change({ taskboard_order: { from: 1, to: 2 }, blocked_note_diff: {} });
    expect(dispatchWebhook(taiga, input)).toEqual({ kind: 'ignored', event: 'task_change' });
  });

  it('writes one sorted line per change, with the comment', () => {
    const input = change({ status: { from: 'New', to: 'Done' }, is_blocked: { to: true } }, 'Hi');
    expect(deliverWith(taiga)(input).message).toEqual({
      topic: 'General',
      body: [
        '[Ada](https://tree.taiga.io/profile/ada) blocked task [Retry](https://tree.taiga.io/project/hub/task/3).',
        '[Ada](https://tree.taiga.io/profile/ada) changed status of task [Retry](https://tree.taiga.io/project/hub/task/3) from New to Done.',
        '[Ada](https://tree.taiga.io/profile/ada) commented on task [Retry](https://tree.taiga.io/project/hub/task/3).',
      ].join('\n'),
    });
  });

  it('answers other kinds of items as unsupported', () => {
    const input = webhookInput({ type: 'wikipage', action: 'create', by, data: { slug: 'x' } });
    expect(dispatchWebhook(taiga, input)).toEqual({
      kind: 'unsupported',
      event: 'wikipage_create',
    });
  });

  it('refuses a delivery without who made it as anomalous', () => {
    const input = webhookInput({ type: 'task', action: 'delete', data: { subject: 'Retry' } });
    expect(() => deliverWith(taiga)(input)).toThrow(AnomalousPayloadError);
  });

  it("checks Taiga's X-Taiga-Webhook-Signature (HMAC-SHA1 of the body)", () => {
    const rawBody = Buffer.from('{"type":"test","action":"test"}');
    const signature = createHmac('sha1', 'shh').update(rawBody).digest('hex');
    const check = (headers: Record<string, string>) => () =>
      taiga.verify!('shh', { rawBody, headers, query: {} });
    expect(check({ 'x-taiga-webhook-signature': signature })).not.toThrow();
    expect(check({ 'x-taiga-webhook-signature': '00' })).toThrow();
    expect(check({})).toThrow();
  });
});
