import { FixtureCase, sharedSuite } from '../core/testing';
import { deskdotcomIntegration } from './deskdotcom.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/deskdotcom:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'case_updated.txt',
    'notification',
    {
      topic: 'case updated notification',
      body: 'Case 2 updated. Link: [I have a question](https://deskdotcomtest.desk.com/web/agent/case/2)',
    },
  ],
  [
    'static_text.txt',
    'notification',
    { topic: 'static text notification', body: 'This is a custom action.' },
  ],
  [
    'unicode_text_italian.txt',
    'notification',
    {
      topic: 'case updated notification',
      body: 'Case 2 updated. Link: [Il mio hovercraft è pieno di anguille.](https://deskdotcomtest.desk.com/web/agent/case/2)',
    },
  ],
  [
    'unicode_text_japanese.txt',
    'notification',
    {
      topic: 'case updated notification',
      body: 'Case 2 updated. Link: [私のホバークラフトは鰻でいっぱいです](https://deskdotcomtest.desk.com/web/agent/case/2)',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(deskdotcomIntegration, SHARED_CASES, { wire: 'form' });
