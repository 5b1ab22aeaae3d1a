import type {
  Category,
  EventRenderer,
  IntegrationDefinition,
  Rendered,
  RenderedMessage,
  WebhookInput,
} from './integration';
import { AnomalousPayloadError, Payload } from './payload';
import { render } from './templates';
import { truncateTopic } from './text';
import type { SignatureCheck } from './verify';

/**
 * One delivery as an event handler sees it: the type-checked payload, the URL options and
 * headers, and the integration's templates. Every payload read goes through `payload` (a
 * missing or mistyped field is a 400, never a crash).
 */
export class WebhookEvent {
  readonly payload: Payload;

  constructor(
    /** The folder whose templates/ this event renders with. */
    readonly folder: string,
    readonly input: WebhookInput,
  ) {
    this.payload = new Payload(input.payload);
  }

  get options(): Record<string, string> {
    return this.input.options;
  }

  /** A request header, by any case of its name. */
  header(name: string): string | undefined {
    return this.input.headers[name.toLowerCase()];
  }

  /** The URL fixed the topic (`topic=`): Zulip then names the item in the body instead. */
  get customTopic(): boolean {
    return this.input.options.topic !== undefined;
  }

  /** A JSON boolean URL option (`ignore_private_repositories=true`); anything else is a 400. */
  flag(name: string, fallback: boolean): boolean {
    const raw = this.input.options[name];
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw new AnomalousPayloadError(name, 'true or false');
  }

  /** Renders templates/<template>.hbs of this integration. */
  render(template: string, context: object): string {
    return render(this.folder, template, context);
  }

  /** A message: the topic cut to Zulip's limit, the body from a template. */
  message(topic: string, template: string, context: object): RenderedMessage {
    return this.messageWithBody(topic, this.render(template, context));
  }

  /** A message whose body is already written (by shared-git's helpers, for instance). */
  messageWithBody(topic: string, body: string): RenderedMessage {
    return { topic: truncateTopic(topic), body };
  }
}

/**
 * What a handler makes of one event: a message, a list of messages (a batch of events in one
 * payload, posted in order, each with its own topic), or null (recognised, nothing to post).
 */
export type EventHandler = (e: WebhookEvent) => Rendered;

/**
 * The common handler: a topic and a template with its context, both read from the event.
 * `events: { deploy_created: post(siteTopic, 'deploy', deployContext) }`.
 */
export function post(
  topic: (e: WebhookEvent) => string,
  template: string,
  context: (e: WebhookEvent) => object = () => ({}),
): EventHandler {
  return (e) => e.message(topic(e), template, context(e));
}

export interface IntegrationSpec {
  /** The URL name: `/api/v1/external/<name>`. */
  name: string;
  displayName: string;
  category: Category;
  /** Its folder under integrations/ (README, templates), when it differs from `name`. */
  folder?: string;
  /** Where its templates/ are, when another integration's folder (a service's fork) has them. */
  templatesFrom?: string;
  /** The event is this header's value (`X-Gitea-Event`), unless `eventName` says otherwise. */
  eventHeader?: string;
  /** The event is this payload field's value (dotted path), unless `eventName` says otherwise. */
  eventField?: string;
  /** Derives the event name (what only_events/exclude_events match) from the delivery. */
  eventName?: (e: WebhookEvent) => string;
  /** Event name → handler. The supported events are exactly this table's keys. */
  events: Record<string, EventHandler>;
  /** Events recognised and deliberately dropped (200, nothing posted, no warning). */
  ignoredEvents?: readonly string[];
  deliveryIdHeader?: string;
  /** The branch a delivery concerns, which the `branches` URL option filters; null: none. */
  branchOf?: (e: WebhookEvent) => string | null;
  verify?: SignatureCheck;
  /** The integration's own URL parameters and what they do. */
  parameters?: Record<string, string>;
  /**
   * A GET with this query parameter is the service checking the URL (Dropbox's `challenge`):
   * the gateway answers its value as text/plain, once the api_key is valid.
   */
  challengeParam?: string;
  /** The `msg` of a success answer, for a service that checks it (HelloSign). */
  successMessage?: string;
}

const BRANCHES_PARAMETER =
  'comma-separated branch names: pushes and branch events on other branches post nothing';

/** Builds an integration from its table of events; see integrations/README.md. */
export function defineIntegration(spec: IntegrationSpec): IntegrationDefinition {
  const templates = spec.templatesFrom ?? spec.folder ?? spec.name;
  const wrap = (input: WebhookInput) => new WebhookEvent(templates, input);
  const { eventHeader, eventField, eventName } = spec;
  if (!eventName && !eventHeader && !eventField) {
    throw new Error(
      `${spec.name}: say where the event comes from (eventHeader, eventField or eventName)`,
    );
  }
  const nameOf = (e: WebhookEvent): string => {
    if (eventName) return eventName(e);
    if (eventHeader) return (e.header(eventHeader) ?? '').trim();
    return e.payload.str(eventField!);
  };
  const events: Record<string, EventRenderer> = {};
  for (const [event, handler] of Object.entries(spec.events)) {
    events[event] = (input) => handler(wrap(input));
  }
  const branchOf = spec.branchOf;
  return {
    name: spec.name,
    displayName: spec.displayName,
    category: spec.category,
    folder: spec.folder,
    eventHeader,
    eventName: (input) => nameOf(wrap(input)),
    events,
    ignoredEvents: spec.ignoredEvents ?? [],
    deliveryIdHeader: spec.deliveryIdHeader,
    branchOf: branchOf ? (input) => branchOf(wrap(input)) : undefined,
    verify: spec.verify,
    challengeParam: spec.challengeParam,
    successMessage: spec.successMessage,
    parameters: branchOf ? { branches: BRANCHES_PARAMETER, ...spec.parameters } : spec.parameters,
  };
}
