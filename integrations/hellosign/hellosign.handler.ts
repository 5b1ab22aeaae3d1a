import { defineIntegration, EventHandler } from '../core/define';
import { helloSignEventHash } from '../core/verify';

/**
 * HelloSign (Dropbox Sign) account callbacks, a multipart form whose `json` field holds the
 * signature request under `signature_request` and the event under `event.event_type` (older
 * callbacks carry none). Topic: the document's title; body: who has signed, who is still awaited
 * and who declined, as Zulip writes it, whatever happened to the request.
 */
const signatures: EventHandler = (e) => {
  const request = e.payload.obj('signature_request');
  const byStatus = (status: string) =>
    request
      .list('signatures')
      .filter((s) => s.str('status_code') === status)
      .map((s) => s.optStr('signer_name') || s.str('signer_email_address'));
  const clauses = [
    ['is awaiting the signature of', byStatus('awaiting_signature')],
    ['was just signed by', byStatus('signed')],
    ['was declined by', byStatus('declined')],
  ].filter(([, names]) => names.length > 0);
  if (clauses.length === 0) return null;
  return e.message(request.str('title'), 'signatures', {
    title: request.str('title'),
    url: request.optStr('details_url'),
    clauses: clauses.map(([phrase, names]) => ({ phrase, names })),
  });
};

/** Every callback about a signature request: each one's message says where the request stands. */
const SIGNATURE_REQUEST_EVENTS = [
  'signature_request_sent',
  'signature_request_viewed',
  'signature_request_signed',
  'signature_request_downloadable',
  'signature_request_all_signed',
  'signature_request_declined',
  'signature_request_reassigned',
  'signature_request_remind',
  'signature_request_email_bounce',
  'signature_request_invalid',
  'signature_request_canceled',
  'signature_request_prepared',
  'signature_request_expired',
  'signature_request_signer_removed',
];

export const hellosignIntegration = defineIntegration({
  name: 'hellosign',
  displayName: 'HelloSign',
  category: 'other',
  eventName: (e) => e.payload.optStr('event.event_type') ?? 'signature_request',
  events: Object.fromEntries(
    ['signature_request', ...SIGNATURE_REQUEST_EVENTS].map((name) => [name, signatures]),
  ),
  // Account and template callbacks carry no signature request. Recognised, so HelloSign gets
  // the answer it waits for instead of retrying them.
  ignoredEvents: [
    'callback_test',
    'account_confirmed',
    'template_created',
    'template_error',
    'file_error',
    'unknown_error',
    'sign_url_invalid',
  ],
  // HelloSign counts a callback as delivered only when the answer holds this text.
  successMessage: 'Hello API Event Received',
  verify: helloSignEventHash(),
});
