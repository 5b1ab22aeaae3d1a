import { createHmac } from 'node:crypto';
import { describeFixtures, itAppliesEventFilters } from '../core/testing';
import { SHARED_FIXTURES } from './dropbox.expectations';
import { dropboxIntegration } from './dropbox.handler';

describeFixtures('Dropbox on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Dropbox', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'file_updated.json');
});

describe('Dropbox signature', () => {
  it('checks X-Dropbox-Signature, the HMAC-SHA256 of the body with the app secret', () => {
    const rawBody = Buffer.from('{"list_folder":{"accounts":[]}}');
    const digest = createHmac('sha256', 'app-secret').update(rawBody).digest('hex');
    const check = (headers: Record<string, string>) => () =>
      dropboxIntegration.verify?.('app-secret', { rawBody, headers, query: {} });
    expect(check({ 'x-dropbox-signature': digest })).not.toThrow();
    expect(check({ 'x-dropbox-signature': '0'.repeat(64) })).toThrow('signature mismatch');
  });
});
