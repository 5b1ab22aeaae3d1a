import { ANOMALOUS, FixtureCase, sharedSuite, UNSUPPORTED } from '../core/testing';
import { freshdeskIntegration } from './freshdesk.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/freshdesk:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'inline_images.json',
    'ticket_created',
    {
      topic: '#12: Not enough ☃ guinea pigs',
      body: 'Requester ☃ Bob <requester-bob@example.com> created [ticket #12](http://test1234zzz.freshdesk.com/helpdesk/tickets/12):\n\n~~~ quote\nThere are too many cat pictures on the internet ☃. We need more guinea pigs. Exhibit 1:\n\n[guinea_pig.png](http://cdn.freshdesk.com/data/helpdesk/attachments/production/12744808/original/guinea_pig.png?1383958880)\n~~~\n\n* **Type**: Problem\n* **Priority**: Urgent\n* **Status**: Open',
    },
  ],
  [
    'priority_changed.json',
    'priority_changed',
    {
      topic: '#11: Test ticket subject',
      body: 'Requester Bob <requester-bob@example.com> updated [ticket #11](http://test1234zzz.freshdesk.com/helpdesk/tickets/11):\n\n* **Priority**: High -> Low',
    },
  ],
  [
    'private_note.json',
    'note_added',
    {
      topic: '#11: Test ticket subject',
      body: 'Requester Bob <requester-bob@example.com> added a private note to [ticket #11](http://test1234zzz.freshdesk.com/helpdesk/tickets/11).',
    },
  ],
  [
    'public_note.json',
    'note_added',
    {
      topic: '#11: Test ticket subject',
      body: 'Requester Bob <requester-bob@example.com> added a public note to [ticket #11](http://test1234zzz.freshdesk.com/helpdesk/tickets/11).',
    },
  ],
  [
    'status_changed.json',
    'status_changed',
    {
      topic: '#11: Test ticket subject ☃',
      body: 'Requester Bob <requester-bob@example.com> updated [ticket #11](http://test1234zzz.freshdesk.com/helpdesk/tickets/11):\n\n* **Status**: Resolved -> Waiting on Customer',
    },
  ],
  ['status_changed_fixture_with_missing_key.json', '', ANOMALOUS],
  [
    'ticket_created.json',
    'ticket_created',
    {
      topic: '#11: Test ticket subject ☃',
      body: 'Requester ☃ Bob <requester-bob@example.com> created [ticket #11](http://test1234zzz.freshdesk.com/helpdesk/tickets/11):\n\n~~~ quote\nTest ticket description ☃.\n~~~\n\n* **Type**: Incident\n* **Priority**: High\n* **Status**: Pending',
    },
  ],
  ['unknown_payload.json', 'unknown_event_changed', UNSUPPORTED],
];

export const SHARED_FIXTURES = sharedSuite(freshdeskIntegration, SHARED_CASES);
