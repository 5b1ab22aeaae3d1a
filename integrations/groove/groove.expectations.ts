import { FixtureCase, headerFromFileName, sharedSuite, UNSUPPORTED } from '../core/testing';
import { grooveIntegration } from './groove.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/groove:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'agent_replied.json',
    'agent_replied',
    {
      topic: 'notifications',
      body: 'agent@example.com replied to [ticket #776](https://ghostfox.groovehq.com/groove_client/tickets/68667295):\n\n~~~ quote\nHello , This is a reply from an agent to a ticket\n~~~',
    },
  ],
  [
    'customer_replied.json',
    'customer_replied',
    {
      topic: 'notifications',
      body: 'rambo@example.com replied to [ticket #440](https://ghostfox.groovehq.com/groove_client/tickets/68666538):\n\n~~~ quote\nHello agent, thanks for getting back. This is how a reply from customer looks like.\n~~~',
    },
  ],
  [
    'note_added.json',
    'note_added',
    {
      topic: 'notifications',
      body: 'anotheragent@example.com left a note on [ticket #776](https://ghostfox.groovehq.com/groove_client/tickets/68667295):\n\n~~~ quote\nThis is a note added to  a ticket\n~~~',
    },
  ],
  [
    'ticket_assigned__agent_and_group.json',
    'ticket_assigned',
    {
      topic: 'notifications',
      body: '[#9: Test Subject](https://testteam.groovehq.com/groove_client/tickets/68659446) (open) assigned to agent@example.com from group2.',
    },
  ],
  [
    'ticket_assigned__agent_only.json',
    'ticket_assigned',
    {
      topic: 'notifications',
      body: '[#9: Test Subject](https://testteam.groovehq.com/groove_client/tickets/68659446) (open) assigned to agent@example.com.',
    },
  ],
  [
    'ticket_assigned__group_only.json',
    'ticket_assigned',
    {
      topic: 'notifications',
      body: '[#9: Test Subject](https://testteam.groovehq.com/groove_client/tickets/68659446) (pending) assigned to group2.',
    },
  ],
  ['ticket_assigned__no_one.json', 'ticket_assigned', null],
  [
    'ticket_started.json',
    'ticket_started',
    {
      topic: 'notifications',
      body: 'Test Name submitted new ticket [#9: Test Subject](https://ghostfox.groovehq.com/groove_client/tickets/68659446):\n\n~~~ quote\nThe content of the body goes here.\n~~~',
    },
  ],
  ['ticket_state_changed.json', 'ticket_state_changed', UNSUPPORTED],
];

export const SHARED_FIXTURES = sharedSuite(grooveIntegration, SHARED_CASES, {
  headers: headerFromFileName('X-Groove-Event'),
});
