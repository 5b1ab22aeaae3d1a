import { FixtureCase, sharedSuite } from '../core/testing';
import { hellosignIntegration } from './hellosign.handler';

/** What each captured payload in ../shared/fixtures/webhooks/hellosign posts. */
const SHARED_CASES: FixtureCase[] = [
  [
    'signatures.json',
    'signature_request',
    {
      topic: 'NDA with Acme Co.',
      body: 'The **[NDA with Acme Co.](https://www.hellosign.com/home/manage?guid=2b388914e3ae3b738bd4e2ee2850c677e6dc53d2)** document is awaiting the signature of Jack, and was just signed by Jill.',
    },
  ],
  [
    'signatures_signed_by_one_signatory.json',
    'signature_request',
    {
      topic: 'NDA with Acme Co.',
      body: 'The **[NDA with Acme Co.](https://www.hellosign.com/home/manage?guid=2b388914e3ae3b738bd4e2ee2850c677e6dc53d2)** document was just signed by Jill.',
    },
  ],
  [
    'signatures_with_four_signatories.json',
    'signature_request_sent',
    {
      topic: 'Signature doc',
      body: 'The **[Signature doc](https://app.hellosign.com/home/manage?guid=a6ce6526d1e7496c96a1cdd11276efb5c4504084)** document is awaiting the signature of Eeshan Garg, John Smith, Jane Doe and Stephen Strange.',
    },
  ],
  [
    'signatures_with_own_subject.json',
    'signature_request',
    {
      topic: 'NDA with Acme Co.',
      body: 'The **[NDA with Acme Co.](https://www.hellosign.com/home/manage?guid=2b388914e3ae3b738bd4e2ee2850c677e6dc53d2)** document is awaiting the signature of Jack, and was just signed by Jill.',
    },
  ],
];

/** HelloSign posts a multipart form whose `json` field holds the callback. */
export const SHARED_FIXTURES = sharedSuite(hellosignIntegration, SHARED_CASES, {
  wire: 'multipart-json',
});
