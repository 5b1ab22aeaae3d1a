import * as path from 'node:path';
import {
  itRendersOwnFixtures,
  ownSuite,
  deliverWith,
  FixtureCase as Case,
  loadFixture,
  webhookInput,
} from '../core/testing';
import { AnomalousPayloadError } from '../core/payload';
import { tracIntegration as integration } from './trac.handler';

const OWN_FIXTURES = path.resolve(__dirname, 'fixtures');
const load = loadFixture;
const input = webhookInput;
const deliver = deliverWith(integration);

const OWN_CASES: Case[] = [
  [
    'ticket_changed_comment.json',
    'ticket_changed',
    {
      topic: '#101: Webhook retries give up too early',
      body: 'grace updated [ticket #101](https://trac.example.org/ticket/101) with comment:\n\n> Reproduced on main.\n> See the log.\n\nowner: => **grace**, resolution: **wontfix** => ""',
    },
  ],
  [
    'ticket_changed_fields.json',
    'ticket_changed',
    {
      topic: '#101: Webhook retries give up too early',
      body: 'grace updated [ticket #101](https://trac.example.org/ticket/101):\n\n- Changed description from\n\n> Drops.\n\nto\n\n> After three failures\n> the delivery is dropped.\n\nsummary: **Retries give up** => **Webhook retries give up too early**',
    },
  ],
  ['ticket_changed_nothing.json', 'ticket_changed', null],
  [
    'ticket_created.json',
    'ticket_created',
    {
      topic: '#101: Webhook retries give up too early',
      body: 'ada created [ticket #101](https://trac.example.org/ticket/101) in component **gateway**, priority **major**:\n\n> After three failures\n> the delivery is dropped.',
    },
  ],
  [
    'ticket_created_long_summary.json',
    'ticket_created',
    {
      topic: '#101: A summary that is far too long to fit in a Zulip to...',
      body: 'ada created [ticket #101](https://trac.example.org/ticket/101) in component **gateway**, priority **major**:\n**A summary that is far too long to fit in a Zulip topic name at all**',
    },
  ],
  [
    'ticket_deleted.json',
    'ticket_deleted',
    {
      topic: '#101: Webhook retries give up too early',
      body: '[Ticket #101](https://trac.example.org/ticket/101) was deleted.',
    },
  ],
];

describe('Trac integration', () => {
  itRendersOwnFixtures(ownSuite(integration, OWN_CASES));

  it.each([
    [
      'ticket_created.json',
      (p: Record<string, unknown>) => {
        (p.ticket as Record<string, unknown>).id = '101';
      },
    ],
    [
      'ticket_changed_comment.json',
      (p: Record<string, unknown>) => {
        p.changes = { owner: 'grace' };
      },
    ],
    [
      'ticket_changed_comment.json',
      (p: Record<string, unknown>) => {
        p.comment = 5;
      },
    ],
    [
      'ticket_deleted.json',
      (p: Record<string, unknown>) => {
        delete p.ticket;
      },
    ],
    [
      'ticket_created.json',
      (p: Record<string, unknown>) => {
        p.event = 1;
      },
    ],
  ])('a missing or mistyped field in %s is an anomalous payload, not a crash', (file, spoil) => {
    const payload = load(OWN_FIXTURES, file) as Record<string, unknown>;
    spoil(payload);
    expect(() => deliver(input(payload))).toThrow(AnomalousPayloadError);
  });
});
