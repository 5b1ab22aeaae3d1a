import { FixtureCase, sharedSuite, UNSUPPORTED } from '../core/testing';
import { intercomIntegration } from './intercom.handler';

/**
 * What the gateway makes of each captured payload in ../shared/fixtures/webhooks/intercom:
 * [fixture file, event name, message (null: recognised, nothing posted; UNSUPPORTED; ANOMALOUS)].
 */
const SHARED_CASES: FixtureCase[] = [
  [
    'company_created.json',
    'company.created',
    {
      topic: 'Companies',
      body: 'New company **Kandra Labs** created:\n* **User count**: 1\n* **Monthly spending**: 0',
    },
  ],
  [
    'contact_added_email.json',
    'contact.added_email',
    {
      topic: "Contact: Azure Bus from St. John's",
      body: 'New email jerryguitarist@gmail.com added to contact.',
    },
  ],
  [
    'contact_created.json',
    'contact.created',
    {
      topic: "Contact: Azure Bus from St. John's",
      body: "New contact created:\n* **Name (or pseudonym)**: Azure Bus from St. John's\n* **Email**: aaron@zulip.com\n* **Location**: St. John's, Newfoundland and Labrador, Canada",
    },
  ],
  [
    'contact_signed_up.json',
    'contact.signed_up',
    {
      topic: "User: Lilac Raindrop from St. John's",
      body: "Contact signed up:\n* **Email**: iago@zulip.com\n* **Location**: St. John's, Newfoundland and Labrador, Canada",
    },
  ],
  [
    'contact_tag_created.json',
    'contact.tag.created',
    { topic: 'Contact: Eeshan Garg', body: 'Contact tagged with the `developer` tag.' },
  ],
  [
    'contact_tag_deleted.json',
    'contact.tag.deleted',
    { topic: 'Contact: Eeshan Garg', body: 'The tag `developer` was removed from the contact.' },
  ],
  [
    'conversation_admin_assigned.json',
    'conversation.admin.assigned',
    { topic: 'Lead: Eeshan Garg', body: 'Tim Abbott assigned to conversation.' },
  ],
  [
    'conversation_admin_closed.json',
    'conversation.admin.closed',
    { topic: 'Lead: Eeshan Garg', body: "Cordelia, Lear's daughter closed the conversation." },
  ],
  [
    'conversation_admin_noted.json',
    'conversation.admin.noted',
    {
      topic: 'Lead: Eeshan Garg',
      body: "Cordelia, Lear's daughter added a note to the conversation:\n\n~~~ quote\nTalk to Tim about this user's query.\n~~~",
    },
  ],
  [
    'conversation_admin_opened.json',
    'conversation.admin.opened',
    { topic: "Lead: Cordelia, Lear's daughter", body: 'Eeshan Garg opened the conversation.' },
  ],
  [
    'conversation_admin_replied.json',
    'conversation.admin.replied',
    {
      topic: 'Lead: Eeshan Garg',
      body: "Cordelia, Lear's daughter replied to the conversation:\n\n~~~ quote\nHey Eeshan! How can I help?\n~~~",
    },
  ],
  [
    'conversation_admin_single_created.json',
    'conversation.admin.single.created',
    {
      topic: 'Lead: Eeshan Garg',
      body: "Cordelia, Lear's daughter initiated a conversation:\n\n~~~ quote\nHi Eeshan, What's up\n~~~",
    },
  ],
  [
    'conversation_admin_snoozed.json',
    'conversation.admin.snoozed',
    { topic: 'Lead: Eeshan Garg', body: "Cordelia, Lear's daughter snoozed the conversation." },
  ],
  [
    'conversation_admin_unsnoozed.json',
    'conversation.admin.unsnoozed',
    { topic: 'Lead: Eeshan Garg', body: "Cordelia, Lear's daughter unsnoozed the conversation." },
  ],
  ['conversation_part_tag_created.json', 'conversation_part.tag.created', UNSUPPORTED],
  [
    'conversation_user_created.json',
    'conversation.user.created',
    {
      topic: "Lead: Rose Poodle from St. John's",
      body: "Rose Poodle from St. John's initiated a conversation:\n\n~~~ quote\nHello everyone!\n~~~",
    },
  ],
  [
    'conversation_user_replied.json',
    'conversation.user.replied',
    {
      topic: 'Lead: Eeshan Garg',
      body: 'Eeshan Garg replied to the conversation:\n\n~~~ quote\nWell, I need some help getting access to a developer account.\n~~~',
    },
  ],
  [
    'event_created.json',
    'event.created',
    { topic: 'Events', body: 'New event **invited-friend** created.' },
  ],
  ['ping.json', 'ping', null],
  [
    'user_created.json',
    'user.created',
    {
      topic: 'User: Aaron Smith',
      body: 'New user created:\n* **Name**: Aaron Smith\n* **Email**: aaron@zulip.com',
    },
  ],
  [
    'user_deleted.json',
    'user.deleted',
    { topic: 'User: jerryguitarist@gmail.com', body: 'User deleted.' },
  ],
  [
    'user_email_updated.json',
    'user.email.updated',
    {
      topic: "Contact: Azure Bus from St. John's",
      body: "User's email was updated to aaron@zulip.com.",
    },
  ],
  [
    'user_tag_created.json',
    'user.tag.created',
    { topic: 'User: eeshangarg', body: 'The tag `developer` was added to the user.' },
  ],
  [
    'user_tag_deleted.json',
    'user.tag.deleted',
    {
      topic: 'User: eeshangarg',
      body: 'The tag `CSV Import - 2019-03-26 22:46:04 UTC` was removed from the user.',
    },
  ],
  [
    'user_unsubscribed.json',
    'user.unsubscribed',
    { topic: 'Contact: Eeshan Garg', body: 'User unsubscribed from emails.' },
  ],
];

export const SHARED_FIXTURES = sharedSuite(intercomIntegration, SHARED_CASES);
