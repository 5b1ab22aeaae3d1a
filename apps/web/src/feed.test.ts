import { describe, expect, it } from 'vitest';
import { buildRows } from './feed';
import { fromApi } from './model';
import type { Message as ApiMessage } from '../../../libs/client/src/types';

const DAY = 86400;
const t0 = Date.UTC(2026, 0, 5, 10) / 1000;

function msg(id: number, sender: number, timestamp: number, topic = 't', streamId = 1) {
  return fromApi(
    {
      id,
      type: 'stream',
      stream_id: streamId,
      subject: topic,
      sender_id: sender,
      timestamp,
      display_recipient: 's',
    } as unknown as ApiMessage,
    9,
  );
}

describe('buildRows', () => {
  it('draws a date line per day, a recipient bar per conversation, and one header per sender run', () => {
    const rows = buildRows(
      [
        msg(1, 1, t0),
        msg(2, 1, t0 + 60),
        msg(3, 2, t0 + 120),
        msg(4, 2, t0 + 180, 'other'),
        msg(5, 2, t0 + DAY),
      ],
      9,
      'UTC',
    );
    expect(
      rows.map((r) =>
        r.kind === 'message' ? `m${r.message.id}${r.showSender ? '+' : ''}` : r.kind,
      ),
    ).toEqual([
      'date',
      'recipient',
      'm1+',
      'm2',
      'm3+',
      'recipient',
      'm4+',
      'date',
      'recipient',
      'm5+',
    ]);
  });

  it('shows the sender again after a long pause', () => {
    const rows = buildRows([msg(1, 1, t0), msg(2, 1, t0 + 3600)], 9, 'UTC');
    expect(rows.filter((r) => r.kind === 'message' && r.showSender)).toHaveLength(2);
  });
});
