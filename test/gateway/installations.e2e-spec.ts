import { randomUUID } from 'node:crypto';
import { redisAvailable } from '../helpers/services';
import { GatewayStack, LandedMessage, streamNarrow } from './helpers/gateway-stack';
import { githubFixture } from './helpers/own-fixtures';

const WEBHOOKS = 40;

/** A GitHub push whose one commit is called `<label> change <n>`. */
function labelledPush(label: string, n: number): string {
  const payload = JSON.parse(githubFixture('push__force')) as {
    commits: Array<{ message: string }>;
  };
  payload.commits[0].message = `${label} change ${n}`;
  return JSON.stringify(payload);
}

const changeOf = (m: LandedMessage) => /\* (\w+ change \d+) \(/.exec(m.content)?.[1];

describe('two installations on one Redis', () => {
  let alpha: GatewayStack | null = null;
  let beta: GatewayStack | null = null;
  let enabled = false;

  beforeAll(async () => {
    if (!(await redisAvailable())) {
      process.stderr.write(
        '[test] installations.e2e-spec skipped: it needs Redis (the shared Bull queues)\n',
      );
      return;
    }
    enabled = true;
    // Each a server and a gateway with the settings of their own installation (its database),
    // neither given a REDIS_NAMESPACE: as two deployments sharing one Redis run.
    alpha = await GatewayStack.start({ asInstallation: true });
    beta = await GatewayStack.start({ asInstallation: true });
  }, 120_000);

  afterAll(async () => {
    await alpha?.stop();
    await beta?.stop();
  });

  it('delivers every webhook to the installation it was sent to, losing none', async () => {
    if (!enabled) return;
    const stacks = [
      { label: 'alpha', stack: alpha! },
      { label: 'beta', stack: beta! },
    ];
    for (const { stack } of stacks) await stack.createStreams(['deploys']);

    for (let n = 1; n <= WEBHOOKS; n++) {
      for (const { label, stack } of stacks) {
        const reply = await stack.webhook('github', {
          query: { stream: 'deploys', topic: `topic ${n % 4}` },
          headers: { 'X-GitHub-Event': 'push', 'X-GitHub-Delivery': randomUUID() },
          body: labelledPush(label, n),
        });
        expect(reply).toEqual({ status: 200, body: { result: 'success', msg: '' } });
      }
    }

    for (const { label, stack } of stacks) {
      const landed = await stack.waitForMessages(streamNarrow('deploys'), WEBHOOKS, 60_000);
      expect(landed.every((m) => m.sender_id === stack.bot.id)).toBe(true);
      expect(landed.map(changeOf).sort()).toEqual(
        Array.from({ length: WEBHOOKS }, (_, i) => `${label} change ${i + 1}`).sort(),
      );
      // No delivery went to the other installation's server (which would refuse the key).
      expect(await stack.health()).toMatchObject({
        queue_depth: 0,
        delivered: WEBHOOKS,
        dropped: 0,
      });
    }
  }, 180_000);
});
