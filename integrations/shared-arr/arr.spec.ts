import { dispatchWebhook } from '../core/dispatch';
import { webhookInput } from '../core/testing';
import { lidarrIntegration } from '../lidarr/lidarr.handler';
import { radarrIntegration } from '../radarr/radarr.handler';
import { sonarrIntegration } from '../sonarr/sonarr.handler';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe.each([lidarrIntegration, radarrIntegration, sonarrIntegration])('$displayName', (arr) => {
  it('answers an event type it does not know as unsupported', () => {
    const input = webhookInput({ eventType: 'ManualInteractionRequired' });
    expect(dispatchWebhook(arr, input)).toEqual({
      kind: 'unsupported',
      event: 'ManualInteractionRequired',
    });
  });

  it('posts an application update under its own topic', () => {
    const input = webhookInput({
      eventType: 'ApplicationUpdate',
      previousVersion: '4.2.0.6370',
      newVersion: '4.2.0.6372',
    });
    expect(dispatchWebhook(arr, input)).toEqual({
      kind: 'message',
      event: 'ApplicationUpdate',
      message: {
        topic: `${arr.displayName} - Application update`,
        body: `${arr.displayName} was updated from 4.2.0.6370 to 4.2.0.6372.`,
      },
    });
  });

  it('checks the webhook password (HTTP basic auth) against the secret', () => {
    const check = (headers: Record<string, string>) => () =>
      arr.verify?.('shh', { rawBody: Buffer.from('{}'), headers, query: {} });
    expect(check({ authorization: basic('zulip', 'shh') })).not.toThrow();
    expect(check({ authorization: basic('zulip', 'nope') })).toThrow('signature mismatch');
    expect(check({})).toThrow('Missing Authorization header');
  });
});
