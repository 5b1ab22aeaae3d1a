import { FixtureCase, sharedSuite } from '../core/testing';
import { pingdomIntegration } from './pingdom.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/pingdom:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'http_up_to_down.json',
    'HTTP',
    {
      topic: 'Test check status.',
      body: 'Service [someurl.com](http://someurl.com/) changed its HTTP status from UP to DOWN:\n\n~~~ quote\nNon-recoverable failure in name resolution\n~~~',
    },
  ],
  [
    'imap_down_to_up.json',
    'IMAP',
    {
      topic: 'IMAP check status.',
      body: 'Service imap.someurl.com changed its IMAP status from DOWN to UP.',
    },
  ],
  [
    'imap_up_to_down.json',
    'IMAP',
    {
      topic: 'IMAP check status.',
      body: 'Service imap.someurl.com changed its IMAP status from UP to DOWN:\n\n~~~ quote\nInvalid hostname, address or socket\n~~~',
    },
  ],
  [
    'smtp_up_to_down.json',
    'SMTP',
    {
      topic: 'SMTP check status.',
      body: 'Service smtp.someurl.com changed its SMTP status from UP to DOWN:\n\n~~~ quote\nConnection refused\n~~~',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(pingdomIntegration, SHARED_CASES);
