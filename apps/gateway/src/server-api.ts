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

/** The gateway's only way to the server: its public API, through libs/client. */
export interface ServerApi {
  /** Throws the server's error (401 INVALID_API_KEY, USER_DEACTIVATED...) or a network error. */
  identify(host: string, apiKey: string): Promise<BotIdentity>;
  send(host: string, email: string, apiKey: string, message: OutgoingMessage): Promise<void>;
}
