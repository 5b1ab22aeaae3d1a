import * as path from 'node:path';
import {
  describeFixtures,
  itRendersOwnFixtures,
  ownSuite,
  deliverWith,
  FixtureCase as Case,
  loadFixture,
  webhookInput,
} from '../core/testing';
import { AnomalousPayloadError } from '../core/payload';
import { SHARED_FIXTURES } from './json.expectations';
import { jsonIntegration as integration } from './json.handler';

describeFixtures('Generic JSON on the captured fixtures in ../shared', SHARED_FIXTURES);

const OWN_FIXTURES = path.resolve(__dirname, 'fixtures');
const load = loadFixture;
const input = webhookInput;
const deliver = deliverWith(integration);

const OWN_CASES: Case[] = [
  [
    'push.json',
    'message',
    {
      topic: 'JSON',
      body: '```json\n{\n  "repository": {\n    "name": "hub-server",\n    "stars": 12\n  },\n  "pusher": "ada",\n  "commits": [\n    {\n      "id": "abc",\n      "message": "Fix"\n    }\n  ],\n  "forced": false\n}\n```',
    },
  ],
];

describe('Generic JSON integration', () => {
  itRendersOwnFixtures(ownSuite(integration, OWN_CASES));

  it('renders a handlebars template from the URL against the payload, unescaped', () => {
    const payload = load(OWN_FIXTURES, 'push.json');
    const template =
      '{{pusher}} pushed {{commits.length}} commit(s) to **{{repository.name}}** <{{#each commits}}{{id}}{{/each}}>';
    expect(deliver(input(payload, { template })).message).toEqual({
      topic: 'JSON',
      body: 'ada pushed 1 commit(s) to **hub-server** <abc>',
    });
  });

  it('posts nothing when the template renders to nothing', () => {
    const payload = load(OWN_FIXTURES, 'push.json');
    expect(deliver(input(payload, { template: '{{missing.field}}' })).message).toBeNull();
  });

  it('rejects a template with a syntax error as an anomalous payload naming the problem', () => {
    const payload = load(OWN_FIXTURES, 'push.json');
    expect(() => deliver(input(payload, { template: 'Hello {{#if pusher}}' }))).toThrow(
      /expected a valid handlebars template/,
    );
    expect(() => deliver(input(payload, { template: '{{' }))).toThrow(AnomalousPayloadError);
  });

  it('cannot reach object prototypes from a URL template', () => {
    const payload = load(OWN_FIXTURES, 'push.json');
    const message = deliver(
      input(payload, { template: 'x{{constructor.name}}{{__proto__}}' }),
    ).message;
    expect(message?.body).toBe('x');
  });

  it('gives URL templates no way to write to the console', () => {
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const payload = load(OWN_FIXTURES, 'push.json');
    const message = deliver(input(payload, { template: 'a{{log "spam" level="error"}}b' })).message;
    expect(message?.body).toBe('ab');
    expect(spy).not.toHaveBeenCalled();
    expect(jest.spyOn(console, 'error')).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('uses a longer fence when the payload itself contains three backticks', () => {
    expect(deliver(input({ note: '```' })).message?.body).toBe(
      '````json\n{\n  "note": "```"\n}\n````',
    );
  });

  it('pretty-prints any JSON value, arrays included', () => {
    expect(deliver(input([1, 'two'])).message).toEqual({
      topic: 'JSON',
      body: '```json\n[\n  1,\n  "two"\n]\n```',
    });
  });
});
