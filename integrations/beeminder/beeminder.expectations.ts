import { FixtureCase, sharedSuite } from '../core/testing';
import { beeminderIntegration } from './beeminder.handler';

const GRAPH = 'https://bmndr.s3.amazonaws.com/uploads/e5eec384-d736-4a96-a22c-724784598dd0.png';
const derail = (pledge: string, mood: string) => ({
  topic: 'beekeeper',
  body: `You are going to derail from goal **gainweight** at <time:2018-02-04T15:45:00Z>. You need **+2 in 7 days (60)** to avoid derailing.\n* Pledge: **${pledge}** ${mood}\n* [Graph](${GRAPH})`,
});

/**
 * What each captured payload in ../shared/fixtures/webhooks/beeminder posts: Zulip's text, with
 * the deadline as a time (not "in 5.6 hours" as of posting).
 */
const SHARED_CASES: FixtureCase[] = [
  ['derail.json', 'derail', derail('$0', ':relieved:')],
  ['derail_worried.json', 'derail', derail('$5', ':worried:')],
];

export const SHARED_FIXTURES = sharedSuite(beeminderIntegration, SHARED_CASES);
