import { FixtureCase, sharedSuite } from '../core/testing';
import { opencollectiveIntegration } from './opencollective.handler';

/** What each captured payload in ../shared/fixtures/webhooks/opencollective posts. */
const SHARED_CASES: FixtureCase[] = [
  [
    'one_time_donation.json',
    'collective.member.created',
    {
      topic: 'New Member',
      body: '**[Λευτέρης Κυριαζάνος](https://opencollective.com/leyteris-kyriazanos)** donated **€1.00**! :tada:',
    },
  ],
  [
    'one_time_incognito_donation.json',
    'collective.member.created',
    {
      topic: 'New Member',
      body: 'An **Incognito** member donated **$1.00 / month**! :tada:',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(opencollectiveIntegration, SHARED_CASES);
