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
});
