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
}

/** Jobs for one stream and topic (or one DM) keep their order: they land on the same shard. */
export function shardOf(
  job: Pick<DeliveryJob, 'host' | 'stream' | 'topic' | 'dmTo' | 'shardTopic'>,
  shards: number,
): number {
  const key = `${job.host}\u0000${job.stream ?? `dm:${(job.dmTo ?? []).join(',')}`}\u0000${(job.shardTopic ?? job.topic).toLowerCase()}`;
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0) % shards;
}
