import { ignoredParams } from '../../common/envelope.interceptor';
import { parseParams } from '../../common/params';
import { GetEventsDto } from './dto/events.dto';
import type { PollRequest } from './events-answer';

/** `queue_id` as every client sends it back: printable ASCII, within GetEventsDto's 100. */
const PLAIN_QUEUE_ID = /^[\x21-\x7e]{1,100}$/;
/** An integer ≥ -1 written plainly, well inside the safe range. */
const PLAIN_EVENT_ID = /^(?:-1|0|[1-9]\d{0,14})$/;

/**
 * The parameters of a poll naming a queue, validated by GetEventsDto. Nearly every poll is the
 * same three plain values, which are read directly: class-validator spends more on them than the
 * whole rest of a poll, and a busy stream makes each of its readers poll many times a second.
 * Anything else (other parameters, JSON spellings, bad values) goes through the DTO, which
 * decides and words the error; poll-params.spec checks that both ways agree.
 */
export function pollParams(params: Record<string, string>): {
  poll: PollRequest;
  ignored: string[];
} {
  return plainPoll(params) ?? pollParamsByDto(params);
}

function plainPoll(params: Record<string, string>): { poll: PollRequest; ignored: [] } | null {
  const { queue_id: queueId, last_event_id: lastEventId, dont_block: dontBlock } = params;
  const expected = dontBlock === undefined ? 2 : 3;
  if (
    Object.keys(params).length !== expected ||
    !PLAIN_QUEUE_ID.test(queueId ?? '') ||
    !PLAIN_EVENT_ID.test(lastEventId ?? '') ||
    (dontBlock !== undefined && dontBlock !== 'true' && dontBlock !== 'false')
  ) {
    return null;
  }
  const poll: PollRequest = { queueId, lastEventId: Number(lastEventId) };
  if (dontBlock !== undefined) poll.dontBlock = dontBlock === 'true';
  return { poll, ignored: [] };
}

/** The DTO's reading of any poll (what pollParams falls back to, and what its spec compares). */
export function pollParamsByDto(params: Record<string, string>): {
  poll: PollRequest;
  ignored: string[];
} {
  const consumed = new Set<string>();
  const p = parseParams(GetEventsDto, params, consumed);
  const poll: PollRequest = { queueId: p.queue_id as string };
  if (p.last_event_id !== undefined) poll.lastEventId = p.last_event_id;
  if (p.dont_block !== undefined) poll.dontBlock = p.dont_block;
  return { poll, ignored: ignoredParams(params, consumed) };
}
