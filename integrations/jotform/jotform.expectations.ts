import { FixtureCase, sharedSuite } from '../core/testing';
import { jotformIntegration } from './jotform.handler';

/** What each captured payload in ../shared/fixtures/webhooks/jotform posts. */
const SHARED_CASES: FixtureCase[] = [
  [
    'response.json',
    'submission',
    {
      topic: 'Form',
      body: '* **Name**: Gaurav Pandey\n* **Address**: Lampgarden-street wolfsquare Bengaluru Karnataka 165578\n* **Signature**: uploads/gauravguitarrocks/202944822449057/4791133489169827307/4791133489169827307_signature_4.png',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(jotformIntegration, SHARED_CASES);
