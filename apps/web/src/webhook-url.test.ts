import { describe, expect, it } from 'vitest';
import { hourlySeries, secretsFileEntry, webhookUrl } from './webhook-url';

const none = { stream: '', topic: '', branches: '', onlyEvents: [], excludeEvents: [] };

describe('webhookUrl', () => {
  it('builds Zulip’s URL: key, then stream and topic when chosen', () => {
    expect(webhookUrl('https://chat.example.com/', 'github', { ...none, apiKey: 'k3y' })).toBe(
      'https://chat.example.com/api/v1/external/github?api_key=k3y',
    );
    expect(
      webhookUrl('https://chat.example.com', 'github', {
        ...none,
        apiKey: 'k3y',
        stream: 'dev ops',
        topic: 'CI & deploys',
      }),
    ).toBe(
      'https://chat.example.com/api/v1/external/github?api_key=k3y&stream=dev+ops&topic=CI+%26+deploys',
    );
  });

  it('adds branches and the event filters as JSON lists', () => {
    const url = new URL(
      webhookUrl('http://h', 'gitlab', {
        ...none,
        apiKey: 'k',
        branches: ' main, release ,',
        onlyEvents: ['push*', 'issues'],
        excludeEvents: ['push_tags'],
      }),
    );
    expect(url.searchParams.get('branches')).toBe('main,release');
    expect(JSON.parse(url.searchParams.get('only_events')!)).toEqual(['push*', 'issues']);
    expect(JSON.parse(url.searchParams.get('exclude_events')!)).toEqual(['push_tags']);
  });
});

describe('secretsFileEntry', () => {
  it('is the per-integration form WEBHOOK_SECRETS_FILE reads', () => {
    expect(JSON.parse(secretsFileEntry('ci-bot@x.test', 'github', 's3'))).toEqual({
      'ci-bot@x.test': { github: 's3' },
    });
  });
});

describe('hourlySeries', () => {
  it('fills the hours without deliveries, oldest first, ending with the current hour', () => {
    const now = 10 * 3600 + 125;
    const series = hourlySeries([{ hour: 9 * 3600, deliveries: 4, failures: 1 }], now, 3);
    expect(series).toEqual([
      { hour: 8 * 3600, deliveries: 0, failures: 0 },
      { hour: 9 * 3600, deliveries: 4, failures: 1 },
      { hour: 10 * 3600, deliveries: 0, failures: 0 },
    ]);
  });
});
