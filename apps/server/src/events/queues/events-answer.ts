import type { ServerResponse } from 'node:http';
import type { EventsService, PollOptions } from './events.service';

/** What a `GET /events` names once its queue is known. */
export interface PollRequest {
  queueId: string;
  lastEventId?: number;
  dontBlock?: boolean;
}

/**
 * Long-polls for `res`'s client (the wait ends if it goes away) and returns the answer's body,
 * with the events' stored JSON spliced in as it is: a client far behind gets thousands, and a
 * busy server answers thousands of polls a second.
 */
export async function pollAnswer(
  events: EventsService,
  res: ServerResponse,
  userId: number,
  poll: PollRequest,
  ignored: string[],
): Promise<string> {
  const texts = await events.poll(userId, pollOptions(res, poll));
  return answerBody(poll.queueId, texts, ignored);
}

/** The events service's options for `poll`, the wait ending if `res`'s client goes away. */
export function pollOptions(res: ServerResponse, poll: PollRequest): PollOptions {
  return {
    queueId: poll.queueId,
    lastEventId: poll.lastEventId ?? -1,
    dontBlock: poll.dontBlock ?? false,
    onDisconnect: (callback) =>
      res.on('close', () => {
        if (!res.writableFinished) callback();
      }),
  };
}

/** The body of a successful poll: the events' stored JSON texts spliced in as they are. */
export function answerBody(queueId: string, texts: string[], ignored: string[]): string {
  return (
    `{"result":"success","msg":"","events":[${texts.join(',')}],` +
    `"queue_id":${JSON.stringify(queueId)}` +
    (ignored.length > 0 ? `,"ignored_parameters_unsupported":${JSON.stringify(ignored)}` : '') +
    '}'
  );
}
