import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import {
  FixtureCase,
  ownFixtureCases,
  sharedFixtureCases,
  SHARED_WEBHOOK_FIXTURES,
} from './helpers/fixture-cases';
import {
  ANOMALOUS,
  expectedMessages,
  MALFORMED,
  UNSUPPORTED,
} from '../../integrations/core/testing';
import { INTEGRATIONS } from '../../integrations/registry';
import { GatewayStack, LandedMessage, WebhookReply } from './helpers/gateway-stack';

/**
 * Every fixture goes through the real gateway into the real server: each case gets a stream of
 * its own, all webhooks are posted first, then the test waits once for every expected message.
 */
const cases: FixtureCase[] = [...ownFixtureCases(), ...sharedFixtureCases()];
if (!fs.existsSync(SHARED_WEBHOOK_FIXTURES)) {
  process.stderr.write(
    `[test] ${SHARED_WEBHOOK_FIXTURES} is absent: only the integrations' own fixtures run\n`,
  );
}
const streamOf = (index: number) => `fixture-${index}`;
/** Deliveries of one captured payload share its id: give each its own, as redeliveries would not. */
const deliveryIdHeader = (name: string) =>
  INTEGRATIONS.find((i) => i.name === name)?.deliveryIdHeader;
/** Zulip's empty `msg`, or the text a service checks for (HelloSign). */
const successMessage = (name: string) =>
  INTEGRATIONS.find((i) => i.name === name)?.successMessage ?? '';

describe('webhook fixtures through the gateway into the server', () => {
  let stack: GatewayStack;
  const replies: WebhookReply[] = [];
  const landed = new Map<string, LandedMessage[]>();

  beforeAll(
    async () => {
      stack = await GatewayStack.start();
      await stack.createStreams(cases.map((_, i) => streamOf(i)));
      // A few requests in flight at once, as services send them; each case has its own stream.
      let next = 0;
      const post = async () => {
        for (let i = next++; i < cases.length; i = next++) {
          const c = cases[i];
          const idHeader = deliveryIdHeader(c.integration);
          replies[i] = await stack.webhook(c.integration, {
            query: { stream: streamOf(i) },
            headers: idHeader ? { ...c.headers, [idHeader]: randomUUID() } : c.headers,
            contentType: c.contentType,
            body: c.body,
          });
        }
      };
      await Promise.all(Array.from({ length: 8 }, post));
      const expectedCount = cases.reduce((n, c) => n + expectedMessages(c.expected).length, 0);
      const messages = await stack.waitForMessages([], expectedCount, 30_000 + cases.length * 500);
      for (const m of messages) {
        const stream = typeof m.display_recipient === 'string' ? m.display_recipient : '(direct)';
        landed.set(stream, [...(landed.get(stream) ?? []), m]);
      }
    },
    60_000 + cases.length * 1000,
  );
  afterAll(() => stack?.stop());

  it('runs fixtures of every registered integration (captured ones, or its own without ../shared)', () => {
    const covered = new Set(cases.map((c) => c.integration));
    const withFixtures = fs.existsSync(SHARED_WEBHOOK_FIXTURES)
      ? INTEGRATIONS.map((i) => i.name)
      : ownFixtureCases().map((c) => c.integration);
    expect(withFixtures.filter((name) => !covered.has(name))).toEqual([]);
  });

  it('posts nothing anywhere else (no stray streams; DMs only to tell the owner of a non-JSON body)', () => {
    const known = new Set([...cases.map((_, i) => streamOf(i)), '(direct)']);
    expect([...landed.keys()].filter((stream) => !known.has(stream))).toEqual([]);
    // A captured payload that is not JSON (MALFORMED) tells the bot's owner, once a minute.
    const malformed = cases.some((c) => c.expected === MALFORMED);
    const dms = (landed.get('(direct)') ?? []).map((m) => m.content);
    expect(dms.length).toBe(malformed ? 1 : 0);
    for (const dm of dms) expect(dm).toContain('whose body is not valid JSON');
  });

  it.each(cases.map((c, i) => [c.label, i] as const))('%s', (_label, i) => {
    const c = cases[i];
    if (c.expected === UNSUPPORTED) {
      expect(replies[i]).toMatchObject({
        status: 200,
        body: { result: 'error', code: 'UNSUPPORTED_WEBHOOK_EVENT_TYPE' },
      });
    } else if (c.expected === MALFORMED) {
      expect(replies[i]).toMatchObject({
        status: 400,
        body: { result: 'error', code: 'INVALID_JSON' },
      });
    } else if (c.expected === ANOMALOUS) {
      expect(replies[i]).toMatchObject({
        status: 400,
        body: { result: 'error', code: 'ANOMALOUS_WEBHOOK_PAYLOAD' },
      });
    } else {
      expect(replies[i]).toEqual({
        status: 200,
        body: { result: 'success', msg: successMessage(c.integration) },
      });
    }
    const here = (landed.get(streamOf(i)) ?? []).map((m) => ({
      topic: m.subject,
      body: m.content,
    }));
    // Several messages of one delivery land in the order the integration made them.
    expect(here).toEqual(expectedMessages(c.expected));
    for (const m of landed.get(streamOf(i)) ?? []) expect(m.sender_id).toBe(stack.bot.id);
  });
});
