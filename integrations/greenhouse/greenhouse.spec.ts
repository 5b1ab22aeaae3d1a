import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './greenhouse.expectations';
import { greenhouseIntegration as greenhouse } from './greenhouse.handler';

describeFixtures('Greenhouse on the captured fixtures in ../shared', SHARED_FIXTURES);

const candidate = {
  id: 7,
  first_name: 'Ada',
  last_name: 'Lovelace',
  email_addresses: [{ type: 'work', value: 'ada@example.org' }],
  attachments: [],
};

describe('Greenhouse', () => {
  it("reads an updated candidate from the payload's own candidate", () => {
    const input = webhookInput({
      action: 'update_candidate',
      payload: { candidate, application: { jobs: [{ name: 'Engineer' }], candidate } },
    });
    expect(deliverWith(greenhouse)(input).message).toEqual({
      topic: 'Update Candidate - 7',
      body: 'Update Candidate Ada Lovelace (ID: 7), applying for:\n* **Role**: Engineer\n* **Emails**: ada@example.org (Work)\n* **Attachments**:',
    });
  });

  it('answers other actions as unsupported', () => {
    expect(dispatchWebhook(greenhouse, webhookInput({ action: 'job_created' }))).toEqual({
      kind: 'unsupported',
      event: 'job_created',
    });
  });

  it('refuses an application without its candidate as anomalous', () => {
    const input = webhookInput({ action: 'hire_candidate', payload: { application: {} } });
    expect(() => deliverWith(greenhouse)(input)).toThrow(AnomalousPayloadError);
  });

  it("checks Greenhouse's Signature header (sha256 HMAC of the body)", () => {
    const rawBody = Buffer.from('{"action":"ping"}');
    const digest = createHmac('sha256', 'shh').update(rawBody).digest('hex');
    const check = (headers: Record<string, string>) => () =>
      greenhouse.verify!('shh', { rawBody, headers, query: {} });
    expect(check({ signature: `sha256 ${digest}` })).not.toThrow();
    expect(check({ signature: 'sha256 00' })).toThrow();
  });
});
