import { FixtureCase, sharedSuite } from '../core/testing';
import { frontIntegration } from './front.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/front:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'comment.json',
    'comment',
    { topic: 'cnv_keocka', body: '**Bender Rodriguez** left a comment:\n~~~ quote\nSure.\n~~~' },
  ],
  [
    'conversation_archived.json',
    'archive',
    { topic: 'cnv_keo696', body: 'Archived by **Leela Turanga**.' },
  ],
  [
    'conversation_assigned.json',
    'assign',
    { topic: 'cnv_keocka', body: '**Leela Turanga** assigned **Bender Rodriguez**.' },
  ],
  [
    'conversation_assigned_outbound.json',
    'assign',
    { topic: 'cnv_keo696', body: '**Leela Turanga** assigned themselves.' },
  ],
  [
    'conversation_assigned_reply.json',
    'assign',
    { topic: 'cnv_keocka', body: '**Leela Turanga** assigned themselves.' },
  ],
  [
    'conversation_deleted.json',
    'trash',
    { topic: 'cnv_keo696', body: 'Deleted by **Leela Turanga**.' },
  ],
  [
    'conversation_reopened.json',
    'reopen',
    { topic: 'cnv_keo696', body: 'Reopened by **Leela Turanga**.' },
  ],
  [
    'conversation_restored.json',
    'restore',
    { topic: 'cnv_keo696', body: 'Restored by **Leela Turanga**.' },
  ],
  [
    'conversation_tagged.json',
    'tag',
    { topic: 'cnv_keocka', body: '**Leela Turanga** added tag **Urgent**.' },
  ],
  [
    'conversation_unassigned.json',
    'unassign',
    { topic: 'cnv_keo696', body: 'Unassigned by **Leela Turanga**.' },
  ],
  [
    'conversation_untagged.json',
    'untag',
    { topic: 'cnv_keocka', body: '**Leela Turanga** removed tag **Urgent**.' },
  ],
  [
    'inbound_message.json',
    'inbound',
    {
      topic: 'cnv_keocka',
      body: '[Inbound message](https://app.frontapp.com/open/msg_1176r8y) from **calculon@momsbot.com** to **support@planet-express.com**:\n~~~ quote\n*Subject*: Being a robot is great, but...\n~~~',
    },
  ],
  [
    'mention.json',
    'mention',
    {
      topic: 'cnv_keocka',
      body: '**Leela Turanga** left a comment:\n~~~ quote\n@bender Could you take it from here?\n~~~',
    },
  ],
  [
    'mention_all.json',
    'mention',
    {
      topic: 'cnv_keo696',
      body: '**Leela Turanga** left a comment:\n~~~ quote\n@all Could someone else take this?\n~~~',
    },
  ],
  [
    'outbound_message.json',
    'outbound',
    {
      topic: 'cnv_keo696',
      body: '[Outbound message](https://app.frontapp.com/open/msg_1176ie2) from **support@planet-express.com** to **calculon@momsbot.com**:\n~~~ quote\n*Subject*: Your next delivery is on Epsilon 96Z\n~~~',
    },
  ],
  [
    'outbound_reply.json',
    'out_reply',
    {
      topic: 'cnv_keocka',
      body: '[Outbound reply](https://app.frontapp.com/open/msg_1176ryy) from **support@planet-express.com** to **calculon@momsbot.com**.',
    },
  ],
];

export const SHARED_FIXTURES = sharedSuite(frontIntegration, SHARED_CASES);
