/** A message that references an upload: its id and when it was sent (milliseconds). */
export interface AttachmentMessage {
  id: number;
  date_sent: number;
}

/** Zulip's Attachment object (GET /attachments, `attachment` events, `detached_uploads`). */
export interface Attachment {
  id: number;
  name: string;
  path_id: string;
  size: number;
  /** Milliseconds since the epoch, as Zulip sends it. */
  create_time: number;
  messages: AttachmentMessage[];
}

/** POST /user_uploads. */
export interface UploadResult {
  /** Deprecated name of `url`, still read by older clients. */
  uri: string;
  url: string;
  filename: string;
}

export type AttachmentEvent =
  | {
      type: 'attachment';
      op: 'add' | 'update';
      attachment: Attachment;
      upload_space_used: number;
    }
  | {
      type: 'attachment';
      op: 'remove';
      attachment: { id: number };
      upload_space_used: number;
    };
