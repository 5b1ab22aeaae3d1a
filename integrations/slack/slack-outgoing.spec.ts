import {
  deliverFixture,
  describeFixtures,
  fixtureRequest,
  itAppliesEventFilters,
  requestInput,
} from '../core/testing';
import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { SHARED_FIXTURES } from './slack-outgoing.expectations';
import { slackOutgoingIntegration as slack } from './slack-outgoing.handler';

describeFixtures('Slack outgoing webhook on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Slack outgoing webhook', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'message_info.txt');

  it('puts each channel in its own topic with channels_map_to_topics=1', () => {
    const options = { channels_map_to_topics: '1' };
    expect(deliverFixture(SHARED_FIXTURES, 'message_info.txt', { options })).toEqual({
      event: 'message',
      message: { topic: 'channel: general', body: '**slack_user**: test' },
    });
  });

  it('refuses a channels_map_to_topics other than 0 or 1', () => {
    const request = fixtureRequest(SHARED_FIXTURES, 'message_info.txt');
    const input = requestInput(request, { channels_map_to_topics: 'abc' });
    expect(() => dispatchWebhook(slack, input)).toThrow(AnomalousPayloadError);
  });

  it("checks the outgoing webhook's form token against the secret", () => {
    const { body } = fixtureRequest(SHARED_FIXTURES, 'message_info.txt');
    const check = (secret: string) => () =>
      slack.verify?.(secret, { rawBody: Buffer.from(body), headers: {}, query: {} });
    expect(check('aotJImaVOVEVWssawxmegDWt')).not.toThrow();
    expect(check('another-token')).toThrow('signature mismatch');
  });
});
