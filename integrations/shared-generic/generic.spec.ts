import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { webhookInput } from '../core/testing';
import { homeassistantIntegration } from '../homeassistant/homeassistant.handler';
import { iftttIntegration } from '../ifttt/ifttt.handler';
import { zapierIntegration } from '../zapier/zapier.handler';

describe.each([zapierIntegration, iftttIntegration])('$displayName', (generic) => {
  it('prefers `topic` to `subject`, and refuses a blank message', () => {
    const input = webhookInput({ topic: 'T', subject: 'S', content: 'hi **there**' });
    expect(dispatchWebhook(generic, input)).toEqual({
      kind: 'message',
      event: 'message',
      message: { topic: 'T', body: 'hi **there**' },
    });
    expect(() => dispatchWebhook(generic, webhookInput({ topic: 'T', content: '  ' }))).toThrow(
      AnomalousPayloadError,
    );
  });
});

describe('Home Assistant', () => {
  it('refuses a notification without a message', () => {
    expect(() => dispatchWebhook(homeassistantIntegration, webhookInput({ topic: 'x' }))).toThrow(
      AnomalousPayloadError,
    );
  });
});
