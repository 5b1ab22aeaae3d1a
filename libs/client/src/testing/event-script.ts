import { ok, ScriptedReply, SeenRequest } from './scripted-server';

export type Step = ScriptedReply | ((request: SeenRequest) => ScriptedReply);

/** Answers each path from its own list of steps; once a list is used up, requests hang (a quiet long poll). */
export function steps(script: Record<string, Step[]>): (request: SeenRequest) => ScriptedReply {
  const used: Record<string, number> = {};
  return (request) => {
    const list = script[request.path] ?? [];
    const index = used[request.path] ?? 0;
    used[request.path] = index + 1;
    const step = list[index];
    if (step === undefined) return { hang: true };
    return typeof step === 'function' ? step(request) : step;
  };
}

/** Polls `condition` until it holds, failing with `what` after 20 s. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const REGISTER = '/api/v1/register';
export const EVENTS = '/api/v1/events';
export const MESSAGES = '/api/v1/messages';

export const registered = (queueId: string, lastEventId = -1): ScriptedReply =>
  ok({ queue_id: queueId, last_event_id: lastEventId, zulip_feature_level: 237 });
export const events = (...list: Array<Record<string, unknown>>): ScriptedReply =>
  ok({ events: list });
export const message = (id: number, messageId: number, flags: string[] = []) => ({
  id,
  type: 'message',
  flags,
  message: { id: messageId, content: `message ${messageId}`, type: 'stream' },
});
export const heartbeat = (id: number) => ({ id, type: 'heartbeat' });
