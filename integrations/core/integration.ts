import type { SignatureCheck } from './verify';

/** What a webhook request looks like to an integration, once the gateway has parsed it. */
export interface WebhookInput {
  /** Request headers, names lowercased. */
  headers: Record<string, string | undefined>;
  /** The parsed body: JSON, or the JSON inside a form field for tools that send one. */
  payload: unknown;
  /** URL parameters other than api_key and stream: `topic`, `branches` and integration options. */
  options: Record<string, string>;
}

/** A rendered notification: the topic and the Markdown body of one message. */
export interface RenderedMessage {
  topic: string;
  body: string;
}

/**
 * What one delivery posts: a message, several (a batch of events in one payload, each with its
 * own topic, posted in this order), or null (recognised, nothing to post).
 */
export type Rendered = RenderedMessage | readonly RenderedMessage[] | null;

/** The messages of a Rendered, in order (none for null). */
export function renderedList(rendered: Rendered): readonly RenderedMessage[] {
  if (rendered === null) return [];
  return isMessageList(rendered) ? rendered : [rendered];
}

function isMessageList(rendered: NonNullable<Rendered>): rendered is readonly RenderedMessage[] {
  return Array.isArray(rendered);
}

/** One event type's renderer: a pure function of the input. */
export type EventRenderer = (input: WebhookInput) => Rendered;

/** The groups of README's integration table and of `/integrations`. */
export const CATEGORIES = {
  'version-control': 'Version control and code review',
  'project-management': 'Issue trackers and project tools',
  'ci-cd': 'CI/CD and deploys',
  monitoring: 'Monitoring, errors and alerting',
  other: 'Everything else',
} as const;
export type Category = keyof typeof CATEGORIES;

export interface IntegrationDefinition {
  /** The URL name: `/api/v1/external/<name>`. */
  name: string;
  displayName: string;
  category: Category;
  /** Its folder under integrations/ (README, templates), when it differs from `name`. */
  folder?: string;
  /**
   * Header naming the event, spelled as the tool documents it (`X-GitHub-Event`; looked up
   * case-insensitively); omitted when the event is read from the payload.
   */
  eventHeader?: string;
  /** Derives the event name from the request (header or payload); throws AnomalousPayloadError. */
  eventName(input: WebhookInput): string;
  /** Event name → renderer. The supported events are exactly this map's keys. */
  events: Record<string, EventRenderer>;
  /** Events Zulip recognises and deliberately drops (answered 200, nothing posted). */
  ignoredEvents: readonly string[];
  /** Header carrying a unique delivery id (any case), used to post a redelivered webhook once. */
  deliveryIdHeader?: string;
  /** Whether the `branches` URL option applies; returns the branch an event concerns, if any. */
  branchOf?(input: WebhookInput): string | null;
  /**
   * How the service signs a delivery, checked when a secret is configured for the bot
   * (core/verify.ts); without one, an `X-Webhook-Token` header must carry the secret.
   */
  verify?: SignatureCheck;
  /** The integration's own URL parameters beyond api_key/stream/topic/only_events/exclude_events. */
  parameters?: Record<string, string>;
  /** A GET with this query parameter is a URL check: the gateway echoes its value (Dropbox). */
  challengeParam?: string;
  /**
   * The `msg` of a success answer, for a service that checks it (HelloSign retries a callback
   * unless the answer holds "Hello API Event Received"); Zulip's empty `msg` otherwise.
   */
  successMessage?: string;
}

export type WebhookOutcome =
  | { kind: 'message'; event: string; message: RenderedMessage }
  /** Several messages for one delivery, posted in this order. */
  | { kind: 'messages'; event: string; messages: RenderedMessage[] }
  | { kind: 'ignored'; event: string }
  | { kind: 'unsupported'; event: string };
