import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './deskdotcom.expectations';
import { deskdotcomIntegration as desk } from './deskdotcom.handler';

describeFixtures('Desk.com on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Desk.com', () => {
  it('posts to "Desk.com notification" unless the form or URL names a topic', () => {
    expect(deliverWith(desk)(webhookInput({ data: 'Case 3 closed.' })).message).toEqual({
      topic: 'Desk.com notification',
      body: 'Case 3 closed.',
    });
  });

  it('refuses a form without its data as anomalous', () => {
    expect(() => deliverWith(desk)(webhookInput({ topic: 'x' }))).toThrow(AnomalousPayloadError);
  });
});
