import { ANOMALOUS, FixtureCase, sharedSuite } from '../core/testing';
import { iftttIntegration } from './ifttt.handler';

const EMAIL = { topic: 'Email sent from email@email.com', body: 'Email subject: Subject' };

/** What each captured payload in ../shared/fixtures/webhooks/ifttt posts (Zulip's texts). */
const SHARED_CASES: FixtureCase[] = [
  ['correct_subject_and_body.json', 'message', EMAIL],
  ['correct_topic_and_body.json', 'message', EMAIL],
  ['invalid_payload_with_dict_content.json', 'message', ANOMALOUS],
  ['invalid_payload_with_dict_topic.json', 'message', ANOMALOUS],
  ['invalid_payload_with_missing_content.json', 'message', ANOMALOUS],
  ['invalid_payload_with_missing_topic.json', 'message', ANOMALOUS],
];

export const SHARED_FIXTURES = sharedSuite(iftttIntegration, SHARED_CASES);
