import { FixtureCase, sharedSuite } from '../core/testing';
import { greenhouseIntegration } from './greenhouse.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/greenhouse:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'candidate_created.json',
    'new_candidate_application',
    {
      topic: 'New Candidate Application - 265788',
      body: 'New Candidate Application Hector Porter (ID: 265788), applying for:\n* **Role**: Designer\n* **Emails**: hector.porter.265788@example.com (Personal)\n* **Attachments**: [Resume](https://prod-heroku.s3.amazonaws.com/...)',
    },
  ],
  [
    'candidate_hired.json',
    'hire_candidate',
    {
      topic: 'Hire Candidate - 19',
      body: 'Hire Candidate Johnny Smith (ID: 19), applying for:\n* **Role**: Developer\n* **Emails**: personal@example.com (Personal), work@example.com (Work)\n* **Attachments**: [Resume](https://prod-heroku.s3.amazonaws.com/...)',
    },
  ],
  [
    'candidate_rejected.json',
    'reject_candidate',
    {
      topic: 'Reject Candidate - 265788',
      body: 'Reject Candidate Hector Porter (ID: 265788), applying for:\n* **Role**: Designer\n* **Emails**: hector.porter.265788@example.com (Personal)\n* **Attachments**: [Resume](https://prod-heroku.s3.amazonaws.com/...)',
    },
  ],
  [
    'candidate_stage_change.json',
    'candidate_stage_change',
    {
      topic: 'Candidate Stage Change - 265772',
      body: 'Candidate Stage Change Giuseppe Hurley (ID: 265772), applying for:\n* **Role**: Designer\n* **Emails**: giuseppe.hurley@example.com (Personal)\n* **Attachments**: [Resume](https://prod-heroku.s3.amazonaws.com/...), [Cover Letter](https://prod-heroku.s3.amazonaws.com/...), [Attachment](https://prod-heroku.s3.amazonaws.com/...)',
    },
  ],
  ['ping_event.json', 'ping', null],
  [
    'prospect_created.json',
    'new_prospect_application',
    {
      topic: 'New Prospect Application - 968190',
      body: 'New Prospect Application Trisha Troy (ID: 968190), applying for:\n* **Role**: Designer\n* **Emails**: t.troy@example.com (Personal)\n* **Attachments**: [Resume](https://prod-heroku.s3.amazonaws.com/...)',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(greenhouseIntegration, SHARED_CASES);
