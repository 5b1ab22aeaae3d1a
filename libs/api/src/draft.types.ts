/** A draft as Zulip's drafts API and `drafts` events carry it. */
export interface Draft {
  id: number;
  /** `''` for a draft addressed to nobody yet. */
  type: '' | 'stream' | 'private';
  /** The stream's id (one) for `stream`, the users' ids for `private`, empty otherwise. */
  to: number[];
  topic: string;
  content: string;
  /** Last edited, in seconds since the epoch. */
  timestamp: number;
}
