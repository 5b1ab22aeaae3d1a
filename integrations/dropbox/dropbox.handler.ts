import { defineIntegration, post } from '../core/define';
import { hmacHeader } from '../core/verify';

/**
 * Dropbox's webhook: a notification that files changed for the listed accounts (`list_folder`),
 * without saying which. Topic "Dropbox", as Zulip does. Dropbox signs each request with
 * `X-Dropbox-Signature`, an HMAC-SHA256 of the body keyed with the app secret.
 */
export const dropboxIntegration = defineIntegration({
  name: 'dropbox',
  displayName: 'Dropbox',
  category: 'other',
  eventName: () => 'file_changed',
  events: {
    file_changed: post(() => 'Dropbox', 'changed'),
  },
  verify: hmacHeader({ header: 'X-Dropbox-Signature' }),
  challengeParam: 'challenge',
});
