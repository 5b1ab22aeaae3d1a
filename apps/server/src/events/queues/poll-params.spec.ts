import 'reflect-metadata';
import { ZulipError } from '../../common/zulip-error';
import { pollParams, pollParamsByDto } from './poll-params';

type Outcome = { ok: unknown } | { error: unknown };

function outcome(
  read: (params: Record<string, string>) => unknown,
  params: Record<string, string>,
) {
  try {
    return { ok: read(params) } satisfies Outcome;
  } catch (err) {
    return { error: err instanceof ZulipError ? err.envelope() : String(err) } satisfies Outcome;
  }
}

const QUEUE = '1f0e7c3a-5b2d-4e8f-9a61-0c4d2b7e8f10';

const polls: Array<Record<string, string>> = [
  { queue_id: QUEUE, last_event_id: '-1' },
  { queue_id: QUEUE, last_event_id: '0' },
  { queue_id: QUEUE, last_event_id: '42' },
  { queue_id: QUEUE, last_event_id: '123456789012345' },
  { queue_id: QUEUE, last_event_id: '7', dont_block: 'true' },
  { queue_id: QUEUE, last_event_id: '7', dont_block: 'false' },
  { queue_id: 'x'.repeat(100), last_event_id: '3' },
  // Everything below is not the plain shape and goes through the DTO.
  { queue_id: 'x'.repeat(101), last_event_id: '3' },
  { queue_id: 'ünïcode', last_event_id: '3' },
  { queue_id: 'with space', last_event_id: '3' },
  { queue_id: QUEUE },
  { queue_id: QUEUE, dont_block: 'true' },
  { queue_id: QUEUE, last_event_id: '-2' },
  { queue_id: QUEUE, last_event_id: '01' },
  { queue_id: QUEUE, last_event_id: '1e3' },
  { queue_id: QUEUE, last_event_id: '1.5' },
  { queue_id: QUEUE, last_event_id: ' 4' },
  { queue_id: QUEUE, last_event_id: '' },
  { queue_id: QUEUE, last_event_id: 'abc' },
  { queue_id: QUEUE, last_event_id: '"5"' },
  { queue_id: QUEUE, last_event_id: '99999999999999999999' },
  { queue_id: QUEUE, last_event_id: '5', dont_block: 'yes' },
  { queue_id: QUEUE, last_event_id: '5', dont_block: 'True' },
  { queue_id: QUEUE, last_event_id: '5', dont_block: 'toString' },
  { queue_id: QUEUE, last_event_id: '5', dont_block: '1' },
  { queue_id: QUEUE, last_event_id: '5', client: 'website' },
  { queue_id: QUEUE, last_event_id: '5', apply_markdown: 'true' },
  { queue_id: QUEUE, last_event_id: '5', dont_block: 'true', extra: 'x' },
];

describe('pollParams', () => {
  it.each(polls.map((p) => [JSON.stringify(p), p]))(
    'reads %s as GetEventsDto does',
    (_label, params) => {
      expect(outcome(pollParams, params)).toEqual(outcome(pollParamsByDto, params));
    },
  );

  it('reads the plain poll', () => {
    expect(pollParams({ queue_id: QUEUE, last_event_id: '12', dont_block: 'true' })).toEqual({
      poll: { queueId: QUEUE, lastEventId: 12, dontBlock: true },
      ignored: [],
    });
  });

  it('names the bad parameter and reports unknown ones', () => {
    expect(outcome(pollParams, { queue_id: QUEUE, last_event_id: '-2' })).toEqual({
      error: expect.objectContaining({ code: 'BAD_REQUEST', var_name: 'last_event_id' }),
    });
    expect(pollParams({ queue_id: QUEUE, last_event_id: '5', extra: 'x' }).ignored).toEqual([
      'extra',
    ]);
  });
});
