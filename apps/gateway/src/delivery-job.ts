/** One message the gateway owes the server, as stored in the queue. */
export interface DeliveryJob {
  /** Host header of the webhook request: picks the realm on the server. */
  host: string;
  botEmail: string;
  botApiKey: string;
  /** Stream name or id; null sends a direct message to `dmTo`. */
  stream: string | null;
  dmTo: number[] | null;
  topic: string;
  /**
   * The topic that picks the shard, when not `topic`: the messages of one delivery (a batch of
   * events) all take the first one's, so they post in the order the integration made them.
   */
  shardTopic?: string;
  content: string;
  /** Owner to tell when the stream does not exist. */
  ownerId: number | null;
  integration: string;
  acceptedAt: number;
  /** The delivery history's record of the webhook this job posts (delivery-recorder.ts). */
  deliveryId?: string;
}

/** Jobs of one stream and topic (or one DM) share this key, so they keep their order; the
 * messages of one delivery share their first message's topic (`shardTopic`). */
export function orderKey(
  job: Pick<DeliveryJob, 'host' | 'stream' | 'topic' | 'dmTo' | 'shardTopic'>,
): string {
  return `${job.host}\u0000${job.stream ?? `dm:${(job.dmTo ?? []).join(',')}`}\u0000${(job.shardTopic ?? job.topic).toLowerCase()}`;
}
