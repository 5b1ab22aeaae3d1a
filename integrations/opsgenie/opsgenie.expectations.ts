import { FixtureCase, sharedSuite } from '../core/testing';
import { opsgenieIntegration } from './opsgenie.handler';

/**
 * What the gateway posts for each captured payload in ../shared/fixtures/webhooks/opsgenie:
 * [fixture file, event name, message (null: recognised, nothing posted; or a refusal)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'acknowledge.json',
    'Acknowledge',
    {
      topic: 'Integration1',
      body: '[Opsgenie alert for Integration1](https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c):\n* **Type**: Acknowledge\n* **Message**: test alert\n* **Tags**: `tag1`, `tag2`',
    },
  ],
  [
    'addnote.json',
    'AddNote',
    {
      topic: 'Integration1',
      body: '[Opsgenie alert for Integration1](https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c):\n* **Type**: AddNote\n* **Note**: note to test alert\n* **Message**: test alert\n* **Tags**: `tag1`, `tag2`',
    },
  ],
  [
    'addrecipient.json',
    'AddRecipient',
    {
      topic: 'Integration1',
      body: '[Opsgenie alert for Integration1](https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c):\n* **Type**: AddRecipient\n* **Recipient**: team2_escalation\n* **Message**: test alert\n* **Tags**: `tag1`, `tag2`',
    },
  ],
  [
    'addtags.json',
    'AddTags',
    {
      topic: 'Integration1',
      body: '[Opsgenie alert for Integration1](https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c):\n* **Type**: AddTags\n* **Tags added**: tag1,tag2,tag3\n* **Message**: test alert\n* **Tags**: `tag1`, `tag2`, `tag3`',
    },
  ],
  [
    'addteam.json',
    'AddTeam',
    {
      topic: 'Integration1',
      body: '[Opsgenie alert for Integration1](https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c):\n* **Type**: AddTeam\n* **Team added**: team2\n* **Message**: test alert\n* **Tags**: `tag1`, `tag2`',
    },
  ],
  [
    'assignownership.json',
    'AssignOwnership',
    {
      topic: 'Integration1',
      body: '[Opsgenie alert for Integration1](https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c):\n* **Type**: AssignOwnership\n* **Assigned owner**: user2@ifountain.com\n* **Message**: test alert\n* **Tags**: `tag1`, `tag2`',
    },
  ],
  [
    'close.json',
    'Close',
    {
      topic: 'Integration1',
      body: '[Opsgenie alert for Integration1](https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c):\n* **Type**: Close\n* **Message**: test alert',
    },
  ],
  [
    'create.json',
    'Create',
    {
      topic: 'Webhook',
      body: '[Opsgenie alert for Webhook](https://app.opsgenie.com/alert/V2#/show/ec03dad6-62c8-4c94-b38b-d88f398e900f):\n* **Type**: Create\n* **Message**: another alert\n* **Tags**: `vip`',
    },
  ],
  [
    'customaction.json',
    'TestAction',
    {
      topic: 'Integration1',
      body: '[Opsgenie alert for Integration1](https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c):\n* **Type**: TestAction\n* **Message**: test alert\n* **Tags**: `tag1`, `tag2`',
    },
  ],
  [
    'delete.json',
    'Delete',
    {
      topic: 'Integration1',
      body: '[Opsgenie alert for Integration1](https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c):\n* **Type**: Delete\n* **Message**: test alert',
    },
  ],
  [
    'escalate.json',
    'Escalate',
    {
      topic: 'Webhook_Test',
      body: '[Opsgenie alert for Webhook_Test](https://app.opsgenie.com/alert/V2#/show/7ba97e3a-d328-4b5e-8f9a-39e945a3869a):\n* **Type**: Escalate\n* **Escalation**: test_esc',
    },
  ],
  [
    'removetags.json',
    'RemoveTags',
    {
      topic: 'Integration1',
      body: '[Opsgenie alert for Integration1](https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c):\n* **Type**: RemoveTags\n* **Tags removed**: tag3\n* **Message**: test alert\n* **Tags**: `tag1`, `tag2`',
    },
  ],
  [
    'takeownership.json',
    'TakeOwnership',
    {
      topic: 'Webhook',
      body: '[Opsgenie alert for Webhook](https://app.opsgenie.com/alert/V2#/show/8a745a79-3ed3-4044-8427-98e067c0623c):\n* **Type**: TakeOwnership\n* **Message**: message test\n* **Tags**: `tag1`, `tag2`',
    },
  ],
  [
    'unacknowledge.json',
    'UnAcknowledge',
    {
      topic: 'Integration1',
      body: '[Opsgenie alert for Integration1](https://app.opsgenie.com/alert/V2#/show/052652ac-5d1c-464a-812a-7dd18bbfba8c):\n* **Type**: UnAcknowledge\n* **Message**: test alert\n* **Tags**: `tag1`, `tag2`',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(opsgenieIntegration, SHARED_CASES);
