import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import {
  itAppliesEventFilters,
  itRendersOwnFixtures,
  ownSuite,
  requestInput,
  UNSUPPORTED,
  webhookInput,
} from '../core/testing';
import { createHash, createHmac } from 'node:crypto';
import { SignatureError } from '../core/verify';
import { transifexIntegration as transifex } from './transifex.handler';

const OWN = ownSuite(transifex, [
  [
    'translation_completed.json',
    'translation_completed',
    { topic: 'hub-web in de', body: 'Resource messages.json fully translated.' },
  ],
  [
    'review_completed_no_event.json',
    'review_completed',
    { topic: 'hub-web in pt_BR', body: 'Resource messages.json fully reviewed.' },
  ],
  ['proofread_completed.json', 'proofread_completed', UNSUPPORTED],
]);

describe('Transifex', () => {
  itRendersOwnFixtures(OWN);
  itAppliesEventFilters(OWN, 'translation_completed.json');

  it("reads the fields from the URL, as Zulip's Transifex URL carries them", () => {
    const input = webhookInput(
      {},
      {
        project: 'project-title',
        language: 'en',
        resource: 'file',
        reviewed: '100',
        event: 'review_completed',
      },
    );
    expect(dispatchWebhook(transifex, input)).toEqual({
      kind: 'message',
      event: 'review_completed',
      message: { topic: 'project-title in en', body: 'Resource file fully reviewed.' },
    });
  });

  it('reads a form body too', () => {
    const form = 'project=hub-web&resource=app.po&language=de&translated=100';
    const input = requestInput({
      headers: {},
      contentType: 'application/x-www-form-urlencoded',
      body: form,
    });
    expect(dispatchWebhook(transifex, input)).toMatchObject({
      kind: 'message',
      event: 'translation_completed',
      message: { topic: 'hub-web in de', body: 'Resource app.po fully translated.' },
    });
  });

  it('answers a notification that names no event and completes nothing as unsupported', () => {
    const input = webhookInput(
      {},
      { project: 'p', language: 'en', resource: 'r', translated: '0' },
    );
    expect(dispatchWebhook(transifex, input)).toEqual({ kind: 'unsupported', event: 'unknown' });
  });

  it('refuses a notification without its project as anomalous', () => {
    const input = webhookInput(
      {},
      { language: 'en', resource: 'r', event: 'translation_completed' },
    );
    expect(() => dispatchWebhook(transifex, input)).toThrow(AnomalousPayloadError);
  });

  it('checks X-TX-Signature-V2 over the method, the URL Transifex called, the date and the body', () => {
    const rawBody = Buffer.from('{"project":"hub-web","event":"translation_completed"}');
    const url = 'https://chat.example.com/api/v1/external/transifex?api_key=k&stream=l10n';
    const date = 'Wed, 02 Dec 2026 17:00:00 GMT';
    const md5 = createHash('md5').update(rawBody).digest('hex');
    const signature = createHmac('sha256', 'tx secret')
      .update(['POST', url, date, md5].join('\n'))
      .digest('base64');
    const headers = { 'x-tx-signature-v2': signature, 'x-tx-url': url, date };
    const check =
      (secret: string, changes: Record<string, string | undefined> = {}) =>
      () =>
        transifex.verify!(secret, { rawBody, headers: { ...headers, ...changes }, query: {} });
    expect(check('tx secret')).not.toThrow();
    expect(check('another secret')).toThrow(SignatureError);
    expect(check('tx secret', { date: 'Wed, 02 Dec 2026 17:00:01 GMT' })).toThrow(SignatureError);
    expect(check('tx secret', { 'x-tx-url': undefined })).toThrow(SignatureError);
    expect(check('tx secret', { 'x-tx-signature-v2': undefined })).toThrow(SignatureError);
  });
});
