import { createBotJobQueue, RetryableError, type BotJobHandlers } from './bot-job-queue';
import type { ServiceBotJob } from './service-bot.types';

const JOB: ServiceBotJob = { realmId: 1, botId: 2, messageId: 3, senderId: 4, trigger: 'mention' };
const IN_PROCESS = { redisUrl: undefined, prefix: 'test' };
const SETTINGS = { webhookTimeoutMs: 1000, attempts: 4, backoffMs: 5, ownerNoticeIntervalMs: 1000 };

function recording(outcomes: Array<Error | null>) {
  const attempts: number[] = [];
  const failures: string[] = [];
  const handlers: BotJobHandlers = {
    run: async () => {
      attempts.push(Date.now());
      const outcome = outcomes[attempts.length - 1] ?? null;
      if (outcome) throw outcome;
    },
    failed: async (_job, error) => {
      failures.push(error.message);
    },
  };
  return { attempts, failures, handlers };
}

describe('the in-process bot job queue', () => {
  it('retries retryable failures with growing waits until one succeeds', async () => {
    const queue = createBotJobQueue(IN_PROCESS, SETTINGS);
    const run = recording([new RetryableError('500'), new RetryableError('500'), null]);
    queue.process(run.handlers);
    await queue.add(JOB);
    await queue.idle();
    expect(run.attempts).toHaveLength(3);
    expect(run.failures).toEqual([]);
    const [first, second, third] = run.attempts;
    expect(second - first).toBeGreaterThanOrEqual(SETTINGS.backoffMs - 1);
    expect(third - second).toBeGreaterThanOrEqual(2 * SETTINGS.backoffMs - 1);
  });

  it('reports once after the last attempt', async () => {
    const queue = createBotJobQueue(IN_PROCESS, SETTINGS);
    const run = recording(Array.from({ length: 10 }, (_, i) => new RetryableError(`try ${i + 1}`)));
    queue.process(run.handlers);
    await queue.add(JOB);
    await queue.idle();
    expect(run.attempts).toHaveLength(SETTINGS.attempts);
    expect(run.failures).toEqual(['try 4']);
  });

  it('does not retry a final failure', async () => {
    const queue = createBotJobQueue(IN_PROCESS, SETTINGS);
    const run = recording([new Error('bad answer')]);
    queue.process(run.handlers);
    await queue.add(JOB);
    await queue.idle();
    expect(run.attempts).toHaveLength(1);
    expect(run.failures).toEqual(['bad answer']);
  });

  it('drops scheduled retries when closed', async () => {
    const queue = createBotJobQueue(IN_PROCESS, { ...SETTINGS, backoffMs: 60_000 });
    const run = recording([new RetryableError('500')]);
    queue.process(run.handlers);
    await queue.add(JOB);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await queue.close();
    await queue.idle();
    expect(run.attempts).toHaveLength(1);
  });
});
