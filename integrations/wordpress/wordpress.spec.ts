import { dispatchWebhook } from '../core/dispatch';
import { describeFixtures, itAppliesEventFilters, webhookInput } from '../core/testing';
import { wordpressIntegration } from './wordpress.handler';
import { SHARED_FIXTURES } from './wordpress.expectations';

describeFixtures('WordPress on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('WordPress', () => {
  itAppliesEventFilters(SHARED_FIXTURES, 'publish_page.txt');
});

describe('WordPress hooks', () => {
  it('answers a hook it does not know as unsupported', () => {
    const input = webhookInput({ hook: 'save_post', post_title: 'x' });
    expect(dispatchWebhook(wordpressIntegration, input)).toEqual({
      kind: 'unsupported',
      event: 'save_post',
    });
  });
});
