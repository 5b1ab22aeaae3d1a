/**
 * The body of a `GET /events` answer, with the events' stored JSON spliced in as it is: a client
 * far behind gets thousands, and a busy server answers thousands of polls a second.
 */
export function eventsAnswer(texts: string[], queueId: string, ignored: string[]): string {
  return (
    `{"result":"success","msg":"","events":[${texts.join(',')}],` +
    `"queue_id":${JSON.stringify(queueId)}` +
    (ignored.length > 0 ? `,"ignored_parameters_unsupported":${JSON.stringify(ignored)}` : '') +
    '}'
  );
}
