import { createHmac } from 'node:crypto';
import { multipartBody } from '../core/multipart';
import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './hellosign.expectations';
import { hellosignIntegration as hellosign } from './hellosign.handler';

describeFixtures('HelloSign on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('HelloSign', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'signatures.json');

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
