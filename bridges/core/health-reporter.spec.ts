import { healthReportParams } from './health-reporter';
import type { HealthReport } from './router';

const stats = (depth: number, lastDeliveredAt: string | null) => ({
  depth,
  open: true,
  delivered: 3,
  dropped: { queue_full: 0, too_old: 0, undeliverable: 0 },
  lastDeliveredAt,
});

describe('healthReportParams', () => {
  it('turns the /health report into the server report: depths, Unix seconds, mappings', () => {
    const report: HealthReport = {
      protocol: 'irc',
      ok: false,
      chat: { connected: true, email: 'irc-bot@example.com', lastEventAt: null },
      remote: { state: 'connecting', channelsJoined: [] },
      mappings: [{ remote: '#dev', stream: 'dev', joined: false }],
      queues: {
        to_chat: stats(1, '2026-01-01T00:00:10.900Z'),
        to_remote: stats(7, null),
      },
      lastMessage: { to_chat: '2026-01-01T00:00:10.900Z', to_remote: null },
    };
    expect(healthReportParams(report, 60)).toEqual({
      protocol: 'irc',
      remote_state: 'connecting',
      chat_connected: true,
      queue_to_chat: 1,
      queue_to_remote: 7,
      last_message_to_chat: 1_767_225_610,
      last_message_to_remote: null,
      mappings: [{ remote: '#dev', stream: 'dev', joined: false }],
      report_interval: 60,
    });
  });
});
