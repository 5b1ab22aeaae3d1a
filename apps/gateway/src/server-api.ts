/** Who a webhook URL's api_key belongs to, as the server says. */
export interface BotIdentity {
  userId: number;
  email: string;
  fullName: string;
  isBot: boolean;
  ownerId: number | null;
}

export interface OutgoingMessage {
  stream: string | null;
  dmTo: number[] | null;
  topic: string;
  content: string;
}

/** One report of the delivery history (`POST /api/v1/webhooks/deliveries`, see delivery-recorder.ts). */
export interface DeliveryReportParams {
  uuid: string;
  integration: string;
  outcome: string;
  event?: string;
  reason?: string;
  message_id?: number;
  host?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** The raw body, base64. */
  body?: string;
  replay_of?: number;
}

/** The gateway's only way to the server: its public API, through libs/client. */
export interface ServerApi {
  /** Throws the server's error (401 INVALID_API_KEY, USER_DEACTIVATED...) or a network error. */
  identify(host: string, apiKey: string): Promise<BotIdentity>;
  /** Resolves with the posted message's id when the server gives it. */
  send(
    host: string,
    email: string,
    apiKey: string,
    message: OutgoingMessage,
  ): Promise<number | undefined | void>;
  /** Records a delivery or its outcome on the server; absent: the history is not kept. */
  reportDelivery?(
    host: string,
    email: string,
    apiKey: string,
    report: DeliveryReportParams,
  ): Promise<void>;
}
