import { defineIntegration, post } from '../core/define';
import { helloSignEventHash } from '../core/verify';

/**
 * HelloSign (Dropbox Sign) account callbacks, a multipart form whose `json` field holds the
 * signature request under `signature_request` and the event under `event.event_type` (older
 * callbacks carry none). Topic: the document's title;
 * body: who has signed and who is still awaited, as Zulip writes it.
 */
const signatures = post(
  (e) => e.payload.str('signature_request.title'),
  'signatures',
  (e) => {
    const request = e.payload.obj('signature_request');
    const byStatus = (status: string) =>
      request
        .list('signatures')
        .filter((s) => s.str('status_code') === status)
        .map((s) => s.optStr('signer_name') || s.str('signer_email_address'));
    return {
      title: request.str('title'),
      url: request.optStr('details_url'),
      awaiting: byStatus('awaiting_signature'),
      signed: byStatus('signed'),
    };
  },
);

const EVENTS = [
  'signature_request_sent',
  'signature_request_viewed',
  'signature_request_signed',
  'signature_request_all_signed',
  'signature_request_reassigned',
  'signature_request_remind',
];

export const hellosignIntegration = defineIntegration({
  name: 'hellosign',
  displayName: 'HelloSign',
  category: 'other',
  eventName: (e) => e.payload.optStr('event.event_type') ?? 'signature_request',
  events: Object.fromEntries(['signature_request', ...EVENTS].map((name) => [name, signatures])),
  ignoredEvents: ['callback_test'],
  // HelloSign counts a callback as delivered only when the answer holds this text.
  successMessage: 'Hello API Event Received',
  verify: helloSignEventHash(),
});
