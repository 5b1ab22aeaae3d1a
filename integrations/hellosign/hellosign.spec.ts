import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { multipartBody } from '../core/multipart';
import { describeFixtures, itAppliesEventFilters, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './hellosign.expectations';
import { hellosignIntegration as hellosign } from './hellosign.handler';

describeFixtures('HelloSign on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('HelloSign', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'signatures.json');

  const callback = (eventType: string, statuses: string[]) =>
    webhookInput({
      event: { event_type: eventType },
      signature_request: {
        title: 'Lease',
        details_url: 'https://app.hellosign.com/home/manage?guid=1',
        signatures: statuses.map((status_code, i) => ({
          status_code,
          signer_name: ['Ada', 'Grace', 'Edsger'][i],
          signer_email_address: 'x@example.org',
        })),
      },
    });

  it('says who declined, beside who signed and who is awaited', () => {
    const outcome = dispatchWebhook(
      hellosign,
      callback('signature_request_declined', ['signed', 'declined', 'awaiting_signature']),
    );
    expect(outcome).toEqual({
      kind: 'message',
      event: 'signature_request_declined',
      message: {
        topic: 'Lease',
        body: 'The **[Lease](https://app.hellosign.com/home/manage?guid=1)** document is awaiting the signature of Edsger, and was just signed by Ada, and was declined by Grace.',
      },
    });
  });

  it('posts nothing for account and template callbacks, so HelloSign still gets its answer', () => {
    for (const event of ['callback_test', 'account_confirmed', 'template_created', 'file_error']) {
      expect(dispatchWebhook(hellosign, webhookInput({ event: { event_type: event } }))).toEqual({
        kind: 'ignored',
        event,
      });
    }
  });

  it('answers a callback of an unknown kind as unsupported, by its event type', () => {
    expect(
      dispatchWebhook(hellosign, callback('signature_request_teleported', ['signed'])),
    ).toEqual({
      kind: 'unsupported',
      event: 'signature_request_teleported',
    });
  });

  it('answers with the text HelloSign looks for before it counts a callback as delivered', () => {
    expect(hellosign.successMessage).toBe('Hello API Event Received');
  });

  describe('event_hash (the HMAC of event_time + event_type keyed with the API key)', () => {
    const callback = (hash: string | null) =>
      JSON.stringify({
        event: {
          event_type: 'signature_request_sent',
          event_time: '1538590065',
          ...(hash === null ? {} : { event_hash: hash }),
        },
      });
    const hashWith = (key: string) =>
      createHmac('sha256', key).update('1538590065signature_request_sent').digest('hex');
    const check = (json: string) => () => {
      const { contentType, body } = multipartBody({ json });
      hellosign.verify!('api-key', {
        rawBody: Buffer.from(body),
        headers: { 'content-type': contentType },
        query: {},
      });
    };

    it('passes a callback hashed with the API key', () => {
      expect(check(callback(hashWith('api-key')))).not.toThrow();
    });

    it('refuses one hashed with another key, or without a hash', () => {
      expect(check(callback(hashWith('other-key')))).toThrow('signature mismatch');
      expect(check(callback(null))).toThrow('event_hash');
    });

    it('reads the callback as plain JSON too', () => {
      const json = callback(hashWith('api-key'));
      const verify = () =>
        hellosign.verify!('api-key', {
          rawBody: Buffer.from(json),
          headers: { 'content-type': 'application/json' },
          query: {},
        });
      expect(verify).not.toThrow();
    });
  });
});
